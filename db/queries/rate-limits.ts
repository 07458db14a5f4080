// Queries on `rate_limits`: fixed-window counters (new complaints per reporter, wrong tracking codes per user).
import { sql } from 'kysely';
import type { Db } from '../db.ts';

/**
 * Counts one hit for `key` in the window `bucket` (e.g. the UTC hour '2026-11-23T09') and returns the count
 * including it, in one upsert: concurrent hits are all counted. The caller compares with its limit.
 */
export async function hitRateLimit(db: Db, key: string, bucket: string): Promise<number> {
  const result = await sql<{
    count: number;
  }>`INSERT INTO rate_limits (key, bucket, count) VALUES (${key}, ${bucket}, 1)
    ON CONFLICT (key, bucket) DO UPDATE SET count = count + 1 RETURNING count`.execute(db.kysely);
  return result.rows[0]?.count ?? 0;
}

/** The count of `key` in the window `bucket` without counting a hit; 0 when there is none. */
export async function findRateLimitCount(db: Db, key: string, bucket: string): Promise<number> {
  const row = await db.kysely
    .selectFrom('rate_limits')
    .select('count')
    .where('key', '=', key)
    .where('bucket', '=', bucket)
    .executeTakeFirst();
  return row?.count ?? 0;
}

/**
 * Forgets windows before `bucket` (buckets compare as text); with `keyPrefixes`, only those of keys starting
 * with one of them (each feature sweeps its own windows).
 */
export async function deleteRateLimitsBefore(
  db: Db,
  bucket: string,
  keyPrefixes?: readonly string[],
): Promise<number> {
  let query = db.kysely.deleteFrom('rate_limits').where('bucket', '<', bucket);
  if (keyPrefixes !== undefined)
    query = query.where((eb) => eb.or(keyPrefixes.map((prefix) => eb('key', 'like', `${prefix}%`))));
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}
