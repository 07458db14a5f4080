// The default calendar as a province's plan activities: what "create the year's plan" adds, from the API and the CLI.
import { buildDefaultPlan } from '../../core/plan/default-calendar.ts';
import type { NewActivity } from '../../db/queries/plan-activities.ts';
import { defaultActivityKey } from '../demo/plan.ts';

/** Keyed by seq (defaultActivityKey), so creating the plan again adds only what is missing. */
export function defaultPlanActivities(provinceId: string, year: number, createdBy: string): NewActivity[] {
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
    createdBy,
  }));
}
