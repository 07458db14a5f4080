// Reads what the reports are drafted from: the agency, its scores for the year and the year before, its rank
// (and every agency's result of a province-year, which the mini-app's overview and score card share).
import {
  type Framework,
  rankAgencies,
  type ScoreInput,
  type ScoreResult,
  score,
} from '../../../core/index.ts';
import type { ReportAgency } from '../../../core/reports/index.ts';
import type { Db } from '../../../db/db.ts';
import { type Agency, findAgencyById } from '../../../db/queries/agencies.ts';
import { findProvinceById } from '../../../db/queries/provinces.ts';
import {
  findPublishedResult,
  listProvincePublished,
  type PublishedResult,
} from '../../../db/queries/published-results.ts';
import { listProvinceScores, listScores, type ScoreValue } from '../../../db/queries/scores.ts';
import { frameworkForYear } from '../frameworks/framework-file.ts';

export interface AgencyYear {
  agency: ReportAgency;
  provinceId: string;
  framework: Framework;
  result: ScoreResult;
  itemScores: Record<string, number>;
  previous?: ScoreResult;
  /** The published level and national ranks, when imported. */
  published?: PublishedResult;
}

/**
 * Score rows of one agency-year as score()'s input: items, indicators, instruments and EIT parts, mixed; a
 * 'total' row and the published level are the published figures that win over recomputation.
 */
export function scoreInputOfRows(
  year: number,
  rows: readonly ScoreValue[],
  published?: Pick<PublishedResult, 'level'>,
): ScoreInput {
  const items: Record<string, number> = {};
  const indicators: Record<string, number> = {};
  const instruments: NonNullable<ScoreInput['instruments']> = {};
  const eitParts: NonNullable<ScoreInput['eitParts']> = {};
  let total: number | undefined;
  for (const s of rows) {
    if (s.level === 'item') items[s.code] = s.score;
    else if (s.level === 'indicator') indicators[s.code] = s.score;
    else if (s.level === 'instrument' && (s.code === 'IIT' || s.code === 'EIT' || s.code === 'OIT'))
      instruments[s.code] = s.score;
    else if (s.level === 'eit_part' && (s.code === 'part1' || s.code === 'part2')) eitParts[s.code] = s.score;
    else if (s.level === 'total') total = s.score;
  }
  const input: ScoreInput = { fiscalYear: year, items, indicators, instruments };
  if (Object.keys(eitParts).length > 0) input.eitParts = eitParts;
  const level = published?.level ?? undefined;
  if (total !== undefined || level !== undefined) {
    input.published = {};
    if (total !== undefined) input.published.total = total;
    if (level !== undefined) input.published.level = level;
  }
  return input;
}

/** score() of the rows; undefined when there are none or they do not score (a bad import). */
export function scoreRows(
  year: number,
  rows: readonly ScoreValue[],
  published?: Pick<PublishedResult, 'level'>,
  framework?: Framework,
  /** false: totals, levels and ranks only, without the weak-item list and the breakdown (see ScoreOptions). */
  full = true,
): ScoreResult | undefined {
  if (rows.length === 0) return undefined;
  const options = { weakItems: full, breakdown: full };
  const outcome = score(
    scoreInputOfRows(year, rows, published),
    framework === undefined ? options : { ...options, framework },
  );
  return outcome.ok ? outcome.result : undefined;
}

/**
 * The agency's result for the year with the year before's when on record; a Thai sentence when the
 * agency is unknown or has no scores that year (the caller shows it as is: exit 2 or a 404).
 */
export async function loadAgencyYear(db: Db, agencyId: string, year: number): Promise<AgencyYear | string> {
  const agency = await findAgencyById(db, agencyId);
  if (agency === undefined) return `ไม่พบหน่วยงานรหัส "${agencyId}"`;
  const framework = await frameworkForYear(db, year);
  if (framework === undefined) return `ไม่มีกรอบการประเมิน ITA สำหรับปีงบประมาณ ${year}`;
  const rows = await listScores(db, agencyId, year);
  const published = await findPublishedResult(db, agencyId, year);
  const result = scoreRows(year, rows, published, framework);
  if (result === undefined) return `ยังไม่มีผลคะแนน ITA ของ${agency.nameTh} ปีงบประมาณ ${year}`;
  const loaded: AgencyYear = {
    agency: await reportAgencyOf(db, agency),
    ...(published === undefined ? {} : { published }),
    provinceId: agency.provinceId,
    framework,
    result,
    itemScores: scoreInputOfRows(year, rows).items ?? {},
  };
  const previous = scoreRows(
    year - 1,
    await listScores(db, agencyId, year - 1),
    await findPublishedResult(db, agencyId, year - 1),
    await frameworkForYear(db, year - 1),
  );
  if (previous !== undefined) loaded.previous = previous;
  return loaded;
}

/** The agency as a report names it, with its province. */
export async function reportAgencyOf(db: Db, agency: Agency): Promise<ReportAgency> {
  const province = await findProvinceById(db, agency.provinceId);
  return province === undefined
    ? { id: agency.id, name: agency.nameTh }
    : { id: agency.id, name: agency.nameTh, provinceName: province.nameTh };
}

/**
 * agencyId → score() of its rows for the year, without weak items and the indicator and weighted breakdown;
 * agencies whose rows do not score are left out.
 */
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
  const published = await listProvincePublished(db, provinceId, year);
  const framework = await frameworkForYear(db, year);
  const results = new Map<string, ScoreResult>();
  for (const [agencyId, rows] of rowsOf) {
    // Every caller ranks, compares totals or counts levels: the weak-item lists and breakdowns are left out.
    const result = scoreRows(year, rows, published.get(agencyId), framework, false);
    if (result !== undefined) results.set(agencyId, result);
  }
  return results;
}

/** The agency's rank among the province's agencies with a total that year (ties share a rank). */
export async function rankInProvince(
  db: Db,
  provinceId: string,
  agencyId: string,
  year: number,
): Promise<{ rank: number; of: number } | undefined> {
  const results = await loadProvinceResults(db, provinceId, year);
  const entries = [...results].flatMap(([id, result]) =>
    result.total === undefined ? [] : [{ id, result }],
  );
  const own = rankAgencies(entries).find((entry) => entry.id === agencyId);
  return own?.rank === undefined ? undefined : { rank: own.rank, of: entries.length };
}
