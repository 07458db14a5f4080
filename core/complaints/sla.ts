// Service levels of a complaint (issue 5 §3): its three deadlines, whether each was met or is late, and which
// reminder slots (before and after each deadline) are due at a given time. Pure: the caller passes `now`.
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
  closedAt: string | null;
}

export interface Deadline {
  kind: SlaDeadline;
  /** The last day (Bangkok) the step may happen on. */
  dueOn: IsoDay;
  /** The first instant past the deadline: midnight after `dueOn`. */
  dueAt: Date;
  /** When the step happened, if it has. */
  metAt: Date | null;
}

export interface SlaSlot {
  deadline: SlaDeadline;
  when: 'before' | 'after';
  /** The reminder_log slot, e.g. 'acknowledge:before'. */
  key: string;
  plannedFor: Date;
  dueOn: IsoDay;
}

const metOf = (at: string | null) => (at === null ? null : new Date(at));

/** The complaint's three deadlines, counted from the day it was filed. */
export function deadlinesOf(c: SlaSubject, settings: SlaSettings): Deadline[] {
  const filed = bangkokDay(new Date(c.createdAt));
  const make = (kind: SlaDeadline, dueOn: IsoDay, metAt: Date | null): Deadline => ({
    kind,
    dueOn,
    dueAt: instantOn(addDays(dueOn, 1), 0),
    metAt,
  });
  return [
    make(
      'acknowledge',
      addWorkingDays(filed, Math.max(0, settings.complaintAckWorkingDays), settings),
      metOf(c.acknowledgedAt),
    ),
    make('reply', addDays(filed, Math.max(0, settings.complaintReplyDays)), metOf(c.repliedAt)),
    make('close', addDays(filed, Math.max(0, settings.complaintCloseDays)), metOf(c.closedAt)),
  ];
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
  const slot = (when: 'before' | 'after', day: IsoDay): SlaSlot => ({
    deadline: deadline.kind,
    when,
    key: `${deadline.kind}:${when}`,
    plannedFor: instantOn(day, start),
    dueOn: deadline.dueOn,
  });
  return [slot('before', beforeDay), slot('after', afterDay)];
}

/**
 * The reminder slots due at `now` for a deadline not yet met: "before" from its planned time until the
 * deadline passes (a late tick still warns while it can help), "after" from its planned time on. A met
 * deadline has none.
 */
export function dueSlaSlots(c: SlaSubject, now: Date, settings: SlaSettings): SlaSlot[] {
  const t = now.getTime();
  return deadlinesOf(c, settings).flatMap((d) => {
    if (d.metAt !== null) return [];
    return slotsOf(d, settings).filter((s) => {
      if (s.plannedFor.getTime() > t) return false;
      return s.when === 'after' || t < d.dueAt.getTime();
    });
  });
}
