// "What would it take": the smallest instrument scores that reach a target level, and each gap.
import { levelScores, meetsRule } from './frameworks/levels.ts';
import { frameworkById } from './frameworks/registry.ts';
import { round2 } from './round.ts';
import type { EitParts, Framework, Instrument, Level, LevelRule, ScoreResult } from './types.ts';

export interface InstrumentPlan {
  current: number;
  /** The score every instrument must clear for this level (five-level scheme), if any. */
  floor?: number;
  /** Smallest score in the combined plan, rounded up to 2 decimals (never below current). */
  needed: number;
  /** needed − current: how far this instrument is below what the level needs of it. */
  gap: number;
  /** The score this instrument alone would need, the others kept; undefined when another blocks. */
  alone?: number;
  aloneReachable: boolean;
}

export interface PartPlan {
  current: number;
  floor: number;
  needed: number;
  gap: number;
}

export interface WhatItTakes {
  target: Level;
  /** The current scores already meet the target's thresholds. */
  reached: boolean;
  /** The combined plan needs no score above 100. */
  reachable: boolean;
  total: { current: number; threshold: number; planned: number; gap: number };
  instruments: Partial<Record<Instrument, InstrumentPlan>>;
  eitParts?: { part1?: PartPlan; part2?: PartPlan };
}

export type WhatItTakesOutcome = { ok: true; plan: WhatItTakes } | { ok: false; reason: string };

type Scores = Partial<Record<Instrument, number>>;

/** Rounds up to 2 decimals so scores typed as shown still reach the level (1e-9 absorbs float noise). */
function ceil2(x: number): number {
  return Math.ceil(x * 100 - 1e-9) / 100;
}

function totalOf(framework: Framework, scores: Scores): number {
  return framework.instruments.reduce((sum, i) => sum + framework.weights[i] * (scores[i] ?? 0), 0);
}

/**
 * Raises every instrument below 100 by the same number of points until the total reaches
 * `threshold`, capping at 100 and sharing what a capped instrument cannot take among the others.
 */
function raiseUniformly(framework: Framework, scores: Scores, threshold: number): void {
  for (let round = 0; round < framework.instruments.length; round++) {
    const short = threshold - totalOf(framework, scores);
    const active = framework.instruments.filter((i) => (scores[i] ?? 0) < 100);
    if (short <= 1e-9 || active.length === 0) return;
    const weight = active.reduce((sum, i) => sum + framework.weights[i], 0);
    const headroom = Math.min(...active.map((i) => 100 - (scores[i] ?? 0)));
    const step = Math.min(short / weight, headroom);
    for (const i of active) scores[i] = (scores[i] ?? 0) + step;
  }
}

/** What `instrument` alone would need; undefined when another instrument or EIT part is under the floor. */
function aloneScore(
  framework: Framework,
  rule: LevelRule,
  current: Scores,
  instrument: Instrument,
  parts?: EitParts,
): number | undefined {
  const others = framework.instruments.filter((i) => i !== instrument);
  const blockers = levelScores(others, current, instrument === 'EIT' ? undefined : parts);
  const floor = rule.minEachInstrument;
  if (floor !== undefined && blockers.some((score) => round2(score) < floor)) return undefined;
  // When both EIT parts stand in for EIT, EIT itself has no floor (its parts do, see eitParts).
  const bothParts = parts?.part1 !== undefined && parts.part2 !== undefined;
  const ownFloor = instrument === 'EIT' && bothParts ? 0 : (floor ?? 0);
  const rest = others.reduce((sum, i) => sum + framework.weights[i] * (current[i] ?? 0), 0);
  const byTotal = (rule.minTotal - rest) / framework.weights[instrument];
  return Math.max(current[instrument] ?? 0, ceil2(Math.max(ownFloor, byTotal)));
}

function partPlan(current: number | undefined, floor: number | undefined): PartPlan | undefined {
  if (current === undefined || floor === undefined) return undefined;
  const needed = Math.max(current, floor);
  return { current, floor, needed, gap: needed - current };
}

/** The combined plan: floors first (EIT's own floor is skipped when both parts stand in for it). */
function planScores(framework: Framework, rule: LevelRule, current: Scores, parts?: EitParts): Scores {
  const floor = rule.minEachInstrument;
  const bothParts = parts?.part1 !== undefined && parts.part2 !== undefined;
  const planned: Scores = {};
  for (const i of framework.instruments) {
    const value = current[i] ?? 0;
    planned[i] = floor === undefined || (i === 'EIT' && bothParts) ? value : Math.max(value, floor);
  }
  raiseUniformly(framework, planned, rule.minTotal);
  for (const i of framework.instruments) {
    const now = current[i] ?? 0;
    const raised = planned[i] ?? now;
    planned[i] = raised > now ? Math.max(now, ceil2(raised)) : now;
  }
  return planned;
}

function instrumentPlans(
  framework: Framework,
  rule: LevelRule,
  current: Scores,
  planned: Scores,
  parts: EitParts | undefined,
): Partial<Record<Instrument, InstrumentPlan>> {
  const plans: Partial<Record<Instrument, InstrumentPlan>> = {};
  for (const i of framework.instruments) {
    const now = current[i] ?? 0;
    const needed = planned[i] ?? now;
    const alone = aloneScore(framework, rule, current, i, parts);
    const plan: InstrumentPlan = {
      current: now,
      needed,
      gap: needed - now,
      aloneReachable: alone !== undefined && alone <= 100,
    };
    if (rule.minEachInstrument !== undefined) plan.floor = rule.minEachInstrument;
    if (alone !== undefined) plan.alone = alone;
    plans[i] = plan;
  }
  return plans;
}

function eitPartPlans(parts: EitParts | undefined, floor: number | undefined): WhatItTakes['eitParts'] {
  const part1 = partPlan(parts?.part1, floor);
  const part2 = partPlan(parts?.part2, floor);
  if (part1 === undefined && part2 === undefined) return undefined;
  const plans: NonNullable<WhatItTakes['eitParts']> = {};
  if (part1 !== undefined) plans.part1 = part1;
  if (part2 !== undefined) plans.part2 = part2;
  return plans;
}

/**
 * For a target level: each instrument's gap and the smallest scores that reach it. Rule: first raise
 * every instrument (and EIT part) to the level's per-instrument floor; then, if the total still falls
 * short, raise all instruments by the same number of points (capped at 100) until it reaches the
 * threshold — for the AA–F bands, which have no floor, that is the minimal uniform raise. `alone`
 * answers "what if only this instrument improved". Thresholds apply to 2-decimal figures (decideLevel).
 */
export function whatItTakes(
  result: ScoreResult,
  targetLevelCode: string,
  options: { framework?: Framework } = {},
): WhatItTakesOutcome {
  const framework = options.framework ?? frameworkById(result.frameworkId);
  if (framework === undefined) return { ok: false, reason: `ไม่รู้จักกรอบการประเมิน ${result.frameworkId}` };
  const rule = framework.levels.find((r) => r.code === targetLevelCode);
  if (rule === undefined) {
    const codes = framework.levels.map((r) => r.code).join(', ');
    return { ok: false, reason: `ไม่มีระดับ "${targetLevelCode}" ในกรอบปี ${result.fiscalYear} (มี ${codes})` };
  }
  const lacking = framework.instruments.filter((i) => result.instruments[i] === undefined);
  if (lacking.length > 0) return { ok: false, reason: `ยังไม่มีคะแนน ${lacking.join(', ')} จึงคำนวณไม่ได้` };
  const current = result.instruments;
  const parts = result.eitParts;
  const planned = planScores(framework, rule, current, parts);
  const partPlans = eitPartPlans(parts, rule.minEachInstrument);
  const plannedParts = { part1: partPlans?.part1?.needed, part2: partPlans?.part2?.needed };
  const total = totalOf(framework, current);
  const plannedTotal = totalOf(framework, planned);
  const allPlanned = [...Object.values(planned), plannedParts.part1 ?? 0, plannedParts.part2 ?? 0];
  const plan: WhatItTakes = {
    target: { code: rule.code, label: rule.label },
    reached: meetsRule(rule, total, levelScores(framework.instruments, current, parts)),
    reachable:
      meetsRule(rule, plannedTotal, levelScores(framework.instruments, planned, plannedParts)) &&
      allPlanned.every((score) => score <= 100),
    total: {
      current: total,
      threshold: rule.minTotal,
      planned: plannedTotal,
      gap: Math.max(0, rule.minTotal - total),
    },
    instruments: instrumentPlans(framework, rule, current, planned, parts),
  };
  if (partPlans !== undefined) plan.eitParts = partPlans;
  return { ok: true, plan };
}
