// Queries on `user_roles`: who is a coordinator, agency staff or complaint officer, and where.
import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Db } from '../db.ts';
import { iso } from '../json.ts';
import type { Role, UserRolesTable } from '../schema.ts';

export interface RoleGrant {
  userId: string;
  role: Role;
  provinceId: string;
  /** NULL for a province-wide role (coordinator, the province's complaint officers). */
  agencyId: string | null;
  grantedBy: string | null;
  grantedAt: string;
}

export interface RoleScope {
  userId: string;
  role: Role;
  provinceId: string;
  agencyId?: string | null;
}

function toGrant(row: Selectable<UserRolesTable>): RoleGrant {
  return {
    userId: row.user_id,
    role: row.role,
    provinceId: row.province_id,
    agencyId: row.agency_id,
    grantedBy: row.granted_by,
    grantedAt: row.granted_at,
  };
}

/**
 * Grants a role (also creating the user, who may not have written to the bot yet, e.g. the first coordinator
 * from configuration). False when the user already had it.
 */
export async function grantRole(
  db: Db,
  grant: RoleScope & { grantedBy: string | null },
  now: Date,
): Promise<boolean> {
  const user = db.kysely
    .insertInto('line_users')
    .values({ user_id: grant.userId, first_seen_at: iso(now), last_seen_at: iso(now) })
    .onConflict((oc) => oc.doNothing());
  const role = db.kysely
    .insertInto('user_roles')
    .values({
      user_id: grant.userId,
      role: grant.role,
      province_id: grant.provinceId,
      agency_id: grant.agencyId ?? null,
      granted_by: grant.grantedBy,
      granted_at: iso(now),
    })
    .onConflict((oc) => oc.doNothing());
  const [, inserted] = await db.batch([user, role]);
  return inserted.numAffectedRows > 0;
}

/** Takes a role away; false when the user did not have it. */
export async function revokeRole(db: Db, scope: RoleScope): Promise<boolean> {
  const result = await db.kysely
    .deleteFrom('user_roles')
    .where('user_id', '=', scope.userId)
    .where('role', '=', scope.role)
    .where('province_id', '=', scope.provinceId)
    .where(sql<boolean>`coalesce(agency_id, '') = ${scope.agencyId ?? ''}`)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Every role the user holds. */
export async function listRoles(db: Db, userId: string): Promise<RoleGrant[]> {
  const rows = await db.kysely
    .selectFrom('user_roles')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('province_id')
    .orderBy('role')
    .orderBy('agency_id')
    .execute();
  return rows.map(toGrant);
}

/**
 * Who holds a role in the province (every province without `provinceId`): with `agencyId`, for that agency
 * only; with `agencyId: null`, the province-wide holders only; without it, all of them.
 */
export async function listRoleHolders(
  db: Db,
  scope: { provinceId?: string; role: Role; agencyId?: string | null },
): Promise<RoleGrant[]> {
  let query = db.kysely.selectFrom('user_roles').selectAll().where('role', '=', scope.role);
  if (scope.provinceId !== undefined) query = query.where('province_id', '=', scope.provinceId);
  if (scope.agencyId !== undefined)
    query = query.where(sql<boolean>`coalesce(agency_id, '') = ${scope.agencyId ?? ''}`);
  const rows = await query.orderBy('user_id').execute();
  return rows.map(toGrant);
}
