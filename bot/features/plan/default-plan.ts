// The default calendar (core/plan) as a province's plan activities: what "create the year's plan" adds from
// the CLI and the API, and what the demo loads.
import { buildDefaultPlan } from '../../../core/plan/default-calendar.ts';
import type { Agency } from '../../../db/queries/agencies.ts';
import type { NewActivity } from '../../../db/queries/plan-activities.ts';

/**
 * Steps only assessed units do (seeds 000, 002): ITAS registration and approving the OIT answers — the
 * province's office (approved by the governor) and each local government, not the province's line offices.
 */
const ASSESSED_UNIT_STEPS = new Set([5, 11]);

/** The assessed units among the province's agencies: those that contribute to no other agency's result. */
export function assessedUnitIds(agencies: readonly Pick<Agency, 'id' | 'assessedUnitId'>[]): string[] {
  return agencies.filter((a) => a.assessedUnitId === null || a.assessedUnitId === undefined).map((a) => a.id);
}

/** The key of a default-calendar activity: making the default plan again (demo or coordinator) adds nothing. */
export function defaultActivityKey(seq: number): string {
  return `default-${seq}`;
}

/**
 * The default plan of `year` as activities: 'all' stays every agency of the province (including ones added
 * later), 'coordinator' is the provincial secretariat, 'nacc' is shown on the timeline and reminded to nobody.
 */
export function defaultPlanActivities(
  provinceId: string,
  year: number,
  createdBy?: string,
  /** The province's agencies: registration and OIT approval go to its assessed units only. */
  agencies?: readonly Pick<Agency, 'id' | 'assessedUnitId'>[],
): NewActivity[] {
  const assessed = agencies === undefined ? undefined : assessedUnitIds(agencies);
  const byType = (seq: number) =>
    assessed !== undefined && assessed.length < (agencies?.length ?? 0) && ASSESSED_UNIT_STEPS.has(seq);
  return buildDefaultPlan(year).map((a) => ({
    provinceId,
    year,
    key: defaultActivityKey(a.seq),
    seq: a.seq,
    titleTh: a.title,
    kind: a.kind,
    startsOn: a.startsOn,
    dueOn: a.dueOn,
    ...(byType(a.seq)
      ? { responsible: 'agencies' as const, agencyIds: assessed ?? [] }
      : { responsible: a.responsible }),
    ...(createdBy === undefined ? {} : { createdBy }),
  }));
}
