// Helpers for the demo tests: a fresh in-memory database, fixed clock values and a dump of every demo table.
import { sql } from 'kysely';
import type { Db } from '../../../../db/db.ts';
import { openSqlite } from '../../../../db/sqlite.ts';

/** A Monday in FY2570, early in the year: only the first activities are under way. */
export const NOW = new Date('2026-11-23T09:00:00.000Z');
/** Late in FY2570: surveys open, OIT approval overdue. */
export const LATE = new Date('2027-05-12T03:00:00.000Z');

export const DEMO_TABLES = [
  'provinces',
  'agencies',
  'fiscal_years',
  'scores',
  'plan_activities',
  'activity_agencies',
  'activity_status',
  'activity_status_history',
  'survey_links',
  'survey_reports',
  'line_users',
  'user_roles',
  'line_groups',
] as const;

const opened: Db[] = [];

export function openDb(): Db {
  const db = openSqlite(':memory:');
  opened.push(db);
  return db;
}

export async function closeAll(): Promise<void> {
  await Promise.all(opened.splice(0).map((db) => db.close()));
}

/** Every row of every demo table, as sorted JSON lines per table. */
export async function dumpTables(db: Db): Promise<Record<string, string[]>> {
  const dump: Record<string, string[]> = {};
  for (const table of DEMO_TABLES) {
    const { rows } = await sql`SELECT * FROM ${sql.table(table)}`.execute(db.kysely);
    dump[table] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return dump;
}
