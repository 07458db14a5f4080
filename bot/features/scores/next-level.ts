// "What it takes" on the score card: the level above the agency's, and core whatItTakes' plan to reach it.
import { type Framework, frameworkById, round2, type ScoreResult, whatItTakes } from '../../../core/index.ts';

export interface NextLevel {
  target: { code: string; label: string };
  reachable: boolean;
  total: { current: number; threshold: number; gap: number };
  /** Per instrument: the score it needs in the combined plan and how far it is now. */
  instruments: {
    code: string;
    current: number;
    needed: number;
    gap: number;
    floor: number | null;
    /** What this instrument alone would need, the others kept; null when another one blocks. */
    alone: number | null;
  }[];
}

/** The plan for the next level up; null at the top level or without a total. */
export function nextLevelPlan(
  result: ScoreResult,
  framework: Framework | undefined = frameworkById(result.frameworkId),
): NextLevel | null {
  if (framework === undefined || result.total === undefined) return null;
  // Level rules run best first, so the next level up is the rule just before the current one.
  const index = framework.levels.findIndex((rule) => rule.code === result.level?.code);
  const target = index < 0 ? framework.levels[framework.levels.length - 1] : framework.levels[index - 1];
  if (target === undefined) return null;
  const outcome = whatItTakes(result, target.code, { framework });
  if (!outcome.ok) return null;
  const { plan } = outcome;
  return {
    target: { code: plan.target.code, label: plan.target.label },
    reachable: plan.reachable,
    total: {
      current: round2(plan.total.current),
      threshold: plan.total.threshold,
      gap: round2(Math.max(0, plan.total.gap)),
    },
    instruments: framework.instruments.flatMap((code) => {
      const p = plan.instruments[code];
      return p === undefined
        ? []
        : [
            {
              code,
              current: round2(p.current),
              needed: round2(p.needed),
              gap: round2(p.gap),
              floor: p.floor ?? null,
              alone: p.alone === undefined || !p.aloneReachable ? null : round2(p.alone),
            },
          ];
    }),
  };
}
