// How the complaint statistics read (core/complaints/stats.ts): shared by the report files and the LIFF page,
// kept apart from the statistics so the page's chunk does not pull in the deadline and period maths.
import { THAI_MONTHS_SHORT } from '../thai/date-format.ts';
import { toBuddhistYear } from '../thai/era.ts';

/** A month key of the statistics, as a reader sees it: '2025-03' → 'มี.ค. 2568'. */
export function monthLabelOf(key: string): string {
  const [y = 0, m = 1] = key.split('-').map(Number);
  return `${THAI_MONTHS_SHORT[m - 1] ?? key} ${toBuddhistYear(y)}`;
}

/** The share replied within the time limit, as shown: '85.7%', or 'ไม่แสดง' when suppressed. */
export function formatRepliedShare(share: number | null): string {
  return share === null ? 'ไม่แสดง' : `${(share * 100).toFixed(1)}%`;
}
