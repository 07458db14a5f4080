// Sharing a survey link: LINE's share target picker when this LIFF may use it, else copying the link.
import type { Liff } from '@line/liff';

export type ShareOutcome = 'shared' | 'copied' | 'cancelled' | 'failed';

/** The picker needs the LIFF browser (or a logged-in external browser) and the Console switch turned on. */
export function canPickTargets(liff: Pick<Liff, 'isApiAvailable'> | undefined): boolean {
  try {
    return liff?.isApiAvailable('shareTargetPicker') === true;
  } catch {
    return false;
  }
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export async function shareLink(
  liff: Pick<Liff, 'isApiAvailable' | 'shareTargetPicker'> | undefined,
  message: string,
  url: string,
): Promise<ShareOutcome> {
  if (liff !== undefined && canPickTargets(liff)) {
    try {
      const result = await liff.shareTargetPicker([{ type: 'text', text: `${message}\n${url}` }]);
      // Resolves undefined (or false) when the person closes the picker without sending.
      return result ? 'shared' : 'cancelled';
    } catch {
      return (await copyText(url)) ? 'copied' : 'failed';
    }
  }
  return (await copyText(url)) ? 'copied' : 'failed';
}
