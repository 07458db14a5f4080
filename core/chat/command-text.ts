// Reading what people type to the bot: Thai digits, spacing and case folded, a keyword matched at the start.
import { toArabicDigits } from '../thai/digits.ts';

/** Arabic digits, composed characters, single spaces (zero-width ones too), case kept. */
function foldSpacing(text: string): string {
  return toArabicDigits(text)
    .normalize('NFC')
    .replace(/[\s\u200b]+/g, ' ')
    .trim();
}

/** Folds what a person typed into the form commands are matched on: Arabic digits, single spaces, lower case. */
export function normalizeText(text: string): string {
  return foldSpacing(text).toLowerCase();
}

export interface CommandMatch<T> {
  command: T;
  keyword: string;
  /** The rest of the text after the keyword, normalized (digits Arabic, single spaces), case kept. */
  args: string;
}

/**
 * Finds the command whose keyword starts the text, longest keyword first ("ยกเลิกผูกกลุ่ม" before
 * "ยกเลิก"). Thai is written without spaces, so "ผูกกลุ่ม4KX9QP" matches too; an English keyword must end at a
 * word boundary ("help" but not "helpful").
 */
export function matchCommand<T extends { keywords: readonly string[] }>(
  text: string,
  commands: readonly T[],
): CommandMatch<T> | undefined {
  const kept = foldSpacing(text);
  const folded = kept.toLowerCase();
  let best: CommandMatch<T> | undefined;
  for (const command of commands) {
    for (const keyword of command.keywords) {
      const k = keyword.toLowerCase();
      if (!folded.startsWith(k) || (best !== undefined && best.keyword.length >= k.length)) continue;
      const next = folded.charAt(k.length);
      const latin = /[a-z0-9]$/.test(k);
      if (latin && next !== '' && /[a-z0-9]/.test(next)) continue;
      best = { command, keyword, args: kept.slice(k.length).trim() };
    }
  }
  return best;
}
