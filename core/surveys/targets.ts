// Minimum IIT/EIT respondents computed the way ITAS does from the head counts an agency enters (or set by hand).
import type { Instrument } from '../types.ts';

export type SurveyInstrument = Extract<Instrument, 'IIT' | 'EIT'>;

/**
 * How the minimum follows the population: everyone when there are `floor` or fewer; above that `percent` %
 * (rounded up) but never under `floor`; and `cap.count` suffice once the population passes `cap.above`.
 */
export interface TargetRule {
  percent: number;
  floor: number;
  cap?: { above: number; count: number };
}

export interface TargetRules {
  IIT: TargetRule;
  EIT: TargetRule;
}

/**
 * ita-framework.md "Respondents and links". IIT: every staff member with ≥ 1 year of service, 25 where there
 * are more (the formula is [unconfirmed], hence a setting). EIT: 10 % of external stakeholders, at least 30
 * (all when fewer), 400 suffice above 4,000 [FY2021 manual; unconfirmed for later years].
 */
export const DEFAULT_TARGET_RULES: TargetRules = {
  IIT: { percent: 0, floor: 25 },
  EIT: { percent: 10, floor: 30, cap: { above: 4000, count: 400 } },
};

/** The minimum respondents for a population (staff for IIT, external stakeholders for EIT). */
export function minimumRespondents(population: number, rule: TargetRule): number {
  const people = Math.max(0, Math.floor(population));
  if (people <= rule.floor) return people;
  if (rule.cap !== undefined && people > rule.cap.above) return rule.cap.count;
  // Integer arithmetic: 310 × 10 / 100 is exactly 31, where 310 × 0.1 would round up to 32.
  return Math.max(rule.floor, Math.ceil((people * rule.percent) / 100));
}

export interface TargetInput {
  instrument: SurveyInstrument;
  population: number | null;
  target: number | null;
  targetSource: 'auto' | 'manual';
}

/**
 * The minimum that applies to a link: a target set by hand as it is; otherwise computed from the population
 * under today's rules (so a changed rule applies at once), else the stored figure. Undefined when unknown.
 */
export function resolveTarget(
  link: TargetInput,
  rules: TargetRules = DEFAULT_TARGET_RULES,
): number | undefined {
  if (link.targetSource === 'manual' && link.target !== null) return link.target;
  if (link.population !== null) return minimumRespondents(link.population, rules[link.instrument]);
  return link.target ?? undefined;
}
