// Minimum respondents as ITAS computes them (ita-framework.md "Respondents and links"), and which target applies.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TARGET_RULES,
  minimumRespondents,
  resolveTarget,
  type TargetRule,
} from '../../../core/surveys/targets.ts';

describe('minimumRespondents', () => {
  it.each([
    // IIT default: every staff member up to 25, then 25.
    ['IIT', 0, 0],
    ['IIT', 1, 1],
    ['IIT', 24, 24],
    ['IIT', 25, 25],
    ['IIT', 26, 25],
    ['IIT', 612, 25],
    // EIT: all when fewer than 30, then 10 % rounded up but at least 30, and 400 above 4,000.
    ['EIT', 12, 12],
    ['EIT', 29, 29],
    ['EIT', 30, 30],
    ['EIT', 299, 30],
    ['EIT', 300, 30],
    ['EIT', 301, 31],
    ['EIT', 310, 31],
    ['EIT', 1500, 150],
    ['EIT', 3999, 400],
    ['EIT', 4000, 400],
    ['EIT', 4001, 400],
    ['EIT', 24000, 400],
  ] as const)('%s with %i people needs %i', (instrument, population, expected) => {
    expect(minimumRespondents(population, DEFAULT_TARGET_RULES[instrument])).toBe(expected);
  });

  it('follows a changed rule (the IIT formula is a setting)', () => {
    const rule: TargetRule = { percent: 20, floor: 25 };
    expect(minimumRespondents(20, rule)).toBe(20);
    expect(minimumRespondents(100, rule)).toBe(25);
    expect(minimumRespondents(612, rule)).toBe(123);
  });

  it('treats a negative or fractional population as whole people', () => {
    expect(minimumRespondents(-3, DEFAULT_TARGET_RULES.EIT)).toBe(0);
    expect(minimumRespondents(28.9, DEFAULT_TARGET_RULES.EIT)).toBe(28);
  });
});

describe('resolveTarget', () => {
  it.each([
    ['a hand-set target as it is', { population: 612, target: 300, targetSource: 'manual' }, 300],
    ['the computed minimum for auto', { population: 612, target: 999, targetSource: 'auto' }, 25],
    [
      'the stored target when the population is unknown',
      { population: null, target: 40, targetSource: 'auto' },
      40,
    ],
    [
      'the computed minimum when a manual target is missing',
      { population: 20, target: null, targetSource: 'manual' },
      20,
    ],
    ['nothing when neither is known', { population: null, target: null, targetSource: 'auto' }, undefined],
  ] as const)('gives %s', (_, link, expected) => {
    expect(resolveTarget({ instrument: 'IIT', ...link })).toBe(expected);
  });

  it('applies the rules it is given', () => {
    const rules = { ...DEFAULT_TARGET_RULES, EIT: { percent: 5, floor: 30 } };
    expect(
      resolveTarget({ instrument: 'EIT', population: 2000, target: null, targetSource: 'auto' }, rules),
    ).toBe(100);
  });
});
