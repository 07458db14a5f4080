// The agency score card of the mini-app: total and level, instruments, indicators, trend, change, ranks,
// weak items under the seven topics with suggested measures, and what it takes to reach the next level.
import {
  ANALYSIS_TOPICS,
  frameworkNotice,
  INDICATOR_IDS,
  INDICATOR_NAMES,
  INSTRUMENT_NAMES,
  type Instrument,
  instrumentOf,
  itemDisplayTitle,
  rankAgencies,
  rankInType,
  round2,
  type ScoreResult,
  type WeakItem,
  weaknessOf,
} from '../../../core/index.ts';
import { suggestMeasures } from '../../../core/reports/measures.ts';
import type { Db } from '../../../db/db.ts';
import { findAgencyById, listAgencies } from '../../../db/queries/agencies.ts';
import { findPublishedResult } from '../../../db/queries/published-results.ts';
import { listScores, listScoreYears } from '../../../db/queries/scores.ts';
import type { AgencyType } from '../../../db/schema.ts';
import { frameworkForYear } from '../frameworks/framework-file.ts';
import { loadProvinceResults, scoreRows } from '../reports/load.ts';
import { agencyTypeLabel } from './agency-types.ts';
import { type NextLevel, nextLevelPlan } from './next-level.ts';
import { changeOf, INVENTED_NOTICE } from './province.ts';

const shown = (value: number | undefined): number | null => (value === undefined ? null : round2(value));

export interface Scorecard {
  agency: {
    id: string;
    name: string;
    shortName: string | null;
    type: string;
    typeLabel: string;
    district: string | null;
  };
  year: number;
  /** Years with scores, newest first (as /api/province lists them); `trend` runs oldest first. */
  years: number[];
  frameworkId: string;
  total: number | null;
  totalDisplay: string | null;
  level: { code: string; label: string } | null;
  instruments: {
    code: Instrument;
    name: string;
    score: number | null;
    weight: number;
    weighted: number | null;
  }[];
  indicators: { id: number; code: string; title: string; score: number | null; instrument: Instrument }[];
  trend: { year: number; total: number | null; totalDisplay: string | null; level: string | null }[];
  change: {
    previousYear: number;
    total: number | null;
    totalDisplay: string | null;
    level: string | null;
  } | null;
  rank: {
    province: { rank: number; of: number } | null;
    type: { rank: number; of: number; typeLabel: string } | null;
    /** As the NACC published them, when imported. */
    national: number | null;
    inGroup: number | null;
  };
  weakTopics: {
    id: number;
    title: string;
    items: { code: string; title: string; score: number; indicator: number }[];
    measures: { id: string; title: string; steps: readonly string[]; ownerRole: string }[];
  }[];
  /** Items below 85 (weakTopics' items). */
  weakCount: number;
  /** Core weaknessOf: instruments and indicators below 85 and the level's reason, as the reports say it. */
  weakness: {
    instruments: { code: Instrument; name: string; score: number }[];
    indicators: { id: number; name: string; score: number }[];
    levelReason: string | null;
    none: boolean;
  };
  whatItTakes: NextLevel | null;
  /** One line when the year's framework is unconfirmed (assumed from an earlier year, or from agencies' pages). */
  frameworkNotice: string | null;
  /** Set when the year's figures are the demo's invented ones (local mode), never on real data. */
  inventedNotice: string | null;
  missing: string[];
}

function weakTopicsOf(items_: readonly WeakItem[]): Scorecard['weakTopics'] {
  return ANALYSIS_TOPICS.map((topic) => {
    const items = items_.filter((item) => item.topic === topic.id);
    const measures = suggestMeasures(
      topic.id,
      items.map((item) => item.indicator),
    ).map((m) => ({ id: m.id, title: m.title, steps: m.steps, ownerRole: m.ownerRole }));
    return {
      id: topic.id,
      title: topic.title,
      items: items.map((item) => ({
        code: item.code,
        title: itemDisplayTitle(item),
        score: round2(item.score),
        indicator: item.indicator,
      })),
      // Only topics with weak items get suggestions: the card shows what to fix, not the whole catalogue.
      measures: items.length === 0 ? [] : measures,
    };
  });
}

function rankOf(
  entries: { id: string; type: AgencyType; result: ScoreResult }[],
  agencyId: string,
  type: AgencyType,
) {
  const scored = entries.filter((e) => e.result.total !== undefined);
  const overall = rankAgencies(scored).find((e) => e.id === agencyId)?.rank;
  const sameType = scored.filter((e) => e.type === type);
  const inType = rankInType(sameType).find((e) => e.id === agencyId)?.rank;
  return {
    province: overall === undefined ? null : { rank: overall, of: scored.length },
    type:
      inType === undefined ? null : { rank: inType, of: sameType.length, typeLabel: agencyTypeLabel(type) },
  };
}

/** The card for an agency's year; a Thai sentence (a 404) for an unknown agency or a year without scores. */
export async function buildScorecard(
  db: Db,
  agencyId: string,
  year: number | undefined,
): Promise<Scorecard | string> {
  const agency = await findAgencyById(db, agencyId);
  if (agency === undefined) return `ไม่พบหน่วยงานรหัส "${agencyId}"`;
  const years = await listScoreYears(db, agencyId);
  const shownYear = year ?? years[years.length - 1];
  if (shownYear === undefined && agency.assessedUnitId !== null) {
    const unit = await findAgencyById(db, agency.assessedUnitId);
    return `${agency.nameTh}รับการประเมิน ITA ร่วมกับ${unit?.nameTh ?? 'หน่วยงานหลัก'}เป็นหน่วยเดียว ผลคะแนนและอันดับอยู่ที่${unit?.nameTh ?? 'หน่วยงานหลัก'}`;
  }
  if (shownYear === undefined) return `ยังไม่มีผลคะแนน ITA ของ${agency.nameTh}`;
  const publishedNow = await findPublishedResult(db, agencyId, shownYear);
  const framework = await frameworkForYear(db, shownYear);
  const shownRows = await listScores(db, agencyId, shownYear);
  const result = scoreRows(shownYear, shownRows, publishedNow, framework);
  if (result === undefined) return `ยังไม่มีผลคะแนน ITA ของ${agency.nameTh} ปีงบประมาณ ${shownYear}`;
  const trend: Scorecard['trend'] = [];
  let previous: ScoreResult | undefined;
  for (const y of years) {
    const r =
      y === shownYear
        ? result
        : scoreRows(
            y,
            await listScores(db, agencyId, y),
            await findPublishedResult(db, agencyId, y),
            await frameworkForYear(db, y),
          );
    if (y === shownYear - 1) previous = r;
    trend.push({
      year: y,
      total: shown(r?.total),
      totalDisplay: r?.totalDisplay ?? null,
      level: r?.level?.label ?? null,
    });
  }
  const provinceResults = await loadProvinceResults(db, agency.provinceId, shownYear);
  const entries = (await listAgencies(db, agency.provinceId)).flatMap((a) => {
    const r = provinceResults.get(a.id);
    return r === undefined ? [] : [{ id: a.id, type: a.type, result: r }];
  });
  const change = previous === undefined ? undefined : changeOf(result, previous);
  const weakness = framework === undefined ? undefined : weaknessOf(result, framework);
  return {
    agency: {
      id: agency.id,
      name: agency.nameTh,
      shortName: agency.shortName,
      type: agency.type,
      typeLabel: agencyTypeLabel(agency.type),
      district: agency.district,
    },
    year: shownYear,
    years: [...years].reverse(),
    frameworkId: result.frameworkId,
    total: shown(result.total),
    totalDisplay: result.totalDisplay ?? null,
    level: result.level === undefined ? null : { code: result.level.code, label: result.level.label },
    instruments: (framework?.instruments ?? []).map((code) => ({
      code,
      name: INSTRUMENT_NAMES[code],
      score: shown(result.instruments[code]),
      weight: framework?.weights[code] ?? 0,
      weighted: shown(result.weighted[code]),
    })),
    indicators: INDICATOR_IDS.map((id) => ({
      id,
      code: String(id),
      title: framework?.indicators.find((d) => d.id === id)?.name ?? INDICATOR_NAMES[id],
      score: shown(result.indicators[id]),
      instrument: instrumentOf(id),
    })),
    trend,
    change:
      previous === undefined
        ? null
        : {
            previousYear: shownYear - 1,
            total: change?.value ?? null,
            totalDisplay: change?.display ?? null,
            level: previous.level?.label ?? null,
          },
    rank: {
      ...rankOf(entries, agency.id, agency.type),
      national: publishedNow?.rankNational ?? null,
      inGroup: publishedNow?.rankInGroup ?? null,
    },
    weakTopics: weakTopicsOf(weakness?.items ?? result.weakItems),
    weakCount: (weakness?.items ?? result.weakItems).length,
    weakness: {
      instruments: (weakness?.instruments ?? []).map((w) => ({
        code: w.instrument,
        name: w.name,
        score: round2(w.score),
      })),
      indicators: (weakness?.indicators ?? []).map((w) => ({
        id: w.id,
        name: w.name,
        score: round2(w.score),
      })),
      levelReason: weakness?.levelReason ?? null,
      none: weakness?.none ?? result.weakItems.length === 0,
    },
    whatItTakes: nextLevelPlan(result, framework),
    frameworkNotice: framework === undefined ? null : (frameworkNotice(framework, shownYear) ?? null),
    inventedNotice: shownRows.some((row) => row.source === 'demo') ? INVENTED_NOTICE : null,
    missing: result.missing,
  };
}
