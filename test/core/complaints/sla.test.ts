// Complaint deadlines and their reminder slots, counted by hand on the 2024 calendar (Thai holidays included).
import { describe, expect, it } from 'vitest';
import {
  currentDeadlinesOf,
  deadlinesOf,
  dueSlaSlots,
  isLate,
  type SlaSubject,
} from '../../../core/complaints/sla.ts';
import { bangkokTime } from '../../../core/index.ts';
import { SLA } from '../reminders/helpers.ts';

const bkk = (d: number, m: number, h = 9, min = 0) => bangkokTime(2024, m, d, h, min);
const open = (createdAt: Date): SlaSubject => ({
  createdAt: createdAt.toISOString(),
  acknowledgedAt: null,
  repliedAt: null,
  closedAt: null,
  reopenedAt: null,
  reopenAcknowledgedAt: null,
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

describe('a reopened complaint', () => {
  // Filed Monday 24 June, closed on 5 July (replied in time), reopened by the reporter on Monday 5 August.
  const closedOn = bkk(5, 7).toISOString();
  const reopened: SlaSubject = {
    ...open(bkk(24, 6)),
    acknowledgedAt: bkk(25, 6).toISOString(),
    repliedAt: closedOn,
    closedAt: null, // cleared by the reopening
    reopenedAt: bkk(5, 8, 10).toISOString(),
  };

  it('keeps the first round as filed: answered and closed at the first closing, in time', () => {
    const first = deadlinesOf(reopened, SLA);
    expect(first.map((d) => [d.round, d.kind, d.metAt?.toISOString(), isLate(d, bkk(20, 9))])).toEqual([
      ['filed', 'acknowledge', bkk(25, 6).toISOString(), false],
      ['filed', 'reply', closedOn, false],
      ['filed', 'close', closedOn, false],
    ]);
  });

  it('counts a second round from the day it was reopened', () => {
    // 3 working days after Monday 5 August: the 8th; 15 and 30 calendar days: 20 August, 4 September.
    expect(currentDeadlinesOf(reopened, SLA).map((d) => [d.round, d.kind, d.dueOn, d.metAt])).toEqual([
      ['reopened', 'acknowledge', '2024-08-08', null],
      ['reopened', 'reply', '2024-08-20', null],
      ['reopened', 'close', '2024-09-04', null],
    ]);
  });

  it('is reminded again under keys of its own, not overdue at once', () => {
    const keys = (now: Date, c: SlaSubject = reopened) => dueSlaSlots(c, now, SLA).map((s) => s.key);
    expect(keys(bkk(5, 8, 11))).toEqual([]);
    expect(keys(bkk(7, 8, 9))).toEqual(['reopened:acknowledge:before']);
    expect(keys(bkk(9, 8, 9))).toEqual(['reopened:acknowledge:after']);
    const acked = { ...reopened, reopenAcknowledgedAt: bkk(6, 8).toISOString() };
    expect(keys(bkk(9, 8, 9), acked)).toEqual([]);
    expect(keys(bkk(20, 8, 9), acked)).toEqual(['reopened:reply:before']);
    // Closed again: nothing is due in either round.
    expect(keys(bkk(20, 9, 9), { ...acked, closedAt: bkk(15, 8).toISOString() })).toEqual([]);
  });

  it('leaves a complaint never reopened on its first round', () => {
    const filed = open(bkk(24, 6));
    expect(currentDeadlinesOf(filed, SLA)).toEqual(deadlinesOf(filed, SLA));
  });
});
