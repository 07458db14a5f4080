// Queries on `scores`: an agency's scores per fiscal year at item, indicator, instrument or total level.
import type { Selectable } from 'kysely';
import type { BatchQuery, Db } from '../db.ts';
import { iso, jsonInsert } from '../json.ts';
import type { ScoreLevel, ScoreSource, ScoresTable } from '../schema.ts';
import { replacePublishedStatements } from './published-results.ts';

export interface Score {
  agencyId: string;
  year: number;
  level: ScoreLevel;
  /** 'i1', '1'…'10', 'IIT', 'part1', 'total'. */
  code: string;
  score: number;
  source: ScoreSource;
  sourceBy: string | null;
  recordedAt: string;
}

export interface ScoreValue {
  level: ScoreLevel;
  code: string;
  score: number;
}

export interface ScoreSet {
  agencyId: string;
  year: number;
  source: ScoreSource;
  sourceBy?: string | null;
  scores: readonly ScoreValue[];
  /** The published level and national ranks (the published total is a 'total' row of `scores`). */
  published?: { level: string | null; rankNational: number | null; rankInGroup: number | null };
}

function toScore(row: Selectable<ScoresTable>): Score {
  return {
    agencyId: row.agency_id,
    year: row.year,
    level: row.level,
    code: row.code,
    score: row.score,
    source: row.source,
    sourceBy: row.source_by,
    recordedAt: row.recorded_at,
  };
}

/**
 * Replaces everything on record for the agency and year with `set.scores`, in one batch: an import that
 * fails half-way (a score out of 0–100, an unknown agency) leaves the previous set untouched.
 */
export async function replaceScores(db: Db, set: ScoreSet, now: Date): Promise<number> {
  return replaceScoreSets(db, [set], now);
}

/** Several agencies' sets in one batch: an import of a whole province lands whole or not at all. */
export async function replaceScoreSets(
  db: Db,
  sets: readonly ScoreSet[],
  now: Date,
  /** More statements for the same batch (an audit entry). */
  extra: readonly BatchQuery[] = [],
): Promise<number> {
  const statements = [...sets.flatMap((set) => replaceStatements(db, set, now)), ...extra];
  if (statements.length > 0) await db.batch(statements);
  return sets.reduce((n, set) => n + set.scores.length, 0);
}

function replaceStatements(db: Db, set: ScoreSet, now: Date) {
  const rows = set.scores.map((s) => ({
    agency_id: set.agencyId,
    year: set.year,
    level: s.level,
    code: s.code,
    score: s.score,
    source: set.source,
    source_by: set.sourceBy ?? null,
    recorded_at: iso(now),
  }));
  const clear = db.kysely
    .deleteFrom('scores')
    .where('agency_id', '=', set.agencyId)
    .where('year', '=', set.year);
  const published = replacePublishedStatements(
    db,
    [
      {
        agencyId: set.agencyId,
        year: set.year,
        level: set.published?.level ?? null,
        rankNational: set.published?.rankNational ?? null,
        rankInGroup: set.published?.rankInGroup ?? null,
        source: set.source,
        sourceBy: set.sourceBy ?? null,
      },
    ],
    now,
  );
  return [clear, ...(rows.length === 0 ? [] : jsonInsert(db, 'scores', rows)), ...published];
}

/** The agency's scores for one year, by level then code. */
export async function listScores(db: Db, agencyId: string, year: number): Promise<Score[]> {
  const rows = await db.kysely
    .selectFrom('scores')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .orderBy('level')
    .orderBy('code')
    .execute();
  return rows.map(toScore);
}

/** Every score of every agency of the province for the year (the province overview and ranking). */
export async function listProvinceScores(db: Db, provinceId: string, year: number): Promise<Score[]> {
  const rows = await db.kysely
    .selectFrom('scores')
    .innerJoin('agencies', 'agencies.id', 'scores.agency_id')
    .selectAll('scores')
    .where('agencies.province_id', '=', provinceId)
    .where('scores.year', '=', year)
    .orderBy('scores.agency_id')
    .orderBy('scores.level')
    .orderBy('scores.code')
    .execute();
  return rows.map(toScore);
}

/** The province's fiscal years (on record in fiscal_years) that hold any score, newest first: one query. */
export async function listProvinceScoreYears(db: Db, provinceId: string): Promise<number[]> {
  return (await countScoredAgenciesByYear(db, provinceId)).map((r) => r.year);
}

/** How many of the province's agencies have any score, per year (years with a fiscal-year record), newest first. */
export async function countScoredAgenciesByYear(
  db: Db,
  provinceId: string,
): Promise<{ year: number; agencies: number }[]> {
  const rows = await db.kysely
    .selectFrom('scores')
    .innerJoin('agencies', 'agencies.id', 'scores.agency_id')
    .innerJoin('fiscal_years', (join) =>
      join
        .onRef('fiscal_years.province_id', '=', 'agencies.province_id')
        .onRef('fiscal_years.year', '=', 'scores.year'),
    )
    .select((eb) => ['scores.year', eb.fn.count<number>('scores.agency_id').distinct().as('agencies')])
    .where('agencies.province_id', '=', provinceId)
    .groupBy('scores.year')
    .orderBy('scores.year', 'desc')
    .execute();
  return rows.map((r) => ({ year: r.year, agencies: Number(r.agencies) }));
}

/** The years the agency has scores for, oldest first (trends, change from last year). */
export async function listScoreYears(db: Db, agencyId: string): Promise<number[]> {
  const rows = await db.kysely
    .selectFrom('scores')
    .select('year')
    .distinct()
    .where('agency_id', '=', agencyId)
    .orderBy('year')
    .execute();
  return rows.map((r) => r.year);
}
