// Queries on `published_results`: the level and national ranks the NACC published for an agency-year.
import type { Selectable } from 'kysely';
import type { Db } from '../db.ts';
import { iso, jsonInsert } from '../json.ts';
import type { PublishedResultsTable, ScoreSource } from '../schema.ts';

export interface PublishedResult {
  agencyId: string;
  year: number;
  level: string | null;
  rankNational: number | null;
  rankInGroup: number | null;
}

export interface PublishedResultInput extends PublishedResult {
  source: ScoreSource;
  sourceBy?: string | null;
}

/** Statements that replace the agency-years' published results (for one batch with their scores). */
export function replacePublishedStatements(db: Db, inputs: readonly PublishedResultInput[], now: Date) {
  const clear = inputs.map((p) =>
    db.kysely
      .deleteFrom('published_results')
      .where('agency_id', '=', p.agencyId)
      .where('year', '=', p.year)
      .compile(),
  );
  const rows = inputs
    .filter((p) => p.level !== null || p.rankNational !== null || p.rankInGroup !== null)
    .map((p) => ({
      agency_id: p.agencyId,
      year: p.year,
      level: p.level,
      rank_national: p.rankNational,
      rank_in_group: p.rankInGroup,
      source: p.source,
      source_by: p.sourceBy ?? null,
      recorded_at: iso(now),
    }));
  return [...clear, ...(rows.length === 0 ? [] : jsonInsert(db, 'published_results', rows))];
}

function toPublished(row: Selectable<PublishedResultsTable>): PublishedResult {
  return {
    agencyId: row.agency_id,
    year: row.year,
    level: row.level,
    rankNational: row.rank_national,
    rankInGroup: row.rank_in_group,
  };
}

export async function findPublishedResult(
  db: Db,
  agencyId: string,
  year: number,
): Promise<PublishedResult | undefined> {
  const row = await db.kysely
    .selectFrom('published_results')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .executeTakeFirst();
  return row === undefined ? undefined : toPublished(row);
}

/** Every published result of the province's agencies for the year, by agency id. */
export async function listProvincePublished(
  db: Db,
  provinceId: string,
  year: number,
): Promise<Map<string, PublishedResult>> {
  const rows = await db.kysely
    .selectFrom('published_results')
    .innerJoin('agencies', 'agencies.id', 'published_results.agency_id')
    .selectAll('published_results')
    .where('agencies.province_id', '=', provinceId)
    .where('published_results.year', '=', year)
    .execute();
  return new Map(rows.map((row) => [row.agency_id, toPublished(row)]));
}
