// Thai phone numbers for a named complaint: mobile (06/08/09 + 8 digits) or landline (02–07 + 7 digits),
// typed with +66, dashes, spaces or Thai digits, kept as plain digits with the leading 0.
import { toArabicDigits } from '../thai/digits.ts';
import type { Check } from './intake-rules.ts';

export type PhoneKind = 'mobile' | 'landline';

const MOBILE_RE = /^0[689]\d{8}$/;
const LANDLINE_RE = /^0[2-7]\d{7}$/;

export const PHONE_MESSAGE =
  'หมายเลขโทรศัพท์ไม่ถูกต้อง โปรดพิมพ์เบอร์มือถือ 10 หลัก (เช่น 081-234-5678) หรือเบอร์บ้าน/สำนักงาน 9 หลัก (เช่น 02-123-4567)';

/** '+66 81 234 5678', '๐๘๑-๒๓๔-๕๖๗๘' → '0812345678'; a Thai message when it is not a Thai number. */
export function normalizeThaiPhone(text: string): Check<string> {
  let digits = toArabicDigits(text)
    .trim()
    .replace(/[\s\u200b\-‐‑–—().]/g, '');
  if (digits.startsWith('+66')) digits = `0${digits.slice(3)}`;
  else if (digits.startsWith('66') && digits.length >= 10 && digits.length <= 11)
    digits = `0${digits.slice(2)}`;
  if (digits.startsWith('00')) digits = digits.slice(1); // "+66 0 81…" written with the trunk zero kept
  if (!/^\d+$/.test(digits)) return { ok: false, message: PHONE_MESSAGE };
  if (MOBILE_RE.test(digits) || LANDLINE_RE.test(digits)) return { ok: true, value: digits };
  return { ok: false, message: PHONE_MESSAGE };
}

export function phoneKindOf(digits: string): PhoneKind {
  return MOBILE_RE.test(digits) ? 'mobile' : 'landline';
}

/** '0812345678' → '081-234-5678'; '021234567' → '02-123-4567'; '053123456' → '053-123-456'. */
export function formatThaiPhone(digits: string): string {
  if (MOBILE_RE.test(digits)) return `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`;
  if (digits.startsWith('02')) return `${digits.slice(0, 2)}-${digits.slice(2, 5)}-${digits.slice(5)}`;
  return `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`;
}
