// score(): item, indicator or instrument scores (mixed) → indicators, instruments, total, level, weak items.
import { decideLevel, levelScores } from './frameworks/levels.ts';
import { indicatorsOfInstrument } from './frameworks/registry.ts';
import { formatScore } from './round.ts';
import type {
  Framework,
  IndicatorDef,
  IndicatorId,
  Instrument,
  ItemCode,
  Level,
  ScoreInput,
  ScoreOptions,
  ScoreOutcome,
  ScoreResult,
  WeakItem,
} from './types.ts';
import { type CheckedInput, checkInput } from './validate-input.ts';

/** An item below 85 is a weakness [seed 001, 002]. */
export const WEAK_ITEM_THRESHOLD = 85;

/** A given indicator score is used as is; otherwise the mean of its items (at `positions`) when all are given. */
function scoreIndicator(
  def: IndicatorDef,
  positions: readonly number[],
  input: CheckedInput,
): number | undefined {
  const given = input.indicators[def.id];
  if (given !== undefined || positions.length === 0) return given;
  let sum = 0;
  for (let n = 0; n < positions.length; n++) {
    const value = input.items[positions[n] as number] ?? Number.NaN;
    if (Number.isNaN(value)) return undefined;
    sum += value;
  }
  return sum / positions.length;
}

/** The mean of an instrument's indicators (by place in framework.indicators) when all are known. */
function meanOfIndicators(places: readonly number[], values: readonly number[]): number | undefined {
  let sum = 0;
  for (let n = 0; n < places.length; n++) {
    const value = values[places[n] as number] ?? Number.NaN;
    if (Number.isNaN(value)) return undefined;
    sum += value;
  }
  return places.length === 0 ? undefined : sum / places.length;
}

/** What keeps an unknown instrument from being scored: the whole instrument, indicators or items. */
function missingFor(
  instrument: Instrument,
  input: CheckedInput,
  indicators: Partial<Record<IndicatorId, number>>,
): string[] {
  const { index } = input;
  const given = (code: ItemCode) =>
    !Number.isNaN(input.items[index.items.get(code)?.position ?? -1] ?? Number.NaN);
  const defs = indicatorsOfInstrument(input.framework, instrument);
  const started = defs.some((def) => indicators[def.id] !== undefined || def.items.some(given));
  if (!started) return [instrument];
  return defs
    .filter((def) => indicators[def.id] === undefined)
    .flatMap((def) =>
      def.items.some(given) ? def.items.filter((code) => !given(code)) : [`indicator ${def.id}`],
    );
}

/** Items below the threshold, lowest first; equal scores keep the framework's order (a stable sort). */
function weakItemsOf(input: CheckedInput, threshold: number): WeakItem[] {
  const { items } = input.framework;
  const { topics } = input.index;
  const weak: WeakItem[] = [];
  for (let position = 0; position < input.items.length; position++) {
    const value = input.items[position] ?? Number.NaN;
    const item = value < threshold ? items[position] : undefined;
    if (item === undefined) continue;
    // One literal with every field (topic possibly undefined) keeps one object shape: cheaper at scale.
    weak.push({
      code: item.code,
      title: item.title,
      score: value,
      indicator: item.indicator,
      topic: topics[position],
    });
  }
  return sortByScore(weak);
}

/**
 * Stable insertion sort, lowest score first. Weak lists are short (at most the framework's ~90
 * items) and come in framework order; this is several times faster than Array#sort with a
 * comparator at 8,300 agencies, and stable by construction.
 */
function sortByScore(items: WeakItem[]): WeakItem[] {
  for (let i = 1; i < items.length; i++) {
    const item = items[i];
    if (item === undefined) continue;
    for (let j = i - 1; ; j--) {
      const other = items[j];
      if (other === undefined || other.score <= item.score) {
        items[j + 1] = item;
        break;
      }
      items[j + 1] = other;
    }
  }
  return items;
}

/**
 * Indicator scores by place in framework.indicators (NaN = unknown), reused from one agency to the next:
 * compute() reads it only while it runs. At 8,300 agencies, indexed reads here instead of Map and record
 * lookups, and no allocation, are a good part of what keeps ranking the country fast.
 */
const indicatorScratch: number[] = [];
/** Instrument scores by place in framework.instruments (NaN = unknown), reused likewise. */
const instrumentScratch: number[] = [];

/**
 * The empty lists of a complete result, one frozen array each, shared: the 8,300 results of the country
 * stay alive until ranked, and each list they do not own is one object less for the garbage collector.
 */
const NONE_MISSING = Object.freeze([]) as unknown as string[];
const NO_WEAK_ITEMS = Object.freeze([]) as unknown as WeakItem[];

/**
 * The indicator and weighted records of a result scored without its breakdown (ScoreOptions.breakdown false),
 * shared and frozen like the empty lists: ten indicator scores are some 380 bytes an agency keeps alive.
 */
const NO_INDICATORS = Object.freeze({}) as Partial<Record<IndicatorId, number>>;
const NO_WEIGHTED = Object.freeze({}) as Partial<Record<Instrument, number>>;

/** The known indicator scores (`values` by place in framework.indicators, NaN = unknown) by indicator id. */
function indicatorRecord(
  defs: readonly IndicatorDef[],
  values: readonly number[],
): Partial<Record<IndicatorId, number>> {
  const indicators: Partial<Record<IndicatorId, number>> = {};
  for (let place = 0; place < defs.length; place++) {
    const value = values[place] ?? Number.NaN;
    if (!Number.isNaN(value)) indicators[(defs[place] as IndicatorDef).id] = value;
  }
  return indicators;
}

function compute(input: CheckedInput, weakThreshold: number | undefined, breakdown: boolean): ScoreResult {
  const { framework, index } = input;
  const defs = framework.indicators;
  const values = indicatorScratch;
  for (let place = 0; place < defs.length; place++) {
    const value = scoreIndicator(defs[place] as IndicatorDef, index.itemsByIndicator[place] ?? [], input);
    values[place] = value ?? Number.NaN;
  }
  // Without the breakdown the record is made only if an instrument cannot be scored (to say what is missing).
  let indicators = breakdown ? indicatorRecord(defs, values) : NO_INDICATORS;
  const scores = instrumentScratch;
  let missing: string[] | undefined;
  for (let n = 0; n < framework.instruments.length; n++) {
    const instrument = framework.instruments[n] as Instrument;
    const value =
      input.instruments[instrument] ?? meanOfIndicators(index.indicatorsByInstrument[n] ?? [], values);
    scores[n] = value ?? Number.NaN;
    if (value === undefined) {
      if (indicators === NO_INDICATORS) indicators = indicatorRecord(defs, values);
      missing = missing ?? [];
      missing.push(...missingFor(instrument, input, indicators));
    }
  }
  if (!breakdown) indicators = NO_INDICATORS;
  let instruments: Partial<Record<Instrument, number>>;
  let weighted: Partial<Record<Instrument, number>>;
  const { weights } = framework;
  if (missing === undefined && index.instrumentsInOrder) {
    // Every instrument known, IIT, EIT, OIT as every framework orders them: two literals, one shape each,
    // instead of adding keys one by one (the same keys in the same order as the loop below).
    const [iit = 0, eit = 0, oit = 0] = scores;
    instruments = { IIT: iit, EIT: eit, OIT: oit };
    weighted = breakdown
      ? { IIT: weights.IIT * iit, EIT: weights.EIT * eit, OIT: weights.OIT * oit }
      : NO_WEIGHTED;
  } else {
    instruments = {};
    weighted = breakdown ? {} : NO_WEIGHTED;
    for (let n = 0; n < framework.instruments.length; n++) {
      const instrument = framework.instruments[n] as Instrument;
      const value = scores[n] ?? Number.NaN;
      if (Number.isNaN(value)) continue;
      instruments[instrument] = value;
      if (breakdown) weighted[instrument] = weights[instrument] * value;
    }
  }
  const weakItems = weakThreshold === undefined ? NO_WEAK_ITEMS : weakItemsOf(input, weakThreshold);
  let total: number | undefined;
  if (missing === undefined) {
    // The weighted scores summed in the framework's order: the same sum whether or not `weighted` is kept.
    total = 0;
    for (let n = 0; n < framework.instruments.length; n++)
      total += weights[framework.instruments[n] as Instrument] * (scores[n] as number);
  }
  const published = input.published;
  if (published === undefined && input.eitParts === undefined && total !== undefined) {
    // The common case (a whole item set, nothing published) as one literal with every field, in the order
    // the general path below writes them: no fields added afterwards, so one object shape and no regrowth.
    const level = levelOf(framework, total, instruments, input);
    if (level !== undefined) {
      return {
        fiscalYear: input.fiscalYear,
        frameworkId: framework.id,
        indicators,
        instruments,
        weighted,
        weakItems,
        missing: NONE_MISSING,
        total,
        totalDisplay: formatScore(total),
        level,
      };
    }
  }
  const result: ScoreResult = {
    fiscalYear: input.fiscalYear,
    frameworkId: framework.id,
    indicators,
    instruments,
    weighted,
    weakItems,
    missing: missing ?? NONE_MISSING,
  };
  if (input.eitParts !== undefined) result.eitParts = input.eitParts;
  if (published === undefined) {
    if (total !== undefined) setTotal(result, total, framework, instruments, input);
    return result;
  }
  // Published figures win; recomputation fills only what was not published.
  if (published.total !== undefined)
    setTotal(result, published.total, framework, instruments, input, total !== undefined);
  else if (total !== undefined) setTotal(result, total, framework, instruments, input);
  if (published.total !== undefined && total !== undefined) result.recomputedTotal = total;
  if (published.level !== undefined)
    result.level = { code: published.level.code, label: published.level.label };
  result.published = { total: published.total !== undefined, level: published.level !== undefined };
  return result;
}

const NO_SCORES: readonly number[] = [];

function setTotal(
  result: ScoreResult,
  total: number,
  framework: Framework,
  instruments: Partial<Record<Instrument, number>>,
  input: CheckedInput,
  allInstruments = true,
): void {
  result.total = total;
  result.totalDisplay = formatScore(total);
  // Without every instrument the per-instrument floors cannot be checked: no level unless one was published.
  if (!allInstruments) return;
  const level = levelOf(framework, total, instruments, input);
  if (level !== undefined) result.level = level;
}

function levelOf(
  framework: Framework,
  total: number,
  instruments: Partial<Record<Instrument, number>>,
  input: CheckedInput,
): Level | undefined {
  // The AA–F bands read the total only: no list of instrument scores to build for them.
  const floors = input.index.levelsNeedInstruments
    ? levelScores(framework.instruments, instruments, input.eitParts)
    : NO_SCORES;
  return decideLevel(framework.levels, total, floors);
}

/**
 * Scores one agency's year. Given scores are used as is; an indicator not given is the mean of its
 * items when all are given; an instrument not given is the mean of its indicators when all are
 * known; the total needs every instrument. Numbers stay unrounded (round2 for display).
 */
export function score(input: ScoreInput, options: ScoreOptions = {}): ScoreOutcome {
  const threshold = options.weakThreshold ?? WEAK_ITEM_THRESHOLD;
  if (!Number.isFinite(threshold)) {
    return { ok: false, errors: [{ field: 'weakThreshold', message: 'เกณฑ์ข้อที่ต้องปรับปรุงต้องเป็นตัวเลข' }] };
  }
  const checked = checkInput(input, options.framework);
  if (!checked.ok) return checked;
  const weak = options.weakItems === false ? undefined : threshold;
  return { ok: true, result: compute(checked.input, weak, options.breakdown !== false) };
}
