// The OIT complaint-statistics item (O19 in FY2568, O24 in FY2567): corruption and misconduct complaints only —
// total, completed and in progress — per month with quarter and half-year totals, exact counts (bare counts
// identify nobody), and the sentence "ไม่มีเรื่องร้องเรียน…" when there were none (ita-framework.md).
import { bangkokParts } from '../thai/bangkok.ts';
import { periodMonths, periodRange, type ReportPeriod } from './periods.ts';
import type { StatsComplaint } from './stats.ts';
import { monthLabelOf } from './stats-labels.ts';

export type OitPeriod = Extract<ReportPeriod, 'h1' | 'year'>;

export interface OitCounts {
  total: number;
  completed: number;
  inProgress: number;
}

export interface OitRow extends OitCounts {
  /** 'YYYY-MM' for a month; 'q1'…'q4', 'h1', 'h2', 'year' for a sum. */
  key: string;
  label: string;
  kind: 'month' | 'quarter' | 'half' | 'total';
}

export interface OitComplaintStats {
  fiscalYear: number;
  period: OitPeriod;
  /** Months in order, each followed by its quarter's sum at the quarter's end, halves, then the whole period. */
  rows: OitRow[];
  total: OitCounts;
  /** True when no corruption or misconduct complaint was filed in the period. */
  none: boolean;
  noneSentence: string;
}

/** Handling is complete once closed, referred on to the competent agency, or not taken up (with a reason). */
const COMPLETED = new Set(['closed', 'referred', 'rejected']);

export const OIT_PERIOD_LABELS: Record<OitPeriod, string> = {
  h1: 'รอบ 6 เดือนแรก (ตุลาคม–มีนาคม)',
  year: 'ทั้งปีงบประมาณ (ตุลาคม–กันยายน)',
};

function monthKey(at: string): string {
  const p = bangkokParts(new Date(at));
  return `${p.year}-${String(p.month).padStart(2, '0')}`;
}

const add = (a: OitCounts, b: OitCounts): OitCounts => ({
  total: a.total + b.total,
  completed: a.completed + b.completed,
  inProgress: a.inProgress + b.inProgress,
});
const ZERO: OitCounts = { total: 0, completed: 0, inProgress: 0 };

/** Corruption and misconduct complaints of the period (other types are the internal service report's). */
export function oitComplaintStats(
  complaints: readonly StatsComplaint[],
  fiscalYear: number,
  period: OitPeriod,
): OitComplaintStats {
  const { start, end } = periodRange(fiscalYear, period);
  const byMonth = new Map<string, OitCounts>();
  for (const c of complaints) {
    if (c.type !== 'corruption') continue;
    const at = new Date(c.createdAt).getTime();
    if (at < start.getTime() || at >= end.getTime()) continue;
    const done = COMPLETED.has(c.status);
    const key = monthKey(c.createdAt);
    byMonth.set(
      key,
      add(byMonth.get(key) ?? ZERO, { total: 1, completed: done ? 1 : 0, inProgress: done ? 0 : 1 }),
    );
  }
  const months = periodMonths(fiscalYear, period);
  const rows: OitRow[] = [];
  let quarter = ZERO;
  let half = ZERO;
  let total = ZERO;
  months.forEach((key, i) => {
    const counts = byMonth.get(key) ?? ZERO;
    rows.push({ key, label: monthLabelOf(key), kind: 'month', ...counts });
    quarter = add(quarter, counts);
    half = add(half, counts);
    total = add(total, counts);
    if ((i + 1) % 3 === 0) {
      const q = (i + 1) / 3;
      rows.push({ key: `q${q}`, label: `รวมไตรมาสที่ ${q}`, kind: 'quarter', ...quarter });
      quarter = ZERO;
    }
    if ((i + 1) % 6 === 0) {
      const h = (i + 1) / 6;
      rows.push({ key: `h${h}`, label: h === 1 ? 'รวม 6 เดือนแรก' : 'รวม 6 เดือนหลัง', kind: 'half', ...half });
      half = ZERO;
    }
  });
  rows.push({ key: period, label: `รวม${OIT_PERIOD_LABELS[period]}`, kind: 'total', ...total });
  return {
    fiscalYear,
    period,
    rows,
    total,
    none: total.total === 0,
    noneSentence: `ไม่มีเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ ในปีงบประมาณ พ.ศ. ${fiscalYear} ${OIT_PERIOD_LABELS[period]}`,
  };
}
