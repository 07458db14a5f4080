// Tracking codes: drawn from random bytes the caller passes in (core has no crypto), written in groups for
// reading aloud over the phone, and parsed back from however a person types them.
import { toArabicDigits } from '../thai/digits.ts';

/**
 * 30 characters with no look-alikes: no 0/O/Q-like pairs (0, O), no 1/I/L, no U (read as V), so a code read
 * aloud or copied by hand comes back the same.
 */
export const TRACKING_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export const TRACKING_GROUPS = 3;
export const TRACKING_GROUP_LENGTH = 5;
export const TRACKING_LENGTH = TRACKING_GROUPS * TRACKING_GROUP_LENGTH;
/** log2(30) × 15 ≈ 73.6 bits: far beyond guessing, even at the rate limit's pace for years. */
export const TRACKING_CODE_BITS = TRACKING_LENGTH * Math.log2(TRACKING_ALPHABET.length);
/** Random bytes to pass to drawTrackingCode: enough that rejection sampling practically never runs out. */
export const TRACKING_CODE_BYTES = 48;

// Bytes at or above this are skipped, so every character is equally likely (256 is not a multiple of 30).
const UNBIASED_LIMIT = 256 - (256 % TRACKING_ALPHABET.length);

/** Groups 15 characters as 'K7QMX-2XPAR-9DRTW'. */
function grouped(chars: string): string {
  const groups: string[] = [];
  for (let i = 0; i < chars.length; i += TRACKING_GROUP_LENGTH)
    groups.push(chars.slice(i, i + TRACKING_GROUP_LENGTH));
  return groups.join('-');
}

/** A code from uniformly random bytes; undefined in the (≈10⁻¹⁸) case the bytes run out — draw again. */
export function drawTrackingCode(randomBytes: Uint8Array): string | undefined {
  let chars = '';
  for (const byte of randomBytes) {
    if (byte >= UNBIASED_LIMIT) continue;
    chars += TRACKING_ALPHABET.charAt(byte % TRACKING_ALPHABET.length);
    if (chars.length === TRACKING_LENGTH) return grouped(chars);
  }
  return undefined;
}

/**
 * What a person typed → the stored code, or undefined when it cannot be one: lower case, Thai digits,
 * spaces, dots or missing dashes are all fine ('k7qmx 2xpar ๙drtw').
 */
export function parseTrackingCode(text: string): string | undefined {
  const chars = toArabicDigits(text)
    .toUpperCase()
    .replace(/[\s\u200b\-‐‑–—_.]/g, '');
  if (chars.length !== TRACKING_LENGTH) return undefined;
  for (const c of chars) if (!TRACKING_ALPHABET.includes(c)) return undefined;
  return grouped(chars);
}

/** Letters and digits left out of codes because they are read as others (0/O, 1/I/L, U/V). */
export const TRACKING_EXCLUDED = '01ILOU';

/**
 * Why typed text is not a code, for a message that teaches: the characters that can never be in one (in the
 * order typed, once each) and how many code characters it has.
 */
export function explainTrackingCode(text: string): { badChars: string[]; length: number } {
  const chars = toArabicDigits(text)
    .toUpperCase()
    .replace(/[\s\u200b\-‐‑–—_.]/g, '');
  const badChars = [...new Set([...chars].filter((c) => !TRACKING_ALPHABET.includes(c)))];
  return { badChars, length: chars.length };
}
