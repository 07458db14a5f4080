// JSON in and out of SQL: many rows inserted through one bound parameter, and safe parsing of JSON columns.
import type { CompiledQuery, Insertable, RawBuilder } from 'kysely';
import { sql } from 'kysely';
import type { Db } from './db.ts';
import type { Database } from './schema.ts';

// D1 binds at most 100 parameters per statement (https://developers.cloudflare.com/d1/platform/limits/), so
// multi-row VALUES lists break on D1 long before SQLite. One JSON array per statement, read back with
// json_each, needs one. 90 KB keeps each statement under D1's 100 KB statement length even if that limit
// counts bound values (not verified; miniflare does not enforce it), far under its 2 MB per value.
const MAX_JSON_BYTES = 90 * 1024;

/**
 * The chunk for bulk writes that must stay few statements (a scheduler tick): the 100 KB statement limit is on
 * the SQL text, a bound value may be up to D1's 2 MB (Cloudflare, https://github.com/cloudflare/workerd/issues/3049:
 * "the maximum statement length … is not the same as the maximum value length"); 1 MB leaves half of it spare.
 */
export const BULK_JSON_BYTES = 1_000_000;

export interface JsonInsertOptions<C extends string> {
  /** A condition every row must meet, e.g. a guard on another table. SQLite also needs a WHERE before an
   * upsert clause on INSERT … SELECT (https://sqlite.org/lang_upsert.html, "parsing ambiguity"). */
  where?: RawBuilder<unknown>;
  /** e.g. sql`ON CONFLICT (retry_key) DO NOTHING`. */
  onConflict?: RawBuilder<unknown>;
  returning?: readonly C[];
  /** Bytes of JSON per statement; default ~90 KB. BULK_JSON_BYTES for writes that must stay few statements. */
  maxJsonBytes?: number;
  /** The columns to insert, when rows carry more fields than that (e.g. for `where` to read). Default: every
   * field of the rows. */
  columns?: readonly C[];
}

type JsonValue = string | number | null;

/** A row for jsonInsert: any of the table's insertable columns, with JSON-representable values. */
export type JsonRow<T extends keyof Database> = {
  [K in keyof Insertable<Database[T]>]?: Extract<Insertable<Database[T]>[K], JsonValue>;
};

/**
 * `INSERT INTO table (cols) SELECT json_extract(value, '$.col'), … FROM json_each(?)`, one statement per
 * ~90 KB of rows, for `db.batch`. Values must be strings, numbers or null (a column some row omits is
 * NULL in that row). R is the RETURNING row shape the caller asks for.
 */
export function jsonInsert<T extends keyof Database & string, R = never>(
  db: Db,
  table: T,
  rows: readonly JsonRow<T>[],
  options: JsonInsertOptions<keyof Database[T] & string> = {},
): CompiledQuery<R>[] {
  const columns = options.columns ?? [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const extract = sql.join(columns.map((c) => sql`json_extract(value, ${sql.lit(`$.${c}`)})`));
  const returning = options.returning?.length
    ? sql`RETURNING ${sql.join(options.returning.map((c) => sql.id(c)))}`
    : sql``;
  return chunkJson(rows, options.maxJsonBytes).map((json) =>
    sql<R>`INSERT INTO ${sql.table(table)} (${sql.join(columns.map((c) => sql.id(c)))})
      SELECT ${extract} FROM json_each(${json}) WHERE ${options.where ?? sql`1`}
      ${options.onConflict ?? sql``} ${returning}`.compile(db.kysely),
  );
}

/** JSON arrays of the rows, each under MAX_JSON_BYTES: one bound parameter each, read with json_each. */
export function chunkJson(rows: readonly object[], maxBytes = MAX_JSON_BYTES): string[] {
  const encoder = new TextEncoder();
  const chunks: string[] = [];
  let parts: string[] = [];
  let size = 0;
  for (const row of rows) {
    const text = JSON.stringify(row);
    const bytes = encoder.encode(text).length;
    if (parts.length > 0 && size + bytes > maxBytes) {
      chunks.push(`[${parts.join(',')}]`);
      parts = [];
      size = 0;
    }
    parts.push(text);
    size += bytes + 1;
  }
  if (parts.length > 0) chunks.push(`[${parts.join(',')}]`);
  return chunks;
}

/** Parses a JSON column; a value this layer wrote is always valid, anything else reads as undefined. */
export function parseJson(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A JSON column holding an array of strings (e.g. json_group_array of ids). */
export function parseStringArray(text: string | null): string[] {
  const value = parseJson(text);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** An instant as stored: ISO-8601 UTC with milliseconds. */
export function iso(at: Date): string {
  return at.toISOString();
}

/** `at` plus `ms` milliseconds, as stored. */
export function isoPlus(at: Date, ms: number): string {
  return new Date(at.getTime() + ms).toISOString();
}
