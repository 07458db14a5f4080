// Queries on `fiscal_years`: the years a province runs, each with the scoring framework it uses.
import type { Selectable } from 'kysely';
import type { Db } from '../db.ts';
import { iso } from '../json.ts';
import type { FiscalYearsTable } from '../schema.ts';

export interface FiscalYearRecord {
  provinceId: string;
  /** Buddhist era. */
  year: number;
  frameworkId: string;
  createdAt: string;
  updatedAt: string;
}

function toFiscalYear(row: Selectable<FiscalYearsTable>): FiscalYearRecord {
  return {
    provinceId: row.province_id,
    year: row.year,
    frameworkId: row.framework_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Opens the year for the province, or changes its framework. */
export async function upsertFiscalYear(
  db: Db,
  input: { provinceId: string; year: number; frameworkId: string },
  now: Date,
): Promise<FiscalYearRecord> {
  const row = await db.kysely
    .insertInto('fiscal_years')
    .values({
      province_id: input.provinceId,
      year: input.year,
      framework_id: input.frameworkId,
      created_at: iso(now),
      updated_at: iso(now),
    })
    .onConflict((oc) =>
      oc
        .columns(['province_id', 'year'])
        .doUpdateSet({ framework_id: input.frameworkId, updated_at: iso(now) }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
  return toFiscalYear(row);
}

export async function findFiscalYear(
  db: Db,
  provinceId: string,
  year: number,
): Promise<FiscalYearRecord | undefined> {
  const row = await db.kysely
    .selectFrom('fiscal_years')
    .selectAll()
    .where('province_id', '=', provinceId)
    .where('year', '=', year)
    .executeTakeFirst();
  return row && toFiscalYear(row);
}

/** The province's years, latest first. */
export async function listFiscalYears(db: Db, provinceId: string): Promise<FiscalYearRecord[]> {
  const rows = await db.kysely
    .selectFrom('fiscal_years')
    .selectAll()
    .where('province_id', '=', provinceId)
    .orderBy('year', 'desc')
    .execute();
  return rows.map(toFiscalYear);
}
