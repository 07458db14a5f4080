// buildAnalysis(): one agency-year's result → the analysis report model, organised by the seven topics.
import {
  INDICATOR_IDS,
  INDICATOR_NAMES,
  INSTRUMENT_NAMES,
  INSTRUMENTS,
  instrumentOf,
} from '../frameworks/common.ts';
import { citedYearNote, frameworkNotice } from '../frameworks/registry.ts';
import { ANALYSIS_TOPICS, INDICATOR_TOPICS } from '../frameworks/topics.ts';
import { formatScore } from '../round.ts';
import { WEAK_ITEM_THRESHOLD } from '../score.ts';
import type { Framework, IndicatorId, ScoreResult, TopicId } from '../types.ts';
import {
  describeWeakParts,
  hasKnownTitle,
  itemDisplayTitle,
  levelCriteria,
  type Weakness,
  weaknessOf,
} from '../weakness.ts';
import {
  instrumentRecommendation,
  reportIntro,
  reportSummary,
  reportTitle,
  topicFindings,
} from './analysis-text.ts';
import type { MeasureTemplate } from './measure-templates.ts';
import { describePeriod, suggestMeasures } from './measures.ts';
import type {
  AnalysisReport,
  IndicatorLine,
  InstrumentLine,
  OverallResult,
  ReportAgency,
  ReportMeasure,
  TopicItem,
} from './types.ts';

export interface AnalysisInput {
  agency: ReportAgency;
  framework: Framework;
  result: ScoreResult;
  /** The item scores on record (score() does not return them). */
  itemScores: Readonly<Record<string, number>>;
  /** The previous year's result, when on record. */
  previous?: ScoreResult;
  rank?: { rank: number; of: number };
  /** The framework of the measures' year (the report is published under its OIT item); default: `framework`. */
  measuresFramework?: Framework;
  /** National ranks as the NACC published them (overall and within the agency's group). */
  publishedRanks?: { national?: number; inGroup?: number };
  weakThreshold?: number;
}

/** A topic with weak items gets every template that answers them (seed 001 lists up to three per weakness). */
const MAX_MEASURES_WHEN_WEAK = 3;

function change(now: number | undefined, before: number | undefined): number | undefined {
  return now === undefined || before === undefined ? undefined : now - before;
}

function overallOf(input: AnalysisInput): OverallResult {
  const { result, previous, rank } = input;
  const overall: OverallResult = {};
  if (result.total !== undefined) overall.score = result.total;
  if (result.level !== undefined) overall.level = result.level;
  // "ลำดับที่ 1 จาก 1 หน่วยงาน" says nothing: a province rank needs others ranked beside the agency.
  if (rank !== undefined && rank.of > 1) {
    overall.rankInProvince = rank.rank;
    overall.rankedInProvince = rank.of;
  }
  const ranks = input.publishedRanks;
  if (ranks?.national !== undefined) overall.rankNational = ranks.national;
  if (ranks?.inGroup !== undefined) overall.rankInGroup = ranks.inGroup;
  if (previous !== undefined) {
    overall.previousFiscalYear = previous.fiscalYear;
    if (previous.total !== undefined) overall.previousScore = previous.total;
    const delta = change(result.total, previous.total);
    if (delta !== undefined) overall.change = delta;
  }
  return overall;
}

function instrumentLines(result: ScoreResult, previous?: ScoreResult): InstrumentLine[] {
  return INSTRUMENTS.map((instrument) => {
    const line: InstrumentLine = { instrument, name: INSTRUMENT_NAMES[instrument] };
    const score = result.instruments[instrument];
    const weighted = result.weighted[instrument];
    const delta = change(score, previous?.instruments[instrument]);
    if (score !== undefined) line.score = score;
    if (weighted !== undefined) line.weighted = weighted;
    if (delta !== undefined) line.change = delta;
    return line;
  });
}

function indicatorLines(result: ScoreResult, previous?: ScoreResult): IndicatorLine[] {
  return INDICATOR_IDS.map((id) => {
    const line: IndicatorLine = { id, name: INDICATOR_NAMES[id], instrument: instrumentOf(id) };
    const score = result.indicators[id];
    const delta = change(score, previous?.indicators[id]);
    if (score !== undefined) line.score = score;
    if (delta !== undefined) line.change = delta;
    return line;
  });
}

/** The topics an indicator bears on: those its items are filed under, else the default of INDICATOR_TOPICS. */
function topicsOfIndicator(framework: Framework, id: IndicatorId): readonly TopicId[] {
  const own = new Set<TopicId>();
  for (const item of framework.items) {
    const topic = framework.topicOf[item.code];
    if (item.indicator === id && topic !== undefined) own.add(topic);
  }
  return own.size > 0 ? [...own] : INDICATOR_TOPICS[id];
}

/** Only the weak items of a topic, lowest first; an unscored item of a weak indicator counts as weak. */
function topicItems(input: AnalysisInput, topic: TopicId, weakness: Weakness): TopicItem[] {
  const { framework, itemScores } = input;
  const threshold = weakness.threshold;
  const own = framework.items.filter((item) => framework.topicOf[item.code] === topic);
  const weakIndicators = new Set(weakness.indicators.map((w) => w.id));
  const scoredIndicators = new Set(
    own.filter((item) => itemScores[item.code] !== undefined).map((item) => item.indicator),
  );
  const lines: TopicItem[] = [];
  for (const item of own) {
    const value = itemScores[item.code];
    const base = { code: item.code, title: itemDisplayTitle(item), indicator: item.indicator };
    if (value !== undefined && value < threshold) lines.push({ ...base, score: value, weak: true });
    // Without item scores, the items of a weak indicator are where the weakness lies (known wording only).
    else if (
      value === undefined &&
      !scoredIndicators.has(item.indicator) &&
      weakIndicators.has(item.indicator) &&
      hasKnownTitle(item)
    )
      lines.push({ ...base, weak: true });
  }
  return lines.sort((a, b) => (a.score ?? threshold) - (b.score ?? threshold));
}

/**
 * The weak indicators and instruments that bear on a topic and that no scored item of it details: the
 * weakness the topic must answer when only indicator or instrument scores are on record.
 */
function topicWeakParts(
  input: AnalysisInput,
  topic: TopicId,
  weakness: Weakness,
): { text: string; indicators: IndicatorId[] }[] {
  const { framework, itemScores, result } = input;
  const itemScored = (id: IndicatorId) =>
    framework.items.some((item) => item.indicator === id && itemScores[item.code] !== undefined);
  const parts: { text: string; indicators: IndicatorId[] }[] = [];
  for (const w of weakness.indicators) {
    if (itemScored(w.id) || !topicsOfIndicator(framework, w.id).includes(topic)) continue;
    parts.push({
      text: `ตัวชี้วัดที่ ${w.id} ${w.name} (${formatScore(w.score)} คะแนน)`,
      indicators: [w.id],
    });
  }
  for (const w of weakness.instruments) {
    const defs = framework.indicators.filter((d) => d.instrument === w.instrument);
    // Indicator scores, when on record, already say where in the instrument the weakness lies.
    if (defs.some((d) => result.indicators[d.id] !== undefined)) continue;
    const ids = defs.map((d) => d.id).filter((id) => topicsOfIndicator(framework, id).includes(topic));
    if (ids.length === 0) continue;
    parts.push({ text: `${w.name} (${w.instrument}) (${formatScore(w.score)} คะแนน)`, indicators: ids });
  }
  return parts;
}

export function measureOf(template: MeasureTemplate, measuresYear: number): ReportMeasure {
  return {
    id: template.id,
    templateId: template.id,
    title: template.title,
    steps: [...template.steps],
    owner: template.ownerRole,
    period: { ...template.period },
    periodText: describePeriod(template.period, measuresYear),
  };
}

function topicMeasures(
  topic: TopicId,
  items: readonly TopicItem[],
  partIndicators: readonly IndicatorId[],
  measuresYear: number,
): ReportMeasure[] {
  const weakIndicators = [
    ...new Set([...items.filter((i) => i.weak).map((i) => i.indicator), ...partIndicators]),
  ] as IndicatorId[];
  const suggested = suggestMeasures(topic, weakIndicators);
  const chosen =
    weakIndicators.length === 0
      ? suggested.slice(0, 1)
      : suggested
          .filter((t) => t.indicators.some((id) => weakIndicators.includes(id)))
          .slice(0, MAX_MEASURES_WHEN_WEAK);
  // A weak topic whose weaknesses no template answers still gets the topic's first measure.
  const picked = chosen.length > 0 ? chosen : suggested.slice(0, 1);
  return picked.map((template) => measureOf(template, measuresYear));
}

export function buildAnalysis(input: AnalysisInput): AnalysisReport {
  const threshold = input.weakThreshold ?? WEAK_ITEM_THRESHOLD;
  const fiscalYear = input.result.fiscalYear;
  const measuresYear = fiscalYear + 1;
  const overall = overallOf(input);
  const indicators = indicatorLines(input.result, input.previous);
  const instruments = instrumentLines(input.result, input.previous);
  const weakness = weaknessOf(input.result, input.framework, threshold);
  const topics = ANALYSIS_TOPICS.map((topic) => {
    const items = topicItems(input, topic.id, weakness);
    const parts = topicWeakParts(input, topic.id, weakness);
    return {
      id: topic.id,
      title: topic.title,
      items,
      weakCount: items.filter((item) => item.weak && item.score !== undefined).length,
      weakParts: parts.map((p) => p.text),
      findings: topicFindings(
        items,
        parts.map((p) => p.text),
        threshold,
      ),
      measures: topicMeasures(
        topic.id,
        items,
        parts.flatMap((p) => p.indicators),
        measuresYear,
      ),
    };
  });
  const weakItemCount = Object.values(input.itemScores).filter((s) => s < threshold).length;
  const weakParts = describeWeakParts(weakness);
  const name = input.agency.name;
  const report: AnalysisReport = {
    kind: 'analysis',
    agency: input.agency,
    fiscalYear,
    measuresYear,
    frameworkId: input.framework.id,
    weakThreshold: threshold,
    overall,
    instruments,
    indicators,
    keepsStandard: weakness.none,
    weakItemCount,
    weakInstruments: weakness.instruments.map((w) => ({ instrument: w.instrument, score: w.score })),
    weakIndicators: weakness.indicators.map((w) => ({ id: w.id, name: w.name, score: w.score })),
    levelCriteria: levelCriteria(input.framework),
    title: reportTitle(input.agency, fiscalYear, measuresYear),
    intro: reportIntro(fiscalYear, measuresYear),
    summary: reportSummary(overall, fiscalYear, weakItemCount, weakParts, threshold, weakness.levelReason),
    recommendations: {
      IIT: instrumentRecommendation(name, 'IIT', instruments, indicators, threshold),
      EIT: instrumentRecommendation(name, 'EIT', instruments, indicators, threshold),
      OIT: instrumentRecommendation(name, 'OIT', instruments, indicators, threshold),
    },
    topics,
  };
  if (weakness.levelReason !== undefined) report.levelReason = weakness.levelReason;
  const notice = frameworkNotice(input.framework, fiscalYear);
  if (notice !== undefined) report.frameworkNotice = notice;
  // The report is published under the measures item of the year it is for (the next year's framework).
  const target = input.measuresFramework ?? input.framework;
  const code = target.documents?.analysis;
  const item = code === undefined ? undefined : target.items.find((i) => i.code === code);
  if (item !== undefined) {
    report.oitItem = { code: item.code.toUpperCase(), title: item.title, forYear: measuresYear };
    const note = citedYearNote(target, measuresYear, fiscalYear);
    if (note !== undefined) report.oitItem.unconfirmedNote = note;
  }
  return report;
}
