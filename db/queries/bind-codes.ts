// Queries on `bind_codes`: one-time codes that bind a LINE group to an agency (and other one-time uses).
import type { Selectable } from 'kysely';
import type { Db } from '../db.ts';
import { iso } from '../json.ts';
import type { BindCodesTable } from '../schema.ts';

export interface BindCode {
  code: string;
  provinceId: string;
  agencyId: string | null;
  /** 'staff' | 'officers' bind groups (line-groups.ts bindGroupWithCode); other kinds are for consumeBindCode. */
  kind: string;
  createdBy: string | null;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  usedByGroup: string | null;
  usedByUser: string | null;
}

export interface NewBindCode {
  code: string;
  provinceId: string;
  agencyId?: string | null;
  kind: string;
  createdBy?: string | null;
  expiresAt: Date;
}

function toBindCode(row: Selectable<BindCodesTable>): BindCode {
  return {
    code: row.code,
    provinceId: row.province_id,
    agencyId: row.agency_id,
    kind: row.kind,
    createdBy: row.created_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    usedAt: row.used_at,
    usedByGroup: row.used_by_group,
    usedByUser: row.used_by_user,
  };
}

/** Stores a new code; false when the code string is already taken (the caller draws another). */
export async function createBindCode(db: Db, input: NewBindCode, now: Date): Promise<boolean> {
  const result = await db.kysely
    .insertInto('bind_codes')
    .values({
      code: input.code,
      province_id: input.provinceId,
      agency_id: input.agencyId ?? null,
      kind: input.kind,
      created_by: input.createdBy ?? null,
      created_at: iso(now),
      expires_at: iso(input.expiresAt),
    })
    .onConflict((oc) => oc.column('code').doNothing())
    .executeTakeFirst();
  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
}

export async function findBindCode(db: Db, code: string): Promise<BindCode | undefined> {
  const row = await db.kysely
    .selectFrom('bind_codes')
    .selectAll()
    .where('code', '=', code)
    .executeTakeFirst();
  return row && toBindCode(row);
}

/**
 * Uses up a code of `kind` that is not a group code (e.g. the first coordinator's code typed in 1:1 chat),
 * in one conditional UPDATE: it succeeds once. Undefined when unknown, used, expired or of another kind.
 */
export async function consumeBindCode(
  db: Db,
  input: { code: string; kind: string; userId: string },
  now: Date,
): Promise<BindCode | undefined> {
  const row = await db.kysely
    .updateTable('bind_codes')
    .set({ used_at: iso(now), used_by_user: input.userId })
    .where('code', '=', input.code)
    .where('kind', '=', input.kind)
    .where('used_at', 'is', null)
    .where('expires_at', '>', iso(now))
    .returningAll()
    .executeTakeFirst();
  return row && toBindCode(row);
}

/**
 * The newest code of `kind` for the province that is still unused and unexpired (the first coordinator's code
 * is reused across restarts until it expires, so the operator is not shown a new one every start).
 */
export async function findUsableBindCode(
  db: Db,
  input: { provinceId: string; kind: string },
  now: Date,
): Promise<BindCode | undefined> {
  const row = await db.kysely
    .selectFrom('bind_codes')
    .selectAll()
    .where('province_id', '=', input.provinceId)
    .where('kind', '=', input.kind)
    .where('used_at', 'is', null)
    .where('expires_at', '>', iso(now))
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  return row && toBindCode(row);
}
