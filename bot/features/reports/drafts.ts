// Drafts the two reports from the database: the analysis of a year's result and the results of a year's measures.
import {
  type AnalysisInput,
  type AnalysisReport,
  buildAnalysis,
  buildMeasureResults,
  type MeasureActivity,
  type MeasureResultsReport,
  type MeasureStatus,
  measureInstrument,
} from '../../../core/reports/index.ts';
import type { IndicatorId } from '../../../core/types.ts';
import type { Db } from '../../../db/db.ts';
import { findActivityStatus, listStatusHistory } from '../../../db/queries/activity-status.ts';
import { findAgencyById } from '../../../db/queries/agencies.ts';
import { type Activity, listActivities } from '../../../db/queries/plan-activities.ts';
import { listScores } from '../../../db/queries/scores.ts';
import { frameworkForYear } from '../frameworks/framework-file.ts';
import { type AgencyYear, loadAgencyYear, rankInProvince, reportAgencyOf, scoreRows } from './load.ts';

/** What a plan item made from a report's measure carries in `meta` (see addMeasuresToPlan). */
export interface MeasureMeta {
  source: 'analysis-report';
  agencyId: string;
  fromYear: number;
  topic: number;
  templateId?: string;
  measureId: string;
  indicators: IndicatorId[];
  steps: string[];
}

export function measureMetaOf(activity: Activity): MeasureMeta | undefined {
  const meta = activity.meta;
  if (typeof meta !== 'object' || meta === null) return undefined;
  const m = meta as Partial<MeasureMeta>;
  if (m.source !== 'analysis-report' || typeof m.agencyId !== 'string') return undefined;
  return {
    source: 'analysis-report',
    agencyId: m.agencyId,
    fromYear: typeof m.fromYear === 'number' ? m.fromYear : activity.year - 1,
    topic: typeof m.topic === 'number' ? m.topic : 0,
    measureId: typeof m.measureId === 'string' ? m.measureId : activity.id,
    ...(typeof m.templateId === 'string' ? { templateId: m.templateId } : {}),
    indicators: Array.isArray(m.indicators)
      ? m.indicators.filter((id): id is IndicatorId => Number.isInteger(id) && id >= 1 && id <= 10)
      : [],
    steps: Array.isArray(m.steps) ? m.steps.filter((s): s is string => typeof s === 'string') : [],
  };
}

/** The analysis report of the agency's result for `year`, or a Thai sentence saying why there is none. */
export async function draftAnalysis(
  db: Db,
  agencyId: string,
  year: number,
): Promise<AnalysisReport | string> {
  const loaded = await loadAgencyYear(db, agencyId, year);
  if (typeof loaded === 'string') return loaded;
  const rank = await rankInProvince(db, loaded.provinceId, agencyId, year);
  const measuresFramework = await frameworkForYear(db, year + 1);
  return buildAnalysis({
    agency: loaded.agency,
    framework: loaded.framework,
    result: loaded.result,
    itemScores: loaded.itemScores,
    ...(loaded.previous === undefined ? {} : { previous: loaded.previous }),
    ...(rank === undefined ? {} : { rank }),
    ...publishedRanksOf(loaded.published),
    ...(measuresFramework === undefined ? {} : { measuresFramework }),
  });
}

async function measureActivityOf(db: Db, activity: Activity, meta: MeasureMeta): Promise<MeasureActivity> {
  const status = await findActivityStatus(db, activity.id, meta.agencyId);
  const history = await listStatusHistory(db, activity.id, meta.agencyId);
  const measure: MeasureActivity = {
    activityId: activity.id,
    title: activity.titleTh,
    steps: meta.steps,
    owner: activity.owner,
    startsOn: activity.startsOn,
    dueOn: activity.dueOn,
    indicators: meta.indicators,
    reports: history.map((h) => ({ note: h.note, evidenceUrl: h.evidenceUrl })),
  };
  // Filed under the instrument of the items it answers (the topic's items in the year it was drawn up for).
  const framework = await frameworkForYear(db, meta.fromYear);
  const instrument =
    framework === undefined ? undefined : measureInstrument(framework, meta.topic, meta.indicators);
  if (instrument !== undefined) measure.instrument = instrument;
  if (status !== undefined) measure.status = status.status as MeasureStatus;
  return measure;
}

/**
 * The results of the agency's measures for `year` (plan items made from the year before's analysis), or a
 * Thai sentence when the agency is unknown or has no such measures.
 */
export async function draftMeasureResults(
  db: Db,
  agencyId: string,
  year: number,
): Promise<MeasureResultsReport | string> {
  const agency = await findAgencyById(db, agencyId);
  if (agency === undefined) return `ไม่พบหน่วยงานรหัส "${agencyId}"`;
  const own = (await listActivities(db, agency.provinceId, year)).flatMap((activity) => {
    const meta = measureMetaOf(activity);
    return meta?.agencyId === agencyId ? [{ activity, meta }] : [];
  });
  if (own.length === 0) {
    return `ยังไม่มีมาตรการของ${agency.nameTh} ในแผนปีงบประมาณ ${year} (เพิ่มจากรายงานการวิเคราะห์ผลปี ${year - 1} ก่อน)`;
  }
  const activities = await Promise.all(
    own.map(({ activity, meta }) => measureActivityOf(db, activity, meta)),
  );
  const framework = await frameworkForYear(db, year);
  const result = scoreRows(year, await listScores(db, agencyId, year), undefined, framework);
  const previous = scoreRows(
    year - 1,
    await listScores(db, agencyId, year - 1),
    undefined,
    await frameworkForYear(db, year - 1),
  );
  return buildMeasureResults({
    agency: await reportAgencyOf(db, agency),
    fiscalYear: year,
    activities,
    ...(result === undefined ? {} : { result }),
    ...(previous === undefined ? {} : { previous }),
    ...(framework === undefined ? {} : { framework }),
  });
}

function publishedRanksOf(published: AgencyYear['published']): Pick<AnalysisInput, 'publishedRanks'> {
  if (published === undefined) return {};
  const ranks: NonNullable<AnalysisInput['publishedRanks']> = {};
  if (published.rankNational !== null) ranks.national = published.rankNational;
  if (published.rankInGroup !== null) ranks.inGroup = published.rankInGroup;
  return Object.keys(ranks).length === 0 ? {} : { publishedRanks: ranks };
}
