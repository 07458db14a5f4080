// Thai digits (๐–๙) ↔ Arabic digits, and parsing numbers typed either way.

const THAI_ZERO = 0x0e50;

/** '๙๒.๖๙' → '92.69'; other characters are kept. */
export function toArabicDigits(text: string): string {
  return text.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - THAI_ZERO));
}

/** '92.69' → '๙๒.๖๙'; other characters are kept. */
export function toThaiDigits(text: string | number): string {
  return String(text).replace(/[0-9]/g, (d) => String.fromCharCode(THAI_ZERO + Number(d)));
}

// Optional sign, digits with optional thousands commas, optional decimals.
const NUMBER_RE = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^[+-]?\.\d+$/;

/**
 * '๙๒.๖๙', ' 92.69 ', '1,234.5' → a number; undefined when the text is not one number (empty,
 * '12abc', '1,2', '--1'). Thai and Arabic digits may be mixed, as OCR'd documents do [seed 001].
 */
export function parseThaiNumber(text: string): number | undefined {
  const plain = toArabicDigits(text.trim());
  if (!NUMBER_RE.test(plain)) return undefined;
  const value = Number(plain.replace(/,/g, ''));
  return Number.isFinite(value) ? value : undefined;
}
