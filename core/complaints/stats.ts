// Complaint statistics for the OIT (issue 5 §4): counts by type, status, agency and month, the share answered
// in time, times to acknowledge and to close, reopened and late counts — with small counts suppressed so no
// reporter can be singled out. Works on complaints without any personal data; pure (the caller passes `now`).
import { bangkokParts } from '../thai/bangkok.ts';
import { periodMonths, periodRange, type ReportPeriod } from './periods.ts';
import { deadlinesOf, isLate, type SlaSettings } from './sla.ts';
import { COMPLAINT_STATUSES, COMPLAINT_TYPES } from './status.ts';

/** What statistics read of a complaint: no text, no place, no identity. */
export interface StatsComplaint {
  type: string;
  status: string;
  agencyId: string | null;
  createdAt: string;
  acknowledgedAt: string | null;
  repliedAt: string | null;
  closedAt: string | null;
  reopenedCount: number;
}

/**
 * A count as published: the number; "<3" when it is 1 or 2 (below the threshold) and so hidden; "x" when it
 * is hidden only because otherwise a "<3" next to it could be worked out from the total.
 */
export type Cell = number | `<${number}` | 'x';

export interface Row<K> {
  key: K;
  count: Cell;
}

/** Days between filing and a step: median and 90th percentile, hidden (null) below the threshold. */
export interface Durations {
  count: Cell;
  medianDays: number | null;
  p90Days: number | null;
}

export interface ComplaintStats {
  fiscalYear: number;
  period: ReportPeriod;
  threshold: number;
  total: Cell;
  byType: Row<string>[];
  byStatus: Row<string>[];
  /** `null`: the reporter did not know the agency. */
  byAgency: Row<string | null>[];
  /** 'YYYY-MM' (Christian era, Bangkok). */
  byMonth: Row<string>[];
  replyDays: number;
  /** Complaints whose reply was due by now or has been given: the base of the share. */
  replyDue: Cell;
  repliedInTime: Cell;
  /** repliedInTime / replyDue, 0–1, rounded to 3 places; null when the base is below the threshold. */
  repliedInTimeShare: number | null;
  acknowledge: Durations;
  close: Durations;
  reopened: Cell;
  /** Missed at least one deadline (acknowledge, reply or close): met late, or still open past it. */
  late: Cell;
}

export const DEFAULT_SUPPRESSION_THRESHOLD = 3;
const DAY_MS = 86_400_000;

/** Hides a count from 1 up to threshold − 1; zero reveals no one and is shown. */
export function suppress(n: number, threshold: number): Cell {
  return n > 0 && n < threshold ? `<${threshold}` : n;
}

/**
 * A breakdown's rows, suppressed. When exactly one row is hidden its count could be worked out from the
 * total, so the smallest shown non-zero row is hidden too (secondary suppression).
 */
function breakdown<K>(counts: Map<K, number>, threshold: number): Row<K>[] {
  const rows = [...counts].map(([key, n]) => ({ key, n, count: suppress(n, threshold) }));
  const hidden = rows.filter((r) => typeof r.count === 'string');
  if (hidden.length === 1) {
    const shown = rows.filter((r) => typeof r.count === 'number' && r.n > 0).sort((a, b) => a.n - b.n);
    const smallest = shown[0];
    if (smallest !== undefined) smallest.count = 'x';
  }
  return rows.map(({ key, count }) => ({ key, count }));
}

function countBy<K>(keys: readonly K[], values: readonly K[]): Map<K, number> {
  const counts = new Map<K, number>(keys.map((k) => [k, 0]));
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

/** Nearest-rank percentile (p in 0–100) of sorted values. */
function percentile(sorted: readonly number[], p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}

function median(sorted: readonly number[]): number {
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? Number.NaN) + upper) / 2;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

function durations(days: number[], threshold: number): Durations {
  const sorted = [...days].sort((a, b) => a - b);
  const shown = sorted.length >= threshold && sorted.length > 0;
  return {
    count: suppress(sorted.length, threshold),
    medianDays: shown ? round1(median(sorted)) : null,
    p90Days: shown ? round1(percentile(sorted, 90)) : null,
  };
}

const daysFrom = (c: StatsComplaint, at: string | null) =>
  at === null ? [] : [(new Date(at).getTime() - new Date(c.createdAt).getTime()) / DAY_MS];

export interface StatsInput {
  complaints: readonly StatsComplaint[];
  fiscalYear: number;
  period: ReportPeriod;
  now: Date;
  sla: SlaSettings;
  threshold?: number;
}

/** Statistics of the complaints filed in the period (others in the input are ignored). */
export function complaintStats(input: StatsInput): ComplaintStats {
  const threshold = Math.max(1, input.threshold ?? DEFAULT_SUPPRESSION_THRESHOLD);
  const { start, end } = periodRange(input.fiscalYear, input.period);
  const inPeriod = input.complaints.filter((c) => {
    const t = new Date(c.createdAt).getTime();
    return t >= start.getTime() && t < end.getTime();
  });
  const months = periodMonths(input.fiscalYear, input.period);
  const agencies = [...new Set(inPeriod.map((c) => c.agencyId))].sort((a, b) =>
    (a ?? '\uffff').localeCompare(b ?? '\uffff'),
  );
  const deadlines = inPeriod.map((c) => deadlinesOf(c, input.sla));
  const replies = deadlines.flatMap((ds) => ds.filter((d) => d.kind === 'reply'));
  const replyDue = replies.filter((d) => d.metAt !== null || isLate(d, input.now));
  const inTime = replyDue.filter((d) => !isLate(d, input.now));
  const shareShown = replyDue.length >= threshold && replyDue.length > 0;
  return {
    fiscalYear: input.fiscalYear,
    period: input.period,
    threshold,
    total: suppress(inPeriod.length, threshold),
    byType: breakdown(
      countBy(
        [...COMPLAINT_TYPES],
        inPeriod.map((c) => c.type),
      ),
      threshold,
    ),
    byStatus: breakdown(
      countBy(
        [...COMPLAINT_STATUSES],
        inPeriod.map((c) => c.status),
      ),
      threshold,
    ),
    byAgency: breakdown(
      countBy(
        agencies,
        inPeriod.map((c) => c.agencyId),
      ),
      threshold,
    ),
    byMonth: breakdown(
      countBy(
        months,
        inPeriod.map((c) => monthKey(c.createdAt)),
      ),
      threshold,
    ),
    replyDays: input.sla.complaintReplyDays,
    replyDue: suppress(replyDue.length, threshold),
    repliedInTime: suppress(inTime.length, threshold),
    repliedInTimeShare: shareShown ? Math.round((inTime.length / replyDue.length) * 1000) / 1000 : null,
    acknowledge: durations(
      inPeriod.flatMap((c) => daysFrom(c, c.acknowledgedAt)),
      threshold,
    ),
    close: durations(
      inPeriod.flatMap((c) => daysFrom(c, c.closedAt)),
      threshold,
    ),
    reopened: suppress(inPeriod.filter((c) => c.reopenedCount > 0).length, threshold),
    late: suppress(deadlines.filter((ds) => ds.some((d) => isLate(d, input.now))).length, threshold),
  };
}

/** 'YYYY-MM' of an instant in Bangkok. */
function monthKey(at: string): string {
  const p = bangkokParts(new Date(at));
  return `${p.year}-${String(p.month).padStart(2, '0')}`;
}
