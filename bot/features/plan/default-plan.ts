// The default calendar (core/plan) as a province's plan activities: what "create the year's plan" adds from
// the CLI and the API, and what the demo loads.
import { buildDefaultPlan } from '../../../core/plan/default-calendar.ts';
import type { Agency } from '../../../db/queries/agencies.ts';
import type { NewActivity } from '../../../db/queries/plan-activities.ts';

/**
 * Steps only assessed units do (seeds 000, 002): ITAS registration and approving the OIT answers — the
 * province's office (approved by the governor) and each local government, not the province's line offices.
 */
const ASSESSED_UNIT_STEPS = new Set([5, 10, 11]);

/**
 * Steps only contributing units do: the province's line and district offices send the IIT data of their staff
 * (seed 000 steps 4–5) and the content of the OIT items assigned to them (seed 002 step 7) to the assessed unit,
 * which publishes and answers for the province as one.
 */
const CONTENT_SUPPLY_STEP = 18;
const CONTRIBUTING_UNIT_STEPS = new Set([4, CONTENT_SUPPLY_STEP]);

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
  /**
   * The province's agencies: registration, OIT content and approval go to its assessed units, the supply of
   * IIT data and assigned OIT content to its contributing units.
   */
  agencies?: readonly Pick<Agency, 'id' | 'assessedUnitId'>[],
): NewActivity[] {
  const assessed = agencies === undefined ? undefined : assessedUnitIds(agencies);
  const contributing = (agencies ?? []).filter((a) => !(assessed ?? []).includes(a.id)).map((a) => a.id);
  // Without the agency list, or in a province with no contributing units, every step is everyone's — except
  // sending content to an assessed unit, which then has nobody to do it.
  const split = assessed !== undefined && contributing.length > 0;
  const assignees = (seq: number): string[] | undefined =>
    !split
      ? undefined
      : ASSESSED_UNIT_STEPS.has(seq)
        ? assessed
        : CONTRIBUTING_UNIT_STEPS.has(seq)
          ? contributing
          : undefined;
  return buildDefaultPlan(year)
    .filter((a) => split || a.seq !== CONTENT_SUPPLY_STEP)
    .map((a) => {
      const ids = assignees(a.seq);
      return {
        provinceId,
        year,
        key: defaultActivityKey(a.seq),
        seq: a.seq,
        titleTh: a.title,
        kind: a.kind,
        startsOn: a.startsOn,
        dueOn: a.dueOn,
        ...(ids !== undefined
          ? { responsible: 'agencies' as const, agencyIds: ids }
          : { responsible: a.responsible }),
        ...(createdBy === undefined ? {} : { createdBy }),
      };
    });
}
