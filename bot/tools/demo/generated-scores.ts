// Plausible, deterministic scores for the demo agencies that have no published result: full IIT/EIT item
// sets where the year's framework defines items, indicator scores for OIT and where items are not defined.
import type { Framework, IndicatorDef, Instrument } from '../../../core/index.ts';
import { frameworkFor, ITA_WEIGHTS, round2 } from '../../../core/index.ts';
import type { ScoreValue } from '../../../db/queries/scores.ts';
import type { AgencyType } from '../../../db/schema.ts';
import type { Rng } from './random.ts';
import { rngFor } from './random.ts';

export interface GeneratedSet {
  agencyId: string;
  year: number;
  scores: ScoreValue[];
  /** The total the scores were built to give (before rounding to 2 decimals) and each instrument's score. */
  intended: { total: number; instruments: Record<Instrument, number> };
}

/** Where a type of agency's totals usually sit: local governments spread wider and lower than ministries. */
const TOTAL_RANGE: Readonly<Record<AgencyType, readonly [number, number]>> = {
  provincial_office: [86, 95],
  line_agency: [82, 96],
  district: [81, 95],
  pao: [82, 95],
  municipality: [77, 96],
  sao: [74, 93],
  other: [75, 94],
};

/** Highest instrument score a set aims at, so items spread below 100 rather than pile up on it. */
const MAX_INSTRUMENT = 99.5;

/** Half-width of the spread of indicators around their instrument, and of items around their indicator. */
const SPREAD: Readonly<Record<Instrument, { indicator: number; item: number }>> = {
  IIT: { indicator: 3, item: 5 },
  EIT: { indicator: 4, item: 8 },
  OIT: { indicator: 7, item: 0 },
};

/** `n` offsets with mean exactly 0 and none beyond ±amplitude, so the mean of the values is the target. */
function zeroMeanOffsets(rng: Rng, n: number, amplitude: number): number[] {
  const raw = Array.from({ length: n }, () => rng.between(-1, 1));
  const mean = raw.reduce((sum, v) => sum + v, 0) / Math.max(n, 1);
  const centred = raw.map((v) => v - mean);
  const widest = Math.max(...centred.map(Math.abs), 1e-9);
  const scale = (Math.max(amplitude, 0) / widest) * rng.between(0.6, 1);
  return centred.map((v) => v * scale);
}

/** Values around `target`, mean `target`, none above 100 (the spread narrows near the top). */
function around(rng: Rng, target: number, n: number, spread: number): number[] {
  const amplitude = Math.min(spread, 100 - target, target);
  return zeroMeanOffsets(rng, n, amplitude).map((offset) => target + offset);
}

/** Instrument scores whose weighted sum is `total`: IIT usually highest, EIT lowest, OIT the most varied. */
function instrumentTargets(rng: Rng, total: number): Record<Instrument, number> {
  const offsets = { IIT: rng.between(0, 6), EIT: rng.between(-8, 0), OIT: rng.between(-8, 6) };
  const shift = -(
    ITA_WEIGHTS.IIT * offsets.IIT +
    ITA_WEIGHTS.EIT * offsets.EIT +
    ITA_WEIGHTS.OIT * offsets.OIT
  );
  const target = (offset: number) => Math.min(MAX_INSTRUMENT, Math.max(50, total + offset + shift));
  return { IIT: target(offsets.IIT), EIT: target(offsets.EIT), OIT: target(offsets.OIT) };
}

function indicatorScores(rng: Rng, def: IndicatorDef, target: number): ScoreValue[] {
  const spread = SPREAD[def.instrument];
  if (def.items.length === 0 || def.instrument === 'OIT') {
    return [{ level: 'indicator', code: String(def.id), score: round2(target) }];
  }
  const items = around(rng, target, def.items.length, spread.item);
  return def.items.map((code, k) => ({ level: 'item', code, score: round2(items[k] ?? target) }));
}

function setFor(framework: Framework, rng: Rng, total: number): Pick<GeneratedSet, 'scores' | 'intended'> {
  const instruments = instrumentTargets(rng, total);
  const scores = framework.instruments.flatMap((instrument) => {
    const defs = framework.indicators.filter((def) => def.instrument === instrument);
    const targets = around(rng, instruments[instrument], defs.length, SPREAD[instrument].indicator);
    return defs.flatMap((def, k) => indicatorScores(rng, def, targets[k] ?? instruments[instrument]));
  });
  const intended =
    ITA_WEIGHTS.IIT * instruments.IIT + ITA_WEIGHTS.EIT * instruments.EIT + ITA_WEIGHTS.OIT * instruments.OIT;
  return { scores, intended: { total: intended, instruments } };
}

/**
 * The agency's sets for the two fiscal years before `currentYear`: a total drawn for its type, and the
 * older year a little lower or higher (most agencies improve). The same agency always gets the same numbers.
 */
export function generateScores(
  agency: { id: string; type: AgencyType },
  currentYear: number,
): GeneratedSet[] {
  const rng = rngFor(`scores:${agency.id}`);
  const [low, high] = TOTAL_RANGE[agency.type];
  const latest = rng.between(low, high);
  const older = Math.min(97, Math.max(71, latest - rng.between(-2, 5)));
  const years: [number, number][] = [
    [currentYear - 2, older],
    [currentYear - 1, latest],
  ];
  return years.flatMap(([year, total]) => {
    const framework = frameworkFor(year);
    if (framework === undefined) return [];
    return [
      { agencyId: agency.id, year, ...setFor(framework, rngFor(`scores:${agency.id}:${year}`), total) },
    ];
  });
}
