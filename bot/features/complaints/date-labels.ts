// A complaint's times and days as its pages show them — Thai, Buddhist era, Bangkok time, the words the chat uses —
// formatted here, so the mini-app's pages carry no calendar code (as the plan and survey APIs send their labels).
import { bangkokTime } from '../../../core/thai/bangkok.ts';
import { formatThaiDate } from '../../../core/thai/date-format.ts';

/** '2025-03-03T07:00:00.000Z' → '3 มี.ค. 2568 14:00 น.' */
export function thaiDateTime(at: string): string {
  return formatThaiDate(new Date(at), 'short', { time: true });
}

/** '2025-03-12' (a day in Bangkok) → '12 มี.ค. 2568'. */
export function thaiDay(isoDay: string): string {
  const [y, m, d] = isoDay.split('-').map(Number);
  return formatThaiDate(bangkokTime(y ?? 1970, m ?? 1, d ?? 1));
}
