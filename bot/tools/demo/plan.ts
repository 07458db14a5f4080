// The demo plan's progress: where each Pathum Thani agency stands on the default calendar at `now` — most
// done after a due date, some in progress, a few behind — so "who is behind" shows.
import { bangkokDay, instantOn } from '../../../core/reminders/index.ts';
import type { StatusChange } from '../../../db/queries/activity-status.ts';
import type { Activity } from '../../../db/queries/plan-activities.ts';
import { PROVINCIAL_OFFICE_ID } from './agencies.ts';
import { rngFor } from './random.ts';

/** A status to write, with the instant it was set (between the activity's start and `now`). */
export interface DemoStatus extends StatusChange {
  at: Date;
}

const DAY_MS = 86_400_000;
/** Agencies may start this many days before an activity opens (an early start shows as in progress). */
const EARLY_START_DAYS = 30;

/** Midday in Bangkok of a 'YYYY-MM-DD' day. */
export function middayOf(isoDate: string): Date {
  return instantOn(isoDate, 12 * 60);
}

/** The agency's status on the activity at `now`, drawn per (activity, agency); undefined when untouched. */
function statusOf(
  activity: Activity,
  agencyId: string,
  now: Date,
  by: string | null,
): DemoStatus | undefined {
  const rng = rngFor(`status:${activity.key ?? activity.id}:${agencyId}`);
  const start = middayOf(activity.startsOn ?? activity.dueOn).getTime();
  const due = middayOf(activity.dueOn).getTime();
  const today = bangkokDay(now);
  const r = rng.next();
  const when = (from: number, to: number) =>
    new Date(Math.min(now.getTime(), from + (to - from) * rng.next()));
  const base = { activityId: activity.id, agencyId, by };
  if (today > activity.dueOn) {
    // Past due: four in five done on time, some still working, the rest behind without a word.
    if (r < 0.8) return { ...base, status: 'done', at: when(start, due) };
    return r < 0.9 ? { ...base, status: 'in_progress', at: when(start, due) } : undefined;
  }
  if (activity.startsOn !== null && today >= activity.startsOn) {
    const elapsed = (now.getTime() - start) / Math.max(due - start, DAY_MS);
    if (r < elapsed * 0.6) return { ...base, status: 'done', at: when(start, now.getTime()) };
    return r < elapsed * 0.6 + 0.3
      ? { ...base, status: 'in_progress', at: when(start, now.getTime()) }
      : undefined;
  }
  const early = start - now.getTime() <= EARLY_START_DAYS * DAY_MS;
  return early && r < 0.15
    ? { ...base, status: 'in_progress', at: when(now.getTime() - 7 * DAY_MS, now.getTime()) }
    : undefined;
}

/**
 * Statuses at `now`: every Pathum Thani agency on the 'all' activities, the provincial office on the
 * coordinator's; `byAgency` names who marked an agency's tasks (the demo staff member, where there is one).
 */
export function demoStatuses(
  activities: readonly Activity[],
  agencyIds: readonly string[],
  now: Date,
  byAgency: (agencyId: string) => string | null,
): DemoStatus[] {
  return activities.flatMap((activity) => {
    const responsible =
      activity.responsible === 'all'
        ? agencyIds
        : activity.responsible === 'coordinator'
          ? [PROVINCIAL_OFFICE_ID]
          : activity.responsible === 'agencies'
            ? activity.agencyIds.filter((id) => agencyIds.includes(id))
            : [];
    return responsible.flatMap((agencyId) => statusOf(activity, agencyId, now, byAgency(agencyId)) ?? []);
  });
}
