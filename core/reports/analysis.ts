// buildAnalysis(): one agency-year's result → the analysis report model, organised by the seven topics.
import {
  INDICATOR_IDS,
  INDICATOR_NAMES,
  INSTRUMENT_NAMES,
  INSTRUMENTS,
  instrumentOf,
} from '../frameworks/common.ts';
import { ANALYSIS_TOPICS } from '../frameworks/topics.ts';
import { WEAK_ITEM_THRESHOLD } from '../score.ts';
import type { Framework, IndicatorId, ItemDef, ScoreResult, TopicId } from '../types.ts';
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
  weakThreshold?: number;
}

/** A topic with weak items gets every template that answers them (seed 001 lists up to three per weakness). */
const MAX_MEASURES_WHEN_WEAK = 3;
/** Items shown for a topic besides its weak ones: the lowest few, enough to show what was looked at. */
const MAX_OTHER_ITEMS = 3;

function change(now: number | undefined, before: number | undefined): number | undefined {
  return now === undefined || before === undefined ? undefined : now - before;
}

function overallOf(input: AnalysisInput): OverallResult {
  const { result, previous, rank } = input;
  const overall: OverallResult = {};
  if (result.total !== undefined) overall.score = result.total;
  if (result.level !== undefined) overall.level = result.level;
  if (rank !== undefined) {
    overall.rankInProvince = rank.rank;
    overall.rankedInProvince = rank.of;
  }
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

// A title the framework had to make up ("ข้อ o7 (ตัวชี้วัดที่ …)") names no real question: such items are
// listed only when they carry a score.
function hasKnownTitle(item: ItemDef): boolean {
  return !item.title.startsWith(`ข้อ ${item.code} `);
}

/** The items a topic's analysis used: weak ones lowest first, then the lowest others; or, with no item scores, the known items. */
function topicItems(input: AnalysisInput, topic: TopicId, threshold: number): TopicItem[] {
  const { framework, itemScores } = input;
  const own = framework.items.filter((item) => framework.topicOf[item.code] === topic);
  const scored = own
    .filter((item) => itemScores[item.code] !== undefined)
    .map((item) => ({ item, score: itemScores[item.code] ?? 0 }))
    .sort((a, b) => a.score - b.score);
  // Without item scores an item counts as weak when its whole indicator is below the threshold.
  const weakIndicator = (id: IndicatorId) => (input.result.indicators[id] ?? threshold) < threshold;
  const toLine = (item: ItemDef, score?: number): TopicItem => ({
    code: item.code,
    title: item.title,
    indicator: item.indicator,
    ...(score === undefined ? {} : { score }),
    weak: score === undefined ? weakIndicator(item.indicator) : score < threshold,
  });
  if (scored.length === 0) return own.filter(hasKnownTitle).map((item) => toLine(item));
  const weak = scored.filter((s) => s.score < threshold);
  const others = scored.filter((s) => s.score >= threshold).slice(0, MAX_OTHER_ITEMS);
  return [...weak, ...others].map((s) => toLine(s.item, s.score));
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

function topicMeasures(topic: TopicId, items: readonly TopicItem[], measuresYear: number): ReportMeasure[] {
  const weakIndicators = [...new Set(items.filter((i) => i.weak).map((i) => i.indicator))] as IndicatorId[];
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
  const topics = ANALYSIS_TOPICS.map((topic) => {
    const items = topicItems(input, topic.id, threshold);
    return {
      id: topic.id,
      title: topic.title,
      items,
      weakCount: items.filter((item) => item.weak).length,
      findings: topicFindings(items, threshold),
      measures: topicMeasures(topic.id, items, measuresYear),
    };
  });
  const weakItemCount = Object.values(input.itemScores).filter((s) => s < threshold).length;
  const name = input.agency.name;
  return {
    kind: 'analysis',
    agency: input.agency,
    fiscalYear,
    measuresYear,
    frameworkId: input.framework.id,
    weakThreshold: threshold,
    overall,
    instruments: instrumentLines(input.result, input.previous),
    indicators,
    keepsStandard: weakItemCount === 0 && indicators.every((line) => (line.score ?? threshold) >= threshold),
    weakItemCount,
    title: reportTitle(input.agency, fiscalYear, measuresYear),
    intro: reportIntro(fiscalYear, measuresYear),
    summary: reportSummary(overall, fiscalYear, weakItemCount, threshold),
    recommendations: {
      IIT: instrumentRecommendation(name, 'IIT', indicators, threshold),
      EIT: instrumentRecommendation(name, 'EIT', indicators, threshold),
      OIT: instrumentRecommendation(name, 'OIT', indicators, threshold),
    },
    topics,
  };
}
