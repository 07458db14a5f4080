// Which deadline reminders are due at a time: the schedule of an activity's slots and the latest one reached.
import { addDays, bangkokDay, daysBetween, type IsoDay, instantOn, isIsoDay } from './days.ts';
import {
  addWorkingDays,
  isWorkingDay,
  isWorkingTime,
  nextWorkingDay,
  nextWorkingTime,
  type WorkingTimeSettings,
  workStartMinute,
} from './working-time.ts';

export interface ReminderSettings extends WorkingTimeSettings {
  /** Calendar days before the due day that get a reminder; 0 is the due day itself (DESIGN.md §4.1: 7, 3, 1, 0). */
  reminderDaysBefore: readonly number[];
  /** While not done after the due day, a reminder every this many working days (0: none). */
  overdueEveryWorkingDays: number;
}

export interface ReminderActivity {
  id: string;
  /** 'YYYY-MM-DD'. */
  dueOn: string;
  startsOn?: string | null;
  kind?: string;
}

export type ReminderTaskStatus = 'not_started' | 'in_progress' | 'done';

export interface ReminderSlot {
  /** Unique per activity and due date: 'd-7@2024-07-01', 'due@2024-07-01', 'overdue-2@2024-07-01'. */
  key: string;
  phase: 'before' | 'due' | 'overdue';
  /** Calendar days before the due day ('before'), 0 ('due'), or working days after it ('overdue'). */
  offset: number;
  /** The day the slot is for, before moving it to working time. */
  day: IsoDay;
  /** When it goes out: the start of working hours that day, or the next working time after it. */
  plannedFor: Date;
}

function beforeDays(settings: ReminderSettings): number[] {
  const valid = settings.reminderDaysBefore.filter((d) => Number.isInteger(d) && d > 0 && d <= 366);
  return [...new Set(valid)].sort((a, b) => b - a);
}

function slotAt(
  key: string,
  phase: ReminderSlot['phase'],
  offset: number,
  day: IsoDay,
  s: ReminderSettings,
): ReminderSlot {
  const plannedFor = nextWorkingTime(instantOn(day, workStartMinute(s)), s);
  return { key, phase, offset, day, plannedFor };
}

/**
 * The reminders before and on the due day, in time order. A reminder before the activity starts is left out
 * (nobody can act on it yet); the due-day reminder stays whatever the start (when 0 is among the days). Two
 * slots may share a planned time (the day before a Monday deadline moves to the Monday): the later one in this
 * order supersedes the earlier.
 */
export function slotsUntilDue(activity: ReminderActivity, settings: ReminderSettings): ReminderSlot[] {
  const due = activity.dueOn;
  const start = activity.startsOn != null && isIsoDay(activity.startsOn) ? activity.startsOn : undefined;
  const before = beforeDays(settings)
    .map((d) => ({ d, day: addDays(due, -d) }))
    .filter(({ day }) => start === undefined || day >= start)
    .map(({ d, day }) => slotAt(`d-${d}@${due}`, 'before', d, day, settings));
  const onDay = settings.reminderDaysBefore.includes(0)
    ? [slotAt(`due@${due}`, 'due', 0, due, settings)]
    : [];
  return [...before, ...onDay];
}

// Overdue slots never end, so a plan is made once per due date and settings and extended as time goes on: a
// scheduler tick (or a test walking a year minute by minute) asks about the same activities again and again.
interface Plan {
  slots: ReminderSlot[];
  every: number;
  /** The day of the last overdue slot made so far (the due reminder's working day before the first). */
  lastOverdueDay: IsoDay;
  overdueCount: number;
}

const plans = new WeakMap<ReminderSettings, Map<string, Plan>>();

function planOf(activity: ReminderActivity, settings: ReminderSettings): Plan {
  let cache = plans.get(settings);
  if (cache === undefined) {
    cache = new Map();
    plans.set(settings, cache);
  }
  const key = `${activity.dueOn}|${activity.startsOn ?? ''}`;
  let plan = cache.get(key);
  if (plan === undefined) {
    const due = activity.dueOn;
    const every = Math.trunc(settings.overdueEveryWorkingDays);
    const base = isWorkingDay(due, settings) ? due : nextWorkingDay(due, settings);
    plan = {
      slots: slotsUntilDue(activity, settings),
      every: every >= 1 ? every : 0,
      lastOverdueDay: base,
      overdueCount: 0,
    };
    cache.set(key, plan);
  }
  return plan;
}

/**
 * Makes overdue slots until one is planned after `until`: every N working days counted from the working day the
 * due-day reminder went out (a Sunday deadline is reminded on Monday, then Wednesday, Friday…), so two
 * reminders are never closer than N working days.
 */
function extendPlan(plan: Plan, activity: ReminderActivity, until: Date, settings: ReminderSettings): void {
  if (plan.every === 0) return;
  let last = plan.slots.at(-1);
  while (last === undefined || last.plannedFor <= until) {
    plan.lastOverdueDay = addWorkingDays(plan.lastOverdueDay, plan.every, settings);
    plan.overdueCount += 1;
    const k = plan.overdueCount * plan.every;
    last = slotAt(`overdue-${k}@${activity.dueOn}`, 'overdue', k, plan.lastOverdueDay, settings);
    plan.slots.push(last);
  }
}

const copy = (slot: ReminderSlot): ReminderSlot => ({ ...slot, plannedFor: new Date(slot.plannedFor) });

/** Every slot of the activity planned at or before `until`, in time order (what the tests walk through). */
export function reminderSchedule(
  activity: ReminderActivity,
  until: Date,
  settings: ReminderSettings,
): ReminderSlot[] {
  if (!isIsoDay(activity.dueOn)) return [];
  const plan = planOf(activity, settings);
  extendPlan(plan, activity, until, settings);
  return plan.slots.filter((s) => s.plannedFor <= until).map(copy);
}

/** The latest slot planned at or before `at`. */
function latestSlot(
  activity: ReminderActivity,
  at: Date,
  settings: ReminderSettings,
): ReminderSlot | undefined {
  if (!isIsoDay(activity.dueOn)) return undefined;
  const plan = planOf(activity, settings);
  extendPlan(plan, activity, at, settings);
  for (let i = plan.slots.length - 1; i >= 0; i--) {
    const slot = plan.slots[i];
    if (slot !== undefined && slot.plannedFor <= at) return copy(slot);
  }
  return undefined;
}

/**
 * The reminder due at `now` for one responsible agency: none when the task is done, outside working time, or
 * before the first slot; otherwise the latest slot reached — a stale "7 days left" is never sent once the
 * "3 days left" slot has come. The key carries the due date, so moving the date makes new slots and leaves the
 * old ones behind. At most one slot is returned.
 */
export function dueReminderSlots(
  activity: ReminderActivity,
  status: ReminderTaskStatus | undefined,
  now: Date,
  settings: ReminderSettings,
): ReminderSlot[] {
  if (status === 'done' || !isWorkingTime(now, settings)) return [];
  const latest = latestSlot(activity, now, settings);
  return latest === undefined ? [] : [latest];
}

export interface DigestSlot {
  /** 'digest@2024-07-01'. */
  key: string;
  day: IsoDay;
  plannedFor: Date;
}

/** The coordinators' overdue digest of today: one per working day, due from the start of working hours. */
export function digestSlot(now: Date, settings: WorkingTimeSettings): DigestSlot | undefined {
  if (!isWorkingTime(now, settings)) return undefined;
  const day = bangkokDay(now);
  return { key: `digest@${day}`, day, plannedFor: instantOn(day, workStartMinute(settings)) };
}

/** Calendar days from today (Bangkok) to the due day: 3 = three days left, 0 = today, −2 = two days late. */
export function daysUntilDue(dueOn: string, now: Date): number {
  return daysBetween(bangkokDay(now), dueOn);
}
