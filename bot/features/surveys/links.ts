// Our short links and QR images for a survey link: `/s/{code}?c=<channel>` and `/qr/{code}.png`.
import type { ClickChannel } from '../../../db/queries/link-clicks.ts';

/** Channels a click is counted under (`?c=`); anything else counts as 'web'. */
const LINK_CHANNELS = ['line', 'qr', 'liff', 'web'] as const satisfies readonly ClickChannel[];
export type LinkChannel = (typeof LINK_CHANNELS)[number];

/** Short codes as the demo and the coordinator tools make them: letters and digits. */
export const SHORT_CODE = /^[A-Za-z0-9]{4,16}$/;

/** QR image sizes in pixels: large enough to print at a service counter, and LINE's chat preview. */
export const QR_SIZES = { print: 1200, preview: 240 } as const;
export type QrSize = keyof typeof QR_SIZES;

export function channelOf(param: string | undefined): LinkChannel {
  return LINK_CHANNELS.find((c) => c === param) ?? 'web';
}

export function shortLinkUrl(baseUrl: string, code: string, channel: LinkChannel): string {
  return `${baseUrl}/s/${encodeURIComponent(code)}?c=${channel}`;
}

export function qrImageUrl(baseUrl: string, code: string, size: QrSize = 'print'): string {
  const url = `${baseUrl}/qr/${encodeURIComponent(code)}.png`;
  return size === 'print' ? url : `${url}?size=${size}`;
}

/** Only https links are handed out and followed: a stored link that is anything else counts as missing. */
export function isHttpsUrl(url: string | null | undefined): url is string {
  if (url === null || url === undefined) return false;
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}
