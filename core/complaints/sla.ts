// Service levels of a complaint (issue 5 §3): its three deadlines, whether each was met or is late, and which
// reminder slots (before and after each deadline) are due at a given time; a reopened complaint gets a second
// round counted from its reopening. Pure: the caller passes `now`.
import { addDays, bangkokDay, type IsoDay, instantOn } from '../reminders/days.ts';
import {
  addWorkingDays,
  isWorkingDay,
  nextWorkingDay,
  type WorkingTimeSettings,
  workStartMinute,
} from '../reminders/working-time.ts';

export interface SlaSettings extends WorkingTimeSettings {
  /** Acknowledge within this many working days after the day of filing (default 3). */
  complaintAckWorkingDays: number;
  /** Answer the reporter (close, refer or reject) within this many calendar days (default 15, the OIT rule). */
  complaintReplyDays: number;
  /** Close within this many calendar days (default 30). */
  complaintCloseDays: number;
  /** The "due soon" reminder goes out this many working days before the due day (0: on the due day). */
  complaintRemindWorkingDaysBefore: number;
}

export const SLA_DEADLINES = ['acknowledge', 'reply', 'close'] as const;
export type SlaDeadline = (typeof SLA_DEADLINES)[number];

/** The dates a complaint's service levels are measured on (ISO strings, as stored). */
export interface SlaSubject {
  createdAt: string;
  acknowledgedAt: string | null;
  repliedAt: string | null;
  /** Cleared by a reopening: set again when the reopened complaint is closed, referred or rejected. */
  closedAt: string | null;
  reopenedAt: string | null;
  /** An officer's first action after the reopening. */
  reopenAcknowledgedAt: string | null;
}

/** What the first round is measured on (the statistics have no more). */
export type FiledSubject = Pick<SlaSubject, 'createdAt' | 'acknowledgedAt' | 'repliedAt' | 'closedAt'>;

/** 'filed': counted from the filing (what the OIT statistics measure); 'reopened': from the reopening. */
export type SlaRound = 'filed' | 'reopened';

export interface Deadline {
  kind: SlaDeadline;
  round: SlaRound;
  /** The last day (Bangkok) the step may happen on. */
  dueOn: IsoDay;
  /** The first instant past the deadline: midnight after `dueOn`. */
  dueAt: Date;
  /** When the step happened, if it has. */
  metAt: Date | null;
}

export interface SlaSlot {
  deadline: SlaDeadline;
  round: SlaRound;
  when: 'before' | 'after';
  /** The reminder_log slot, e.g. 'acknowledge:before', 'reopened:close:after'. */
  key: string;
  plannedFor: Date;
  dueOn: IsoDay;
}

const metOf = (at: string | null) => (at === null ? null : new Date(at));

/** Three deadlines counted from the day of `start`, each met at the given time. */
function roundOf(
  round: SlaRound,
  start: string,
  met: Record<SlaDeadline, string | null>,
  settings: SlaSettings,
): Deadline[] {
  const from = bangkokDay(new Date(start));
  const make = (kind: SlaDeadline, dueOn: IsoDay): Deadline => ({
    kind,
    round,
    dueOn,
    dueAt: instantOn(addDays(dueOn, 1), 0),
    metAt: metOf(met[kind]),
  });
  return [
    make('acknowledge', addWorkingDays(from, Math.max(0, settings.complaintAckWorkingDays), settings)),
    make('reply', addDays(from, Math.max(0, settings.complaintReplyDays))),
    make('close', addDays(from, Math.max(0, settings.complaintCloseDays))),
  ];
}

/**
 * The complaint's three deadlines counted from the day it was filed: what the OIT statistics measure ("replied
 * within 15 days"), reopened or not. A reopening does not undo the first answer, so `replied` keeps its time.
 */
export function deadlinesOf(c: FiledSubject, settings: SlaSettings): Deadline[] {
  // The first closing, referral or rejection stamps `replied` and `closed` together; a reopening clears only
  // `closed`, and the next closing sets it again.
  const firstClosing = c.repliedAt ?? c.closedAt;
  return roundOf(
    'filed',
    c.createdAt,
    { acknowledge: c.acknowledgedAt, reply: c.repliedAt, close: firstClosing },
    settings,
  );
}

/**
 * The deadlines officers work to now: after a reopening, a fresh round counted from the day it was reopened
 * (acknowledged by the first officer action after it; answered and closed by the next closing, referral or
 * rejection), so that a complaint reopened weeks later is neither overdue at once nor left without reminders.
 */
export function currentDeadlinesOf(c: SlaSubject, settings: SlaSettings): Deadline[] {
  if (c.reopenedAt === null) return deadlinesOf(c, settings);
  return roundOf(
    'reopened',
    c.reopenedAt,
    { acknowledge: c.reopenAcknowledgedAt, reply: c.closedAt, close: c.closedAt },
    settings,
  );
}

/** Was the deadline missed: met after it, or not met and already past at `now`. */
export function isLate(deadline: Deadline, now: Date): boolean {
  const at = deadline.metAt ?? now;
  return at.getTime() >= deadline.dueAt.getTime();
}

/** The last working day on or before `day`. */
function workingDayOnOrBefore(day: IsoDay, settings: WorkingTimeSettings): IsoDay {
  return isWorkingDay(day, settings) ? day : addWorkingDays(day, -1, settings);
}

/** Both reminder slots of one deadline: before it (at the start of work) and on the first working day after. */
export function slotsOf(deadline: Deadline, settings: SlaSettings): SlaSlot[] {
  const start = workStartMinute(settings);
  const lastDay = workingDayOnOrBefore(deadline.dueOn, settings);
  const beforeDay = addWorkingDays(
    lastDay,
    -Math.max(0, settings.complaintRemindWorkingDaysBefore),
    settings,
  );
  const afterDay = nextWorkingDay(deadline.dueOn, settings);
  // The first round keeps the keys it always had: reminder_log rows already reserved under them still count.
  const round = deadline.round === 'reopened' ? 'reopened:' : '';
  const slot = (when: 'before' | 'after', day: IsoDay): SlaSlot => ({
    deadline: deadline.kind,
    round: deadline.round,
    when,
    key: `${round}${deadline.kind}:${when}`,
    plannedFor: instantOn(day, start),
    dueOn: deadline.dueOn,
  });
  return [slot('before', beforeDay), slot('after', afterDay)];
}

/**
 * The reminder slots due at `now` for a current deadline not yet met: "before" from its planned time until
 * the deadline passes (a late tick still warns while it can help), "after" from its planned time on. A met
 * deadline has none.
 */
export function dueSlaSlots(c: SlaSubject, now: Date, settings: SlaSettings): SlaSlot[] {
  const t = now.getTime();
  return currentDeadlinesOf(c, settings).flatMap((d) => {
    if (d.metAt !== null) return [];
    return slotsOf(d, settings).filter((s) => {
      if (s.plannedFor.getTime() > t) return false;
      return s.when === 'after' || t < d.dueAt.getTime();
    });
  });
}
