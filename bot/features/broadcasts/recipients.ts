// The groups an announcement reaches: bound staff groups of the province, narrowed by the stored filter.
import { fiscalYearOf } from '../../../core/index.ts';
import type { Db } from '../../../db/db.ts';
import { listActivityStatuses } from '../../../db/queries/activity-status.ts';
import { listAgencies } from '../../../db/queries/agencies.ts';
import type { LineGroup } from '../../../db/queries/line-groups.ts';
import { listBoundGroups } from '../../../db/queries/line-groups.ts';
import type { Activity } from '../../../db/queries/plan-activities.ts';
import { findActivityById, listActivities } from '../../../db/queries/plan-activities.ts';
import type { BroadcastFilter, TypedFilter } from './audience.ts';

/** The province's districts (อำเภอ) as written on its agencies, in Thai order. */
export async function listDistricts(db: Db, provinceId: string): Promise<string[]> {
  const agencies = await listAgencies(db, provinceId);
  const names = new Set(agencies.flatMap((a) => (a.district === null ? [] : [a.district])));
  return [...names].sort((a, b) => a.localeCompare(b, 'th'));
}

/** Activities of this fiscal year that agencies answer for ('all' or named agencies), by number. */
export async function listAgencyActivities(db: Db, provinceId: string, now: Date): Promise<Activity[]> {
  const activities = await listActivities(db, provinceId, fiscalYearOf(now));
  return activities.filter((a) => a.responsible === 'all' || a.responsible === 'agencies');
}

/** Agencies responsible for the activity that have not marked it done. */
export async function agenciesNotDone(db: Db, activity: Activity): Promise<string[]> {
  const responsible =
    activity.responsible === 'all'
      ? (await listAgencies(db, activity.provinceId)).map((a) => a.id)
      : activity.agencyIds;
  const done = new Set(
    (await listActivityStatuses(db, activity.id)).filter((s) => s.status === 'done').map((s) => s.agencyId),
  );
  return responsible.filter((id) => !done.has(id));
}

export type Resolved =
  | { ok: true; filter: BroadcastFilter }
  | { ok: false; problem: 'district'; value: string; districts: string[] }
  | { ok: false; problem: 'no-activity'; seq: number };

/** Checks typed district names and the activity number against the province, giving the filter to store. */
export async function resolveFilter(
  db: Db,
  provinceId: string,
  typed: TypedFilter,
  now: Date,
): Promise<Resolved> {
  const filter: BroadcastFilter = {};
  if (typed.types.length > 0) filter.types = typed.types;
  if (typed.districts.length > 0) {
    const known = await listDistricts(db, provinceId);
    const plain = (d: string) => d.replace(/^(อำเภอ|อ\.)\s*/, '');
    const unknown = typed.districts.find((d) => !known.includes(plain(d)));
    if (unknown !== undefined) return { ok: false, problem: 'district', value: unknown, districts: known };
    filter.districts = typed.districts.map(plain);
  }
  if (typed.notDoneSeq !== undefined) {
    const seq = typed.notDoneSeq;
    const activity = (await listAgencyActivities(db, provinceId, now)).find((a) => a.seq === seq);
    if (activity === undefined) return { ok: false, problem: 'no-activity', seq };
    filter.activityId = activity.id;
  }
  return { ok: true, filter };
}

/** The bound staff groups (the bot still in them) that the filter selects. */
export async function listRecipients(
  db: Db,
  provinceId: string,
  filter: BroadcastFilter,
): Promise<LineGroup[]> {
  let agencyIds: string[] | undefined;
  if (filter.activityId !== undefined) {
    const activity = await findActivityById(db, filter.activityId);
    agencyIds = activity === undefined ? [] : await agenciesNotDone(db, activity);
    // An empty list must select nobody: listBoundGroups reads "no agency ids" as "no agency filter".
    if (agencyIds.length === 0) return [];
  }
  return listBoundGroups(db, provinceId, {
    kind: 'staff',
    agencyTypes: filter.types,
    districts: filter.districts,
    agencyIds,
  });
}
