// Complaint statistics against a set computed by hand (FY2567, third quarter), suppression included.
import { describe, expect, it } from 'vitest';
import { periodMonths, periodRange } from '../../../core/complaints/periods.ts';
import { complaintStats, type StatsComplaint, suppress } from '../../../core/complaints/stats.ts';
import { bangkokTime } from '../../../core/index.ts';
import { SLA } from '../reminders/helpers.ts';

/** 10:00 in Bangkok on a 2024 day. */
const on = (m: number, d: number) => bangkokTime(2024, m, d, 10).toISOString();

function complaint(partial: Partial<StatsComplaint> & { createdAt: string }): StatsComplaint {
  return {
    type: 'service',
    status: 'received',
    agencyId: 'a-agency',
    acknowledgedAt: null,
    repliedAt: null,
    closedAt: null,
    reopenedCount: 0,
    ...partial,
  };
}

const closed = (created: string, acked: string, done: string, extra: Partial<StatsComplaint> = {}) =>
  complaint({
    createdAt: created,
    acknowledgedAt: acked,
    repliedAt: done,
    closedAt: done,
    status: 'closed',
    ...extra,
  });

const SET: StatsComplaint[] = [
  closed(on(4, 1), on(4, 2), on(4, 5)), // ack 1 day, closed in 4: on time
  closed(on(4, 10), on(4, 12), on(4, 20)), // ack 2 days, closed in 10: on time
  closed(on(5, 1), on(5, 8), on(5, 30), { reopenedCount: 1 }), // ack 7 days and reply 29 days: late
  complaint({
    createdAt: on(5, 15),
    acknowledgedAt: on(5, 16),
    status: 'in_progress',
    type: 'corruption',
    agencyId: 'b-agency',
  }),
  complaint({ createdAt: on(6, 20), type: 'other', agencyId: null }),
  complaint({ createdAt: on(3, 15) }), // second quarter: not counted
  complaint({ createdAt: on(6, 28) }),
];

describe('complaintStats', () => {
  const stats = complaintStats({
    complaints: SET,
    fiscalYear: 2567,
    period: 'q3',
    now: new Date(on(7, 15)),
    sla: SLA,
  });

  it('counts by type, status, agency and month, hiding counts of 1 and 2 as "<3"', () => {
    expect(stats.total).toBe(6);
    expect(stats.byType).toEqual([
      { key: 'corruption', count: '<3' },
      { key: 'service', count: 4 },
      { key: 'other', count: '<3' },
    ]);
    expect(stats.byStatus.filter((r) => r.count !== 0)).toEqual([
      { key: 'received', count: '<3' },
      { key: 'in_progress', count: '<3' },
      { key: 'closed', count: 3 },
    ]);
    expect(stats.byAgency).toEqual([
      { key: 'a-agency', count: 4 },
      { key: 'b-agency', count: '<3' },
      { key: null, count: '<3' },
    ]);
    expect(stats.byMonth).toEqual([
      { key: '2024-04', count: '<3' },
      { key: '2024-05', count: '<3' },
      { key: '2024-06', count: '<3' },
    ]);
  });

  it('computes the share replied within 15 days over the replies due, and the late and reopened counts', () => {
    expect([stats.replyDue, stats.repliedInTime, stats.repliedInTimeShare]).toEqual([6, '<3', 0.333]);
    expect(stats.late).toBe(4);
    expect(stats.reopened).toBe('<3');
  });

  it('gives the median and 90th percentile days to acknowledge and to close', () => {
    expect(stats.acknowledge).toEqual({ count: 4, medianDays: 1.5, p90Days: 7 });
    expect(stats.close).toEqual({ count: 3, medianDays: 10, p90Days: 29 });
  });

  it('hides durations over fewer than 3 complaints and a lone small cell’s neighbour', () => {
    const few = complaintStats({
      complaints: [
        ...Array.from({ length: 5 }, () => complaint({ createdAt: on(4, 3) })),
        closed(on(4, 4), on(4, 5), on(4, 6), { type: 'corruption' }),
      ],
      fiscalYear: 2567,
      period: 'year',
      now: new Date(on(4, 8)),
      sla: SLA,
    });
    expect(few.byType).toEqual([
      { key: 'corruption', count: '<3' },
      { key: 'service', count: 'x' },
      { key: 'other', count: 0 },
    ]);
    expect(few.close).toEqual({ count: '<3', medianDays: null, p90Days: null });
    expect(few.repliedInTimeShare).toBeNull();
  });
});

describe('suppress and the fiscal periods', () => {
  it('shows zero and counts from the threshold on', () => {
    expect([0, 1, 2, 3].map((n) => suppress(n, 3))).toEqual([0, '<3', '<3', 3]);
  });

  it('splits FY2567 into Bangkok quarters from 1 October 2023', () => {
    expect(periodRange(2567, 'q1')).toEqual({
      start: bangkokTime(2023, 10, 1),
      end: bangkokTime(2024, 1, 1),
    });
    expect(periodRange(2567, 'h1').end).toEqual(bangkokTime(2024, 4, 1));
    expect(periodRange(2567, 'year').end).toEqual(bangkokTime(2024, 10, 1));
    expect(periodMonths(2567, 'q2')).toEqual(['2024-01', '2024-02', '2024-03']);
  });
});
