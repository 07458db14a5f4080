// The default calendar (core/plan) as a province's plan activities: what "create the year's plan" adds from
// the CLI and the API, and what the demo loads.
import { buildDefaultPlan } from '../../../core/plan/default-calendar.ts';
import type { NewActivity } from '../../../db/queries/plan-activities.ts';

/** The key of a default-calendar activity: making the default plan again (demo or coordinator) adds nothing. */
export function defaultActivityKey(seq: number): string {
  return `default-${seq}`;
}

/**
 * The default plan of `year` as activities: 'all' stays every agency of the province (including ones added
 * later), 'coordinator' is the provincial secretariat, 'nacc' is shown on the timeline and reminded to nobody.
 */
export function defaultPlanActivities(provinceId: string, year: number, createdBy?: string): NewActivity[] {
  return buildDefaultPlan(year).map((a) => ({
    provinceId,
    year,
    key: defaultActivityKey(a.seq),
    seq: a.seq,
    titleTh: a.title,
    kind: a.kind,
    startsOn: a.startsOn,
    dueOn: a.dueOn,
    responsible: a.responsible,
    ...(createdBy === undefined ? {} : { createdBy }),
  }));
}
