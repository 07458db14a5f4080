// Queries on `activity_status` and its history: each responsible agency's progress on each plan activity.
import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Db } from '../db.ts';
import { iso } from '../json.ts';
import type { ActivityStatusHistoryTable, ActivityStatusTable, TaskStatus } from '../schema.ts';

export interface ActivityStatus {
  activityId: string;
  agencyId: string;
  status: TaskStatus;
  updatedBy: string | null;
  updatedAt: string;
  evidenceUrl: string | null;
  note: string | null;
}

export interface StatusChange {
  activityId: string;
  agencyId: string;
  status: TaskStatus;
  by: string | null;
  /** Kept from before when not given. */
  evidenceUrl?: string | null;
  note?: string | null;
}

/** An agency's view of one activity: what, when, and where it stands. */
export interface AgencyTask {
  activityId: string;
  seq: number;
  titleTh: string;
  kind: string;
  startsOn: string | null;
  dueOn: string;
  status: TaskStatus;
  updatedBy: string | null;
  updatedAt: string | null;
}

function toStatus(
  row: Selectable<ActivityStatusTable> | Selectable<ActivityStatusHistoryTable>,
): ActivityStatus {
  return {
    activityId: row.activity_id,
    agencyId: row.agency_id,
    status: row.status,
    updatedBy: 'updated_by' in row ? row.updated_by : row.changed_by,
    updatedAt: 'updated_at' in row ? row.updated_at : row.changed_at,
    evidenceUrl: row.evidence_url,
    note: row.note,
  };
}

/**
 * Sets an agency's status on an activity and appends the history row, in one batch. A repeat of the current
 * state (a second press of "เสร็จแล้ว") changes nothing and keeps who marked it first: `changed` is false.
 */
export async function setActivityStatus(
  db: Db,
  change: StatusChange,
  now: Date,
): Promise<{ changed: boolean; status: ActivityStatus }> {
  const { activityId, agencyId, status, by } = change;
  const evidence = change.evidenceUrl ?? null;
  const note = change.note ?? null;
  // Both writes carry the same guard, read before either writes: "is this already the current state?"
  const unchanged = sql`EXISTS (SELECT 1 FROM activity_status s WHERE s.activity_id = ${activityId}
    AND s.agency_id = ${agencyId} AND s.status = ${status}
    AND (${evidence} IS NULL OR s.evidence_url IS ${evidence}) AND (${note} IS NULL OR s.note IS ${note}))`;
  const values = sql`SELECT ${activityId}, ${agencyId}, ${status}, ${by}, ${iso(now)}, ${evidence}, ${note}
    WHERE NOT ${unchanged}`;
  const [history] = await db.batch([
    sql`INSERT INTO activity_status_history
      (activity_id, agency_id, status, changed_by, changed_at, evidence_url, note) ${values}`.compile(
      db.kysely,
    ),
    sql`INSERT INTO activity_status (activity_id, agency_id, status, updated_by, updated_at, evidence_url, note)
      ${values} ON CONFLICT (activity_id, agency_id) DO UPDATE SET status = excluded.status,
      updated_by = excluded.updated_by, updated_at = excluded.updated_at,
      evidence_url = coalesce(excluded.evidence_url, activity_status.evidence_url),
      note = coalesce(excluded.note, activity_status.note)`.compile(db.kysely),
  ]);
  const current = await findActivityStatus(db, activityId, agencyId);
  if (!current) throw new Error(`status of ${activityId} for ${agencyId} was not saved`);
  return { changed: history.numAffectedRows > 0, status: current };
}

export async function findActivityStatus(
  db: Db,
  activityId: string,
  agencyId: string,
): Promise<ActivityStatus | undefined> {
  const row = await db.kysely
    .selectFrom('activity_status')
    .selectAll()
    .where('activity_id', '=', activityId)
    .where('agency_id', '=', agencyId)
    .executeTakeFirst();
  return row && toStatus(row);
}

/** Every agency's status on one activity (agencies that never reported have no row: not started). */
export async function listActivityStatuses(db: Db, activityId: string): Promise<ActivityStatus[]> {
  const rows = await db.kysely
    .selectFrom('activity_status')
    .selectAll()
    .where('activity_id', '=', activityId)
    .orderBy('agency_id')
    .execute();
  return rows.map(toStatus);
}

/**
 * Every agency's status on every activity of the province's plan for the year, in one statement: the
 * scheduler reads them each minute. A join rather than `activity_id IN (...)`, which D1 caps at 100 values.
 */
export async function listPlanStatuses(db: Db, provinceId: string, year: number): Promise<ActivityStatus[]> {
  const rows = await db.kysely
    .selectFrom('activity_status as s')
    .innerJoin('plan_activities as a', 'a.id', 's.activity_id')
    .selectAll('s')
    .where('a.province_id', '=', provinceId)
    .where('a.year', '=', year)
    .orderBy('s.activity_id')
    .orderBy('s.agency_id')
    .execute();
  return rows.map(toStatus);
}

/** listPlanStatuses' rows by activity id, then agency id. */
export function statusesByActivity(
  statuses: readonly ActivityStatus[],
): Map<string, Map<string, ActivityStatus>> {
  const byActivity = new Map<string, Map<string, ActivityStatus>>();
  for (const s of statuses) {
    const byAgency = byActivity.get(s.activityId) ?? new Map<string, ActivityStatus>();
    byActivity.set(s.activityId, byAgency.set(s.agencyId, s));
  }
  return byActivity;
}

/** Who changed the status of one agency's task, and when, oldest first. */
export async function listStatusHistory(
  db: Db,
  activityId: string,
  agencyId: string,
): Promise<ActivityStatus[]> {
  const rows = await db.kysely
    .selectFrom('activity_status_history')
    .selectAll()
    .where('activity_id', '=', activityId)
    .where('agency_id', '=', agencyId)
    .orderBy('id')
    .execute();
  return rows.map(toStatus);
}

/**
 * The agency's tasks in its province's plan for the year — activities for 'all' agencies or naming this
 * one — by due date; `openOnly` leaves out the done ones.
 */
export async function listAgencyTasks(
  db: Db,
  agencyId: string,
  year: number,
  options: { openOnly?: boolean } = {},
): Promise<AgencyTask[]> {
  let query = db.kysely
    .selectFrom('plan_activities as a')
    .innerJoin('agencies as g', (j) =>
      j.onRef('g.province_id', '=', 'a.province_id').on('g.id', '=', agencyId),
    )
    .leftJoin('activity_status as s', (j) =>
      j.onRef('s.activity_id', '=', 'a.id').on('s.agency_id', '=', agencyId),
    )
    .select([
      'a.id',
      'a.seq',
      'a.title_th',
      'a.kind',
      'a.starts_on',
      'a.due_on',
      's.status',
      's.updated_by',
      's.updated_at',
    ])
    .where('a.year', '=', year)
    .where((eb) =>
      eb.or([
        eb('a.responsible', '=', 'all'),
        eb.and([
          eb('a.responsible', '=', 'agencies'),
          eb.exists(
            eb
              .selectFrom('activity_agencies as r')
              .select('r.agency_id')
              .whereRef('r.activity_id', '=', 'a.id')
              .where('r.agency_id', '=', agencyId),
          ),
        ]),
      ]),
    );
  if (options.openOnly)
    query = query.where((eb) => eb.or([eb('s.status', 'is', null), eb('s.status', '!=', 'done')]));
  const rows = await query.orderBy('a.due_on').orderBy('a.seq').execute();
  return rows.map((r) => ({
    activityId: r.id,
    seq: r.seq,
    titleTh: r.title_th,
    kind: r.kind,
    startsOn: r.starts_on,
    dueOn: r.due_on,
    status: r.status ?? 'not_started',
    updatedBy: r.updated_by,
    updatedAt: r.updated_at,
  }));
}

/** The agency's tasks that are not done yet (`งาน` / `tasks`, and what reminders are about). */
export function listOpenTasks(db: Db, agencyId: string, year: number): Promise<AgencyTask[]> {
  return listAgencyTasks(db, agencyId, year, { openOnly: true });
}
