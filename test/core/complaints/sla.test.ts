// Complaint deadlines and their reminder slots, counted by hand on the 2024 calendar (Thai holidays included).
import { describe, expect, it } from 'vitest';
import { deadlinesOf, dueSlaSlots, isLate, type SlaSubject } from '../../../core/complaints/sla.ts';
import { bangkokTime } from '../../../core/index.ts';
import { SLA } from '../reminders/helpers.ts';

const bkk = (d: number, m: number, h = 9, min = 0) => bangkokTime(2024, m, d, h, min);
const open = (createdAt: Date): SlaSubject => ({
  createdAt: createdAt.toISOString(),
  acknowledgedAt: null,
  repliedAt: null,
  closedAt: null,
});

describe('deadlinesOf', () => {
  it('counts 3 working days to acknowledge and 15 and 30 calendar days to reply and close', () => {
    const d = deadlinesOf(open(bkk(24, 6)), SLA); // Monday 24 June 2024
    expect(d.map((x) => [x.kind, x.dueOn])).toEqual([
      ['acknowledge', '2024-06-27'],
      ['reply', '2024-07-09'],
      ['close', '2024-07-24'],
    ]);
    expect(d[0]?.dueAt).toEqual(bangkokTime(2024, 6, 28, 0, 0));
  });

  it('skips weekends and the Asarnha Bucha substitute holiday', () => {
    const [ack] = deadlinesOf(open(bkk(19, 7, 15)), SLA); // Friday 19 July; Monday 22 July is a holiday
    expect(ack?.dueOn).toBe('2024-07-25');
  });

  it('says late when met after the deadline or still open past it', () => {
    const [ack] = deadlinesOf({ ...open(bkk(24, 6)), acknowledgedAt: bkk(28, 6, 8).toISOString() }, SLA);
    if (ack === undefined) throw new Error('no deadline');
    expect(isLate(ack, bkk(1, 7))).toBe(true);
    const [onTime] = deadlinesOf(
      { ...open(bkk(24, 6)), acknowledgedAt: bkk(27, 6, 23, 59).toISOString() },
      SLA,
    );
    if (onTime === undefined) throw new Error('no deadline');
    expect(isLate(onTime, bkk(1, 7))).toBe(false);
    const [pending] = deadlinesOf(open(bkk(24, 6)), SLA);
    if (pending === undefined) throw new Error('no deadline');
    expect([isLate(pending, bkk(27, 6, 16)), isLate(pending, bkk(28, 6, 0))]).toEqual([false, true]);
  });
});

describe('dueSlaSlots', () => {
  const filed = open(bkk(24, 6));
  const keys = (now: Date, c = filed) => dueSlaSlots(c, now, SLA).map((s) => s.key);

  it('is quiet until the working day before the deadline', () => {
    expect(keys(bkk(25, 6, 16))).toEqual([]);
    expect(keys(bkk(26, 6, 8, 29))).toEqual([]);
  });

  it('warns from the working day before, then after the deadline on the next working day', () => {
    expect(keys(bkk(26, 6, 8, 30))).toEqual(['acknowledge:before']);
    expect(keys(bkk(27, 6, 16))).toEqual(['acknowledge:before']);
    expect(keys(bkk(28, 6, 8, 30))).toEqual(['acknowledge:after']);
    expect(keys(bkk(8, 7, 9))).toEqual(['acknowledge:after', 'reply:before']);
  });

  it('has nothing for a deadline that was met', () => {
    const acked = { ...filed, acknowledgedAt: bkk(25, 6).toISOString() };
    expect(keys(bkk(28, 6, 9), acked)).toEqual([]);
  });
});
