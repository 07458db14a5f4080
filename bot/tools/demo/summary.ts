// What the demo left in the database: row counts per table.
import { sql } from 'kysely';
import type { Db } from '../../../db/db.ts';
import type { Database } from '../../../db/schema.ts';

/** The tables the demo writes, by the name the summary uses. */
const TABLES = {
  provinces: 'provinces',
  agencies: 'agencies',
  fiscalYears: 'fiscal_years',
  scores: 'scores',
  planActivities: 'plan_activities',
  activityStatuses: 'activity_status',
  statusHistory: 'activity_status_history',
  surveyLinks: 'survey_links',
  surveyReports: 'survey_reports',
  lineUsers: 'line_users',
  userRoles: 'user_roles',
  lineGroups: 'line_groups',
} as const satisfies Record<string, keyof Database>;

export type DemoTable = keyof typeof TABLES;

export interface DemoSummary {
  /** The demo province ('pathum-thani'). */
  provinceId: string;
  /** The current fiscal year (Buddhist era) the plan and survey links were made for. */
  fiscalYear: number;
  /** Rows in each table after loading (the whole table, so a second load shows the same figures). */
  counts: Record<DemoTable, number>;
}

/** Row counts of the demo's tables, read in one batch so they agree with each other. */
export async function countDemoRows(db: Db): Promise<Record<DemoTable, number>> {
  const names = Object.keys(TABLES) as DemoTable[];
  const results = await db.batch(
    names.map((name) =>
      sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(TABLES[name])}`.compile(db.kysely),
    ),
  );
  const counts = {} as Record<DemoTable, number>;
  names.forEach((name, k) => {
    counts[name] = Number(results[k]?.rows[0]?.n ?? 0);
  });
  return counts;
}
