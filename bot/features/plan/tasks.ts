// Who answers for which plan activity, each agency's open tasks and its staff groups: what reminders, nudges and
// `งาน` are made from.
import { daysUntilDue, isIsoDay } from '../../../core/reminders/index.ts';
import { resolveTarget, type TargetRules } from '../../../core/surveys/targets.ts';
import type { Db } from '../../../db/db.ts';
import { listPlanStatuses, statusesByActivity } from '../../../db/queries/activity-status.ts';
import { type Agency, listAgencies } from '../../../db/queries/agencies.ts';
import { type LineGroup, listBoundGroups } from '../../../db/queries/line-groups.ts';
import { type Activity, listActivities } from '../../../db/queries/plan-activities.ts';
import type { SurveyLink } from '../../../db/queries/survey-links.ts';
import type { SurveyInstrument, TaskStatus } from '../../../db/schema.ts';
import type { TaskCard } from './reminder-messages.ts';

/** One agency's part of one activity, not done yet. */
export interface OpenTask {
  activity: Activity;
  agency: Agency;
  status: Exclude<TaskStatus, 'done'>;
}

/**
 * The agencies that answer for an activity: every agency of the province ('all', including ones added later),
 * the named ones ('agencies'), the provincial office for the secretariat's own work ('coordinator'), and
 * nobody for the NACC's steps, which are shown on the timeline only.
 */
export function responsibleAgencyIds(activity: Activity, agencies: readonly Agency[]): string[] {
  switch (activity.responsible) {
    case 'all':
      return agencies.map((a) => a.id);
    case 'agencies':
      return activity.agencyIds;
    case 'coordinator':
      return agencies.filter((a) => a.type === 'provincial_office').map((a) => a.id);
    case 'nacc':
      return [];
  }
}

/** The survey an activity is about ('survey_iit' → IIT), if any. */
function surveyInstrumentOf(kind: string): SurveyInstrument | undefined {
  if (kind === 'survey_iit') return 'IIT';
  if (kind === 'survey_eit') return 'EIT';
  return undefined;
}

/** Respondents reported against the minimum, for a survey activity's reminder. */
export interface SurveyFigures {
  instrument: SurveyInstrument;
  /** Null until a count has been reported from ITAS. */
  reported: number | null;
  target: number | null;
}

/** The figures of the agency's link for the activity's survey; undefined for other activities. */
function surveyFiguresOf(
  task: { activity: Activity; agency: Agency },
  links: readonly SurveyLink[],
  rules: TargetRules,
): SurveyFigures | undefined {
  const instrument = surveyInstrumentOf(task.activity.kind);
  if (instrument === undefined) return undefined;
  const link = links.find(
    (l) => l.agencyId === task.agency.id && l.instrument === instrument && l.year === task.activity.year,
  );
  const target = link === undefined ? undefined : resolveTarget(link, rules);
  return { instrument, reported: link?.reportedCount ?? null, target: target ?? null };
}

/**
 * The open tasks of the province's plan for the year, by due date then number; `agencyIds` keeps only those
 * agencies'. Nothing here is cached: status is read afresh, so "done" stops reminders at the next tick.
 */
export async function listOpenTasks(
  db: Db,
  provinceId: string,
  year: number,
  agencyIds?: readonly string[],
): Promise<OpenTask[]> {
  // Three statements whatever the plan's size: this runs every scheduler tick and on every `งาน`.
  const [agencies, activities, statuses] = await Promise.all([
    listAgencies(db, provinceId),
    listActivities(db, provinceId, year),
    listPlanStatuses(db, provinceId, year),
  ]);
  const wanted = agencyIds === undefined ? undefined : new Set(agencyIds);
  const byId = new Map(agencies.map((a) => [a.id, a]));
  const byActivity = statusesByActivity(statuses);
  const tasks: OpenTask[] = [];
  for (const activity of activities) {
    // Every writer validates dates; a row that still has no real due date can be neither reminded nor dated.
    if (!isIsoDay(activity.dueOn)) continue;
    const ids = responsibleAgencyIds(activity, agencies).filter((id) => wanted?.has(id) ?? true);
    for (const id of ids) {
      const agency = byId.get(id);
      const status = byActivity.get(activity.id)?.get(id)?.status ?? 'not_started';
      if (agency !== undefined && status !== 'done') tasks.push({ activity, agency, status });
    }
  }
  return tasks.sort(
    (a, b) => a.activity.dueOn.localeCompare(b.activity.dueOn) || a.activity.seq - b.activity.seq,
  );
}

/** The province's bound staff groups by agency id: where an agency's reminders and nudges go. */
export async function listStaffGroupsByAgency(db: Db, provinceId: string): Promise<Map<string, LineGroup[]>> {
  const groups = new Map<string, LineGroup[]>();
  for (const g of await listBoundGroups(db, provinceId, { kind: 'staff' })) {
    if (g.agencyId !== null) groups.set(g.agencyId, [...(groups.get(g.agencyId) ?? []), g]);
  }
  return groups;
}

/** The card a reminder or `งาน` shows for a task at `now`. */
export function cardOf(
  task: OpenTask,
  now: Date,
  links: readonly SurveyLink[],
  rules: TargetRules,
): TaskCard {
  const { activity, agency, status } = task;
  const survey = surveyFiguresOf(task, links, rules);
  return {
    activityId: activity.id,
    agencyId: agency.id,
    agencyName: agency.nameTh,
    seq: activity.seq,
    title: activity.titleTh,
    dueOn: activity.dueOn,
    daysLeft: daysUntilDue(activity.dueOn, now),
    status,
    ...(survey === undefined ? {} : { survey }),
  };
}
