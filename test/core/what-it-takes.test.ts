// whatItTakes: per-instrument gaps and the smallest scores that reach a target level.
import { describe, expect, it } from 'vitest';
import {
  decideLevel,
  frameworkFor,
  type ScoreInput,
  type ScoreResult,
  score,
  type WhatItTakes,
  whatItTakes,
  withLevelOverrides,
} from '../../core/index.ts';

function ok(input: ScoreInput): ScoreResult {
  const outcome = score(input);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  return outcome.result;
}

function plan(result: ScoreResult, level: string, options?: Parameters<typeof whatItTakes>[2]): WhatItTakes {
  const outcome = whatItTakes(result, level, options);
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.plan;
}

/** The level the planned scores would get: the plan must actually reach its target. */
function levelOfPlan(result: ScoreResult, p: WhatItTakes): string | undefined {
  const framework = frameworkFor(result.fiscalYear);
  const needed = (['IIT', 'EIT', 'OIT'] as const).map((i) => p.instruments[i]?.needed ?? Number.NaN);
  const total = 0.3 * (needed[0] ?? 0) + 0.3 * (needed[1] ?? 0) + 0.4 * (needed[2] ?? 0);
  return framework === undefined ? undefined : decideLevel(framework.levels, total, needed)?.code;
}

describe('whatItTakes', () => {
  it('raises all instruments by the same points to reach a band (FY2562 A → AA)', () => {
    const result = ok({ fiscalYear: 2562, instruments: { IIT: 80, EIT: 70, OIT: 90 } });
    const p = plan(result, 'A');
    expect(p.reached).toBe(false);
    expect(p.reachable).toBe(true);
    expect(p.total.gap).toBeCloseTo(4, 10);
    expect([p.instruments.IIT?.needed, p.instruments.EIT?.needed, p.instruments.OIT?.needed]).toEqual([
      84, 74, 94,
    ]);
    expect(p.instruments.EIT?.gap).toBeCloseTo(4, 10);
    expect(levelOfPlan(result, p)).toBe('A');
  });

  it('caps at 100 and shares the rest among the others', () => {
    const result = ok({ fiscalYear: 2562, instruments: { IIT: 99, EIT: 60, OIT: 99.5 } });
    const p = plan(result, 'AA');
    expect([p.instruments.IIT?.needed, p.instruments.EIT?.needed, p.instruments.OIT?.needed]).toEqual([
      100, 83.34, 100,
    ]);
    expect(p.reachable).toBe(true);
    expect(levelOfPlan(result, p)).toBe('AA');
  });

  it('says what one instrument alone would need, and when it cannot', () => {
    const result = ok({ fiscalYear: 2562, instruments: { IIT: 96.42, EIT: 80.88, OIT: 98.75 } });
    const p = plan(result, 'AA');
    expect(p.instruments.EIT).toMatchObject({ alone: 88.58, aloneReachable: true });
    expect(p.instruments.IIT?.aloneReachable).toBe(false);
    expect(p.instruments.IIT?.alone).toBeGreaterThan(100);
  });

  it('raises instruments to the per-instrument floor of the five-level scheme (seed 002, FY2566 → ผ่านดี)', () => {
    const result = ok({ fiscalYear: 2566, instruments: { IIT: 26.6 / 0.3, EIT: 84.6, OIT: 100 } });
    const p = plan(result, 'ผ่านดี');
    expect(p.total.gap).toBe(0);
    expect(p.instruments.EIT).toMatchObject({ floor: 85, needed: 85, alone: 85, aloneReachable: true });
    expect(p.instruments.EIT?.gap).toBeCloseTo(0.4, 10);
    expect(p.instruments.IIT).toMatchObject({ needed: 26.6 / 0.3, gap: 0, aloneReachable: false });
    expect(levelOfPlan(result, p)).toBe('ผ่านดี');
  });

  it('blocks "alone" when another instrument is under the floor (FY2566 → ผ่านดีเยี่ยม)', () => {
    const result = ok({ fiscalYear: 2566, instruments: { IIT: 88.67, EIT: 84.6, OIT: 100 } });
    const p = plan(result, 'ผ่านดีเยี่ยม');
    expect([p.instruments.IIT?.needed, p.instruments.EIT?.needed, p.instruments.OIT?.needed]).toEqual([
      95, 95, 100,
    ]);
    expect(p.instruments.IIT?.alone).toBeUndefined();
    expect(p.instruments.EIT?.aloneReachable).toBe(false);
    expect(p.reachable).toBe(true);
  });

  it('raises EIT parts to the floor when they are given', () => {
    const result = ok({
      fiscalYear: 2567,
      instruments: { IIT: 96, EIT: 96, OIT: 100 },
      eitParts: { part1: 97, part2: 92 },
    });
    const p = plan(result, 'ผ่านดีเยี่ยม');
    expect(p.reached).toBe(false);
    expect(p.eitParts?.part2).toMatchObject({ current: 92, needed: 95, gap: 3 });
    expect(p.instruments.EIT?.aloneReachable).toBe(true);
    expect(p.instruments.IIT?.alone).toBeUndefined();
  });

  it('reports a target already reached', () => {
    const p = plan(
      ok({
        fiscalYear: 2567,
        indicators: {
          '1': 97.78,
          '2': 100,
          '3': 100,
          '4': 100,
          '5': 100,
          '6': 99.13,
          '7': 99.1,
          '8': 97.05,
          '9': 100,
          '10': 100,
        },
      }),
      'ผ่านดีเยี่ยม',
    );
    expect(p.reached).toBe(true);
    expect(Object.values(p.instruments).map((i) => i.gap)).toEqual([0, 0, 0]);
  });

  it('reports a target no score up to 100 can reach', () => {
    const base = frameworkFor(2567);
    if (base === undefined) throw new Error('no FY2567 framework');
    const framework = withLevelOverrides(base, { ผ่านดีเยี่ยม: { minEachInstrument: 101 } });
    const p = plan(ok({ fiscalYear: 2567, instruments: { IIT: 99, EIT: 99, OIT: 99 } }), 'ผ่านดีเยี่ยม', {
      framework,
    });
    expect(p.reachable).toBe(false);
    expect(p.reached).toBe(false);
  });

  it.each([
    [
      'a level of another scheme',
      { fiscalYear: 2567, instruments: { IIT: 90, EIT: 90, OIT: 90 } },
      'AA',
      'ไม่มีระดับ "AA"',
    ],
    ['a result without every instrument', { fiscalYear: 2567, instruments: { IIT: 90 } }, 'ผ่านดี', 'EIT, OIT'],
  ])('refuses %s', (_, input, level, reason) => {
    const outcome = whatItTakes(ok(input), level);
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? '' : outcome.reason).toContain(reason);
  });
});
