// The province overview of the mini-app: every agency ranked for a year, level distribution, filter lists.
import {
  formatChange,
  frameworkNotice,
  rankAgencies,
  rankInType,
  round2,
  type ScoreResult,
} from '../../../core/index.ts';
import type { Db } from '../../../db/db.ts';
import { listAgencies } from '../../../db/queries/agencies.ts';
import { findProvinceById } from '../../../db/queries/provinces.ts';
import { countScoredAgenciesByYear, listProvinceScores } from '../../../db/queries/scores.ts';
import type { AgencyType } from '../../../db/schema.ts';
import { frameworkForYear } from '../frameworks/framework-file.ts';
import { loadProvinceResults } from '../reports/load.ts';
import { AGENCY_TYPES, agencyTypeLabel } from './agency-types.ts';

/** What the card and the overview say of the demo's generated figures (source 'demo'). */
export const INVENTED_NOTICE = 'คะแนนชุดนี้เป็นตัวเลขสมมุติของระบบสาธิต ไม่ใช่ผลที่สำนักงาน ป.ป.ช. ประกาศ';

export interface ProvinceAgencyRow {
  id: string;
  name: string;
  shortName: string | null;
  type: AgencyType;
  typeLabel: string;
  district: string | null;
  /** Rounded to 2 decimals as published; null without a total that year. */
  total: number | null;
  totalDisplay: string | null;
  level: { code: string; label: string } | null;
  rank: number | null;
  rankInType: number | null;
  /** Change of the published total from the year before ("+0.53"); null when either year has none. */
  change: number | null;
  changeDisplay: string | null;
  /** The year's figures are the demo's invented ones (local mode only). */
  invented: boolean;
}

export interface ProvinceFilter {
  type?: AgencyType;
  district?: string;
  q?: string;
}

export interface ProvinceView {
  provinceId: string;
  provinceName: string;
  /** The year shown; null when no year has scores yet. */
  year: number | null;
  years: number[];
  agencies: ProvinceAgencyRow[];
  /** Set when any shown figure is the demo's invented one (local mode); such rows carry `invented`. */
  inventedNotice: string | null;
  /** The one line saying the shown year's framework is unconfirmed (FY2568 on, until a manual is imported). */
  frameworkNotice: string | null;
  /** One entry per level of the year's framework, best first, then the agencies without a total. */
  levels: { code: string; label: string; count: number }[];
  unscored: number;
  types: { type: AgencyType; label: string; count: number }[];
  districts: string[];
}

/** The published change of the total (difference of the 2-decimal totals, as compareYears shows it). */
export function changeOf(
  current: ScoreResult,
  previous: ScoreResult,
): { value: number; display: string } | undefined {
  if (current.total === undefined || previous.total === undefined) return undefined;
  // compareYears' total change, without its per-instrument and per-indicator diffs the lists never show.
  const value = round2(round2(current.total) - round2(previous.total));
  return { value, display: formatChange(value) };
}

function matches(row: ProvinceAgencyRow, filter: ProvinceFilter): boolean {
  if (filter.type !== undefined && row.type !== filter.type) return false;
  if (filter.district !== undefined && row.district !== filter.district) return false;
  const q = filter.q?.trim().toLowerCase();
  if (q) return `${row.name} ${row.shortName ?? ''} ${row.id}`.toLowerCase().includes(q);
  return true;
}

/**
 * The year the overview opens on: the newest in which most of the province's agencies have a score, so one
 * early import for a new year does not open on a list of unscored agencies; else the best-covered year.
 */
export function defaultOverviewYear(
  counts: readonly { year: number; agencies: number }[],
  agencyCount: number,
): number | null {
  const newestFirst = [...counts].sort((a, b) => b.year - a.year);
  const most = newestFirst.find((c) => c.agencies * 2 > agencyCount);
  if (most !== undefined) return most.year;
  const best = newestFirst.reduce<{ year: number; agencies: number } | undefined>(
    (top, c) => (top === undefined || c.agencies > top.agencies ? c : top),
    undefined,
  );
  return best?.year ?? null;
}

/** The overview for `year` (default: defaultOverviewYear); undefined for an unknown province. */
export async function buildProvinceView(
  db: Db,
  provinceId: string,
  year: number | undefined,
  filter: ProvinceFilter = {},
): Promise<ProvinceView | undefined> {
  const province = await findProvinceById(db, provinceId);
  if (province === undefined) return undefined;
  const counts = await countScoredAgenciesByYear(db, provinceId);
  const years = counts.map((c) => c.year);
  const agencies = await listAgencies(db, provinceId);
  // Line and district offices contribute to the unit that is assessed for them: only units count here.
  const units = agencies.filter((a) => a.assessedUnitId === null).length;
  const shown = year ?? defaultOverviewYear(counts, units);
  const none = new Map<string, ScoreResult>();
  const results = shown === null ? none : await loadProvinceResults(db, provinceId, shown);
  const invented = new Set(
    shown === null
      ? []
      : (await listProvinceScores(db, provinceId, shown))
          .filter((s) => s.source === 'demo')
          .map((s) => s.agencyId),
  );
  const previous = shown === null ? none : await loadProvinceResults(db, provinceId, shown - 1);
  const entries = agencies.flatMap((a) => {
    const result = results.get(a.id);
    return result === undefined ? [] : [{ id: a.id, type: a.type, result }];
  });
  const overall = new Map(rankAgencies(entries).map((e) => [e.id, e]));
  const inType = new Map(rankInType(entries).map((e) => [e.id, e.rank]));
  const rows = agencies.map((a): ProvinceAgencyRow => {
    const ranked = overall.get(a.id);
    const result = ranked?.result;
    const before = previous.get(a.id);
    const change = result !== undefined && before !== undefined ? changeOf(result, before) : undefined;
    return {
      id: a.id,
      name: a.nameTh,
      shortName: a.shortName,
      type: a.type,
      typeLabel: agencyTypeLabel(a.type),
      district: a.district,
      total: result?.total === undefined ? null : round2(result.total),
      totalDisplay: ranked?.totalDisplay ?? null,
      level: result?.level === undefined ? null : { code: result.level.code, label: result.level.label },
      rank: ranked?.rank ?? null,
      rankInType: inType.get(a.id) ?? null,
      change: change?.value ?? null,
      changeDisplay: change?.display ?? null,
      invented: invented.has(a.id),
    };
  });
  rows.sort((a, b) => (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER));
  const framework = shown === null ? undefined : await frameworkForYear(db, shown);
  const rules = framework?.levels ?? [];
  const notice = framework === undefined || shown === null ? undefined : frameworkNotice(framework, shown);
  return {
    provinceId,
    provinceName: province.nameTh,
    year: shown,
    years,
    agencies: rows.filter((row) => matches(row, filter)),
    frameworkNotice: notice ?? null,
    inventedNotice: invented.size > 0 ? `${INVENTED_NOTICE} (หน่วยงานที่มีเครื่องหมาย *)` : null,
    levels: rules.map((r) => ({
      code: r.code,
      label: r.label,
      count: rows.filter((row) => row.level?.code === r.code).length,
    })),
    unscored: rows.filter((row) => row.total === null).length,
    types: AGENCY_TYPES.flatMap((type) => {
      const count = rows.filter((row) => row.type === type).length;
      return count === 0 ? [] : [{ type, label: agencyTypeLabel(type), count }];
    }),
    districts: [...new Set(rows.flatMap((row) => (row.district === null ? [] : [row.district])))].sort(
      (a, b) => a.localeCompare(b, 'th'),
    ),
  };
}
