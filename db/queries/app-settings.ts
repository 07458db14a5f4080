// Queries on `app_settings`: settings changed at run time (holidays, working hours, sending paused), as JSON.
import type { Db } from '../db.ts';
import { iso, parseJson } from '../json.ts';

/** The stored value, parsed; undefined when the key was never set. Validate it (zod) before use. */
export async function getSetting(db: Db, key: string): Promise<unknown> {
  const row = await db.kysely
    .selectFrom('app_settings')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirst();
  return row ? parseJson(row.value) : undefined;
}

/** Sets (or replaces) a value; it must survive JSON.stringify. */
export async function setSetting(
  db: Db,
  key: string,
  value: unknown,
  by: string | null,
  now: Date,
): Promise<void> {
  const fields = { value: JSON.stringify(value ?? null), updated_by: by, updated_at: iso(now) };
  await db.kysely
    .insertInto('app_settings')
    .values({ key, ...fields })
    .onConflict((oc) => oc.column('key').doUpdateSet(fields))
    .execute();
}

export async function deleteSetting(db: Db, key: string): Promise<boolean> {
  const result = await db.kysely.deleteFrom('app_settings').where('key', '=', key).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
