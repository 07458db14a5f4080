// Queries on `line_groups`: the LINE groups the bot is in and the agency (or province's officers) each serves.
import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Db } from '../db.ts';
import { iso } from '../json.ts';
import type { AgencyType, GroupKind, LineGroupsTable } from '../schema.ts';

export interface LineGroup {
  groupId: string;
  agencyId: string | null;
  provinceId: string | null;
  kind: GroupKind | null;
  joinedAt: string | null;
  boundAt: string | null;
  boundBy: string | null;
  leftAt: string | null;
}

export interface GroupFilter {
  kind?: GroupKind;
  agencyTypes?: readonly AgencyType[];
  districts?: readonly string[];
  agencyIds?: readonly string[];
}

function toGroup(row: Selectable<LineGroupsTable>): LineGroup {
  return {
    groupId: row.group_id,
    agencyId: row.agency_id,
    provinceId: row.province_id,
    kind: row.kind,
    joinedAt: row.joined_at,
    boundAt: row.bound_at,
    boundBy: row.bound_by,
    leftAt: row.left_at,
  };
}

/**
 * Binds the group to the code's agency and uses the code up, in one batch, only while the code is unused and
 * unexpired. Both statements carry the same guard and the batch runs alone (one SQLite write transaction,
 * or D1's serialised batch), so two groups racing for one code cannot both win. Undefined when the code is
 * unknown, used, expired or not a group code (findBindCode tells which).
 */
export async function bindGroupWithCode(
  db: Db,
  input: { code: string; groupId: string; userId: string | null },
  now: Date,
): Promise<LineGroup | undefined> {
  const at = iso(now);
  const usable = sql`code = ${input.code} AND used_at IS NULL AND expires_at > ${at} AND kind IN ('staff', 'officers')`;
  const bind =
    sql`INSERT INTO line_groups (group_id, agency_id, province_id, kind, joined_at, bound_at, bound_by, left_at)
    SELECT ${input.groupId}, agency_id, province_id, kind, ${at}, ${at}, ${input.userId}, NULL
    FROM bind_codes WHERE ${usable}
    ON CONFLICT (group_id) DO UPDATE SET agency_id = excluded.agency_id, province_id = excluded.province_id,
      kind = excluded.kind, joined_at = coalesce(line_groups.joined_at, excluded.joined_at),
      bound_at = excluded.bound_at, bound_by = excluded.bound_by, left_at = NULL`.compile(db.kysely);
  const use =
    sql`UPDATE bind_codes SET used_at = ${at}, used_by_group = ${input.groupId}, used_by_user = ${input.userId}
    WHERE ${usable}`.compile(db.kysely);
  const [, used] = await db.batch([bind, use]);
  return used.numAffectedRows > 0 ? findGroup(db, input.groupId) : undefined;
}

/** The bot joined a group (`join` event): known from now on, bound or not. */
export async function recordGroupJoined(db: Db, groupId: string, now: Date): Promise<LineGroup> {
  const row = await db.kysely
    .insertInto('line_groups')
    .values({ group_id: groupId, joined_at: iso(now) })
    .onConflict((oc) => oc.column('group_id').doUpdateSet({ left_at: null }))
    .returningAll()
    .executeTakeFirstOrThrow();
  return toGroup(row);
}

/** The bot was removed (`leave` event): nothing is sent there; the binding is kept in case it comes back. */
export async function markGroupLeft(db: Db, groupId: string, now: Date): Promise<boolean> {
  const result = await db.kysely
    .updateTable('line_groups')
    .set({ left_at: iso(now) })
    .where('group_id', '=', groupId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Unbinds the group from its agency; false when it was not bound. */
export async function unbindGroup(db: Db, groupId: string): Promise<boolean> {
  const result = await db.kysely
    .updateTable('line_groups')
    .set({ agency_id: null, province_id: null, kind: null, bound_at: null, bound_by: null })
    .where('group_id', '=', groupId)
    .where('kind', 'is not', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function findGroup(db: Db, groupId: string): Promise<LineGroup | undefined> {
  const row = await db.kysely
    .selectFrom('line_groups')
    .selectAll()
    .where('group_id', '=', groupId)
    .executeTakeFirst();
  return row && toGroup(row);
}

/** Groups the bot is still in that serve the agency. */
export async function listAgencyGroups(db: Db, agencyId: string): Promise<LineGroup[]> {
  const rows = await db.kysely
    .selectFrom('line_groups')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('left_at', 'is', null)
    .orderBy('bound_at')
    .execute();
  return rows.map(toGroup);
}

/**
 * Bound groups of the province the bot is still in, optionally filtered by kind and by their agency's type,
 * district or id (broadcast recipients). A province-level officers' group has no agency and passes only
 * filters that do not name agencies.
 */
export async function listBoundGroups(
  db: Db,
  provinceId: string,
  filter: GroupFilter = {},
): Promise<LineGroup[]> {
  let query = db.kysely
    .selectFrom('line_groups as g')
    .leftJoin('agencies as a', 'a.id', 'g.agency_id')
    .selectAll('g')
    .where('g.province_id', '=', provinceId)
    .where('g.kind', 'is not', null)
    .where('g.left_at', 'is', null);
  if (filter.kind) query = query.where('g.kind', '=', filter.kind);
  if (filter.agencyTypes?.length) query = query.where('a.type', 'in', filter.agencyTypes);
  if (filter.districts?.length) query = query.where('a.district', 'in', filter.districts);
  // Agencies not done with an activity can be hundreds: one JSON array, as D1 binds at most 100 values.
  if (filter.agencyIds?.length) {
    const ids = JSON.stringify(filter.agencyIds);
    query = query.where('g.agency_id', 'in', sql<string>`(SELECT value FROM json_each(${ids}))`);
  }
  const rows = await query.orderBy('g.agency_id').orderBy('g.group_id').execute();
  return rows.map(toGroup);
}
