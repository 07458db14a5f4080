// nextLevelPlan: the level just above the agency's and core whatItTakes' plan for it, rounded for the card.
import { describe, expect, it } from 'vitest';
import { nextLevelPlan } from '../../../../bot/features/scores/next-level.ts';
import { score } from '../../../../core/index.ts';

function resultOf(iit: number, eit: number, oit: number) {
  const outcome = score({ fiscalYear: 2568, instruments: { IIT: iit, EIT: eit, OIT: oit } });
  if (!outcome.ok) throw new Error('does not score');
  return outcome.result;
}

describe('nextLevelPlan', () => {
  it('aims at the level above and shows what each instrument lacks', () => {
    const result = resultOf(98, 88, 97);
    const plan = nextLevelPlan(result);
    expect(result.level?.label).toBe('ผ่านดี');
    expect(plan?.target.label).toBe('ผ่านดีเยี่ยม');
    expect(plan?.instruments.find((i) => i.code === 'EIT')).toMatchObject({
      current: 88,
      needed: 95,
      gap: 7,
    });
    for (const i of plan?.instruments ?? []) expect(i.needed).toBe(Math.round(i.needed * 100) / 100);
  });

  it('has nothing to aim at from the top level', () => {
    expect(nextLevelPlan(resultOf(99, 99, 99))).toBeNull();
  });
});
