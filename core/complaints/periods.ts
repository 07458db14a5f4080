// Reporting periods of the Thai fiscal year (1 October – 30 September, Buddhist era): quarters, the first
// half and the whole year, as the OIT asks agencies to publish complaint statistics.

import { isOneOf } from '../one-of.ts';
import { bangkokTime } from '../thai/bangkok.ts';
import { fiscalMonthAt } from '../thai/era.ts';

export const REPORT_PERIODS = ['q1', 'q2', 'q3', 'q4', 'h1', 'year'] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];

export const REPORT_PERIOD_LABELS: Record<ReportPeriod, string> = {
  q1: 'ไตรมาสที่ 1 (ต.ค.–ธ.ค.)',
  q2: 'ไตรมาสที่ 2 (ม.ค.–มี.ค.)',
  q3: 'ไตรมาสที่ 3 (เม.ย.–มิ.ย.)',
  q4: 'ไตรมาสที่ 4 (ก.ค.–ก.ย.)',
  h1: 'ครึ่งปีแรก (ต.ค.–มี.ค.)',
  year: 'ทั้งปีงบประมาณ (ต.ค.–ก.ย.)',
};

// Months from 1 October of the year before the fiscal year's own: where each period starts and how long it is.
const SPANS: Record<ReportPeriod, { from: number; months: number }> = {
  q1: { from: 0, months: 3 },
  q2: { from: 3, months: 3 },
  q3: { from: 6, months: 3 },
  q4: { from: 9, months: 3 },
  h1: { from: 0, months: 6 },
  year: { from: 0, months: 12 },
};

export function isReportPeriod(value: unknown): value is ReportPeriod {
  return isOneOf(REPORT_PERIODS, value);
}

/** Bangkok midnight on the first day of the month `offset` months after 1 October before the fiscal year. */
function monthStart(fiscalYear: number, offset: number): Date {
  const { year, month } = fiscalMonthAt(fiscalYear, offset);
  return bangkokTime(year, month, 1);
}

/** The period as [start, end): start included, end excluded (Bangkok midnights). */
export function periodRange(fiscalYear: number, period: ReportPeriod): { start: Date; end: Date } {
  const span = SPANS[period];
  return { start: monthStart(fiscalYear, span.from), end: monthStart(fiscalYear, span.from + span.months) };
}

/** The months of the period as 'YYYY-MM' (Christian era, Bangkok), in order. */
export function periodMonths(fiscalYear: number, period: ReportPeriod): string[] {
  const span = SPANS[period];
  return Array.from({ length: span.months }, (_, i) => {
    const { year, month } = fiscalMonthAt(fiscalYear, span.from + i);
    return `${year}-${String(month).padStart(2, '0')}`;
  });
}
