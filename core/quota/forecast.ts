// The month's message forecast: what the plan's reminders, the coordinators' digests, queued announcements and
// complaint updates will cost in LINE's monthly quota. LINE counts a push by its recipients: into a group it
// costs one message per member (replies are free). Pure: the caller reads the plan, groups and queue.
import { addDays, bangkokDay, type IsoDay, instantOn } from '../reminders/days.ts';
import { type ReminderActivity, type ReminderSettings, reminderSchedule } from '../reminders/slots.ts';
import { isWorkingDay, workStartMinute } from '../reminders/working-time.ts';

export interface ForecastTask {
  activity: ReminderActivity;
  agencyId: string;
}

export interface ForecastInput {
  /** Open tasks (not done): the forecast assumes they stay open, so overdue reminders keep coming — the worst case. */
  tasks: readonly ForecastTask[];
  /** Member counts of each agency's bound staff groups (a push into a group costs its member count). */
  groupMembers: ReadonlyMap<string, readonly number[]>;
  /** Coordinators who get the working-day digest (one message each). */
  coordinators: number;
  /** From now to the end of LINE's month. */
  from: Date;
  to: Date;
  settings: ReminderSettings;
  /** Messages already queued and not sent (announcements and the rest), priced by recipients. */
  queued: number;
  /** Complaint updates pushed to citizens per day, at the recent rate. */
  complaintUpdatesPerDay: number;
}

export interface Forecast {
  /** Agency-days with at least one reminder (a group's reminders of a day are one push), and their cost. */
  reminderPushes: number;
  reminders: number;
  digests: number;
  queued: number;
  complaintUpdates: number;
  total: number;
}

/** The Bangkok days from `from` (inclusive) to `to` (exclusive). */
function daysBetween(from: Date, to: Date): IsoDay[] {
  const last = bangkokDay(new Date(to.getTime() - 1));
  const days: IsoDay[] = [];
  for (let day = bangkokDay(from); day <= last; day = addDays(day, 1)) days.push(day);
  return days;
}

export function forecastMonth(input: ForecastInput): Forecast {
  const { from, to, settings } = input;
  // Each agency's days with a reminder: a group gets one push a day, whatever the number of tasks in it.
  const daysByAgency = new Map<string, Set<IsoDay>>();
  for (const task of input.tasks) {
    for (const slot of reminderSchedule(task.activity, new Date(to.getTime() - 1), settings)) {
      if (slot.plannedFor < from) continue;
      const days = daysByAgency.get(task.agencyId) ?? new Set<IsoDay>();
      days.add(bangkokDay(slot.plannedFor));
      daysByAgency.set(task.agencyId, days);
    }
  }
  let reminderPushes = 0;
  let reminders = 0;
  for (const [agencyId, days] of daysByAgency) {
    const members = input.groupMembers.get(agencyId) ?? [];
    reminderPushes += days.size * members.length;
    reminders += days.size * members.reduce((sum, n) => sum + n, 0);
  }
  const days = daysBetween(from, to);
  // The digest goes at the start of each working day: the days whose start falls inside [from, to).
  const workingDays = days.filter((d) => {
    const start = instantOn(d, workStartMinute(settings));
    return isWorkingDay(d, settings) && start >= from && start < to;
  }).length;
  const digests = workingDays * input.coordinators;
  const complaintUpdates = Math.round(input.complaintUpdatesPerDay * days.length);
  const total = reminders + digests + input.queued + complaintUpdates;
  return { reminderPushes, reminders, digests, queued: input.queued, complaintUpdates, total };
}
