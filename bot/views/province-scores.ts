// Every agency's result for a fiscal year in one province, from the stored score rows (shared by the
// province overview and the score card's ranks).
import type { ScoreResult } from '../../core/index.ts';
import type { Db } from '../../db/db.ts';
import { listFiscalYears } from '../../db/queries/fiscal-years.ts';
import { listProvinceScores, type ScoreValue } from '../../db/queries/scores.ts';
import { scoreRows } from '../reports/load.ts';

/** agencyId → score() of its rows; agencies whose rows do not score are left out. */
export async function loadProvinceResults(
  db: Db,
  provinceId: string,
  year: number,
): Promise<Map<string, ScoreResult>> {
  const rowsOf = new Map<string, ScoreValue[]>();
  for (const row of await listProvinceScores(db, provinceId, year)) {
    const list = rowsOf.get(row.agencyId);
    if (list === undefined) rowsOf.set(row.agencyId, [row]);
    else list.push(row);
  }
  const results = new Map<string, ScoreResult>();
  for (const [agencyId, rows] of rowsOf) {
    const result = scoreRows(year, rows);
    if (result !== undefined) results.set(agencyId, result);
  }
  return results;
}

/** The province's fiscal years that hold any scores, newest first (a handful of years: one read each). */
export async function listScoredYears(db: Db, provinceId: string): Promise<number[]> {
  const years: number[] = [];
  for (const record of await listFiscalYears(db, provinceId)) {
    if ((await listProvinceScores(db, provinceId, record.year)).length > 0) years.push(record.year);
  }
  return years.sort((a, b) => b - a);
}
