// Thai date formatting in Asia/Bangkok: '1 ก.ค. 2567', '1 กรกฎาคม 2567', with '14:05 น.' if asked.
import { bangkokParts } from './bangkok.ts';
import { toThaiDigits } from './digits.ts';
import { toBuddhistYear } from './era.ts';

export const THAI_MONTHS: readonly string[] = [
  'มกราคม',
  'กุมภาพันธ์',
  'มีนาคม',
  'เมษายน',
  'พฤษภาคม',
  'มิถุนายน',
  'กรกฎาคม',
  'สิงหาคม',
  'กันยายน',
  'ตุลาคม',
  'พฤศจิกายน',
  'ธันวาคม',
];

export const THAI_MONTHS_SHORT: readonly string[] = [
  'ม.ค.',
  'ก.พ.',
  'มี.ค.',
  'เม.ย.',
  'พ.ค.',
  'มิ.ย.',
  'ก.ค.',
  'ส.ค.',
  'ก.ย.',
  'ต.ค.',
  'พ.ย.',
  'ธ.ค.',
];

/** 0 = Sunday, as BangkokParts.weekday. */
export const THAI_WEEKDAYS: readonly string[] = ['อาทิตย์', 'จันทร์', 'อังคาร', 'พุธ', 'พฤหัสบดี', 'ศุกร์', 'เสาร์'];

export interface ThaiDateOptions {
  /** Append the Bangkok time: '1 ก.ค. 2567 14:05 น.'. */
  time?: boolean;
  /** Write the digits in Thai: '๑ ก.ค. ๒๕๖๗'. */
  thaiDigits?: boolean;
}

/** A date as Thai official documents write it, in the Buddhist era, in Bangkok time (DESIGN.md §2). */
export function formatThaiDate(
  date: Date,
  style: 'short' | 'long' = 'short',
  options: ThaiDateOptions = {},
): string {
  const p = bangkokParts(date);
  const months = style === 'long' ? THAI_MONTHS : THAI_MONTHS_SHORT;
  let text = `${p.day} ${months[p.month - 1] ?? ''} ${toBuddhistYear(p.year)}`;
  if (options.time === true) {
    text += ` ${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')} น.`;
  }
  return options.thaiDigits === true ? toThaiDigits(text) : text;
}
