// Queries on `plan_activities` and `activity_agencies`: a fiscal year's plan and who is responsible for what.
import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import type { BatchQuery, Db } from '../db.ts';
import { newToken } from '../db.ts';
import { iso, jsonInsert, parseJson, parseStringArray } from '../json.ts';
import type { PlanActivitiesTable, Responsible } from '../schema.ts';

export interface Activity {
  id: string;
  provinceId: string;
  year: number;
  key: string | null;
  seq: number;
  titleTh: string;
  detail: string | null;
  kind: string;
  startsOn: string | null;
  dueOn: string;
  responsible: Responsible;
  /** The responsible agencies when `responsible` is 'agencies'; empty otherwise. */
  agencyIds: string[];
  owner: string | null;
  meta: unknown;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface NewActivity {
  provinceId: string;
  year: number;
  /** Set for activities made from the default calendar: creating the same key twice adds nothing. */
  key?: string | null;
  seq: number;
  titleTh: string;
  detail?: string | null;
  kind?: string;
  startsOn?: string | null;
  dueOn: string;
  responsible: Responsible;
  agencyIds?: readonly string[];
  owner?: string | null;
  meta?: unknown;
  createdBy?: string | null;
}

export type ActivityChanges = Partial<
  Pick<
    NewActivity,
    'seq' | 'titleTh' | 'detail' | 'kind' | 'startsOn' | 'dueOn' | 'responsible' | 'agencyIds' | 'owner'
  >
>;

type ActivityRow = Selectable<PlanActivitiesTable> & { agency_ids: string | null };

function toActivity(row: ActivityRow): Activity {
  return {
    id: row.id,
    provinceId: row.province_id,
    year: row.year,
    key: row.key,
    seq: row.seq,
    titleTh: row.title_th,
    detail: row.detail,
    kind: row.kind,
    startsOn: row.starts_on,
    dueOn: row.due_on,
    responsible: row.responsible,
    agencyIds: parseStringArray(row.agency_ids),
    owner: row.owner,
    meta: parseJson(row.meta),
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function selectActivities(db: Db) {
  return db.kysely
    .selectFrom('plan_activities as a')
    .selectAll('a')
    .select(
      sql<string>`(SELECT json_group_array(agency_id) FROM activity_agencies WHERE activity_id = a.id)`.as(
        'agency_ids',
      ),
    );
}

// The responsible agencies of an activity, inserted only when the activity row exists (it may have been
// skipped by its key, or deleted), so the batch never fails on the foreign key.
function insertAgencies(db: Db, activityId: string, agencyIds: readonly string[]): BatchQuery[] {
  const rows = agencyIds.map((agencyId) => ({ activity_id: activityId, agency_id: agencyId }));
  const exists = sql`EXISTS (SELECT 1 FROM plan_activities WHERE id = ${activityId})`;
  return jsonInsert(db, 'activity_agencies', rows, {
    where: exists,
    onConflict: sql`ON CONFLICT DO NOTHING`,
  });
}

function buildCreate(db: Db, a: NewActivity, id: string, now: Date): BatchQuery[] {
  const insert = db.kysely
    .insertInto('plan_activities')
    .values({
      id,
      province_id: a.provinceId,
      year: a.year,
      key: a.key ?? null,
      seq: a.seq,
      title_th: a.titleTh,
      detail: a.detail ?? null,
      kind: a.kind ?? 'general',
      starts_on: a.startsOn ?? null,
      due_on: a.dueOn,
      responsible: a.responsible,
      owner: a.owner ?? null,
      meta: a.meta === undefined ? null : JSON.stringify(a.meta),
      created_by: a.createdBy ?? null,
      created_at: iso(now),
      updated_at: iso(now),
    })
    .onConflict((oc) => oc.doNothing());
  return [insert, ...insertAgencies(db, id, a.agencyIds ?? [])];
}

/**
 * Creates activities with their responsible agencies in one batch. Returns the ones created; an activity
 * whose key already exists for the province and year is skipped, so making the default plan twice is harmless.
 */
export async function createActivities(
  db: Db,
  activities: readonly NewActivity[],
  now: Date,
): Promise<Activity[]> {
  const ids = activities.map(() => newToken());
  await db.batch(activities.flatMap((a, i) => buildCreate(db, a, ids[i] ?? newToken(), now)));
  const rows = ids.length
    ? await selectActivities(db).where('a.id', 'in', ids).orderBy('a.seq').execute()
    : [];
  return rows.map(toActivity);
}

/** Creates one activity; undefined when its key is already taken. */
export async function createActivity(
  db: Db,
  activity: NewActivity,
  now: Date,
): Promise<Activity | undefined> {
  const [created] = await createActivities(db, [activity], now);
  return created;
}

export async function findActivityById(db: Db, id: string): Promise<Activity | undefined> {
  const row = await selectActivities(db).where('a.id', '=', id).executeTakeFirst();
  return row && toActivity(row);
}

/** The province's plan for the year, in timeline order. */
export async function listActivities(db: Db, provinceId: string, year: number): Promise<Activity[]> {
  const rows = await selectActivities(db)
    .where('a.province_id', '=', provinceId)
    .where('a.year', '=', year)
    .orderBy('a.seq')
    .orderBy('a.due_on')
    .execute();
  return rows.map(toActivity);
}

/** Moves dates, renames, or changes who is responsible (the agency list is replaced when given), atomically. */
export async function updateActivity(
  db: Db,
  id: string,
  changes: ActivityChanges,
  now: Date,
): Promise<Activity | undefined> {
  const update = db.kysely
    .updateTable('plan_activities')
    .set({
      seq: changes.seq,
      title_th: changes.titleTh,
      detail: changes.detail,
      kind: changes.kind,
      starts_on: changes.startsOn,
      due_on: changes.dueOn,
      responsible: changes.responsible,
      owner: changes.owner,
      updated_at: iso(now),
    })
    .where('id', '=', id);
  const agencies = changes.agencyIds
    ? [
        db.kysely.deleteFrom('activity_agencies').where('activity_id', '=', id),
        ...insertAgencies(db, id, changes.agencyIds),
      ]
    : [];
  await db.batch([update, ...agencies]);
  return findActivityById(db, id);
}

/** Deletes an activity with its agencies, statuses and history (foreign keys cascade). */
export async function deleteActivity(db: Db, id: string): Promise<boolean> {
  const result = await db.kysely.deleteFrom('plan_activities').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
