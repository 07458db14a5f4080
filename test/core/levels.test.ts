// Level schemes: AA–F bands to FY2565, the five Thai levels from FY2566, boundaries at 2 decimals.
import { describe, expect, it } from 'vitest';
import {
  BAND_LEVELS,
  decideLevel,
  type EitParts,
  FIVE_LEVELS,
  frameworkFor,
  score,
  withLevelOverrides,
} from '../../core/index.ts';

function levelOf(
  fiscalYear: number,
  IIT: number,
  EIT: number,
  OIT: number,
  eitParts?: EitParts,
): string | undefined {
  const input =
    eitParts === undefined
      ? { fiscalYear, instruments: { IIT, EIT, OIT } }
      : { fiscalYear, instruments: { IIT, EIT, OIT }, eitParts };
  const outcome = score(input);
  return outcome.ok ? outcome.result.level?.code : `error: ${outcome.errors[0]?.message}`;
}

describe('decideLevel with the AA–F bands', () => {
  it.each([
    [100, 'AA'],
    [95, 'AA'],
    [94.995, 'AA'],
    [94.99, 'A'],
    [94.994, 'A'],
    [90, 'A'],
    [89.99, 'A'],
    [85, 'A'],
    [84.995, 'A'],
    [84.99, 'B'],
    [75, 'B'],
    [74.99, 'C'],
    [65, 'C'],
    [64.99, 'D'],
    [55, 'D'],
    [54.99, 'E'],
    [50, 'E'],
    [49.99, 'F'],
    [0, 'F'],
  ])('gives total %s the level %s', (total, code) => {
    expect(decideLevel(BAND_LEVELS, total, [])?.code).toBe(code);
  });

  it('ignores instrument scores (FY2562 levels go by total only)', () => {
    expect(decideLevel(BAND_LEVELS, 92.69, [40, 100, 100])?.code).toBe('A');
  });
});

describe('level through score()', () => {
  it.each([
    [2565, 84.99, 'B'],
    [2565, 85, 'A'],
    [2565, 89.99, 'A'],
    [2565, 90, 'A'],
    [2565, 94.99, 'A'],
    [2565, 95, 'AA'],
    [2566, 84.99, 'ต้องปรับปรุง'],
    [2566, 85, 'ผ่านดี'],
    [2566, 89.99, 'ผ่านดี'],
    [2566, 90, 'ผ่านดี'],
    [2566, 94.99, 'ผ่านดี'],
    [2566, 95, 'ผ่านดีเยี่ยม'],
    [2567, 70, 'ต้องปรับปรุง'],
    [2567, 69.99, 'ต้องปรับปรุงโดยด่วน'],
    [2568, 100, 'ผ่านดีเยี่ยม'],
  ])('in FY%s gives every instrument at %s the level %s', (year, value, code) => {
    expect(levelOf(year, value, value, value)).toBe(code);
  });

  it('gives ผ่าน when the total is 85 or more but one instrument is below 85 [seed 002]', () => {
    expect(levelOf(2566, 84.99, 90, 90)).toBe('ผ่าน');
    expect(levelOf(2566, 88.6667, 84.6, 100)).toBe('ผ่าน');
  });

  it('gives ผ่านดีเยี่ยม only when the total and every instrument reach 95 [seed 003]', () => {
    expect(levelOf(2567, 95, 95, 95)).toBe('ผ่านดีเยี่ยม');
    expect(levelOf(2567, 94, 100, 100)).toBe('ผ่านดี');
  });

  it('compares instruments at 2 decimals too', () => {
    expect(levelOf(2567, 94.995, 100, 100)).toBe('ผ่านดีเยี่ยม');
    expect(levelOf(2567, 94.994, 100, 100)).toBe('ผ่านดี');
  });

  it.each([
    ['both parts pass', { part1: 97, part2: 96 }, 96, 'ผ่านดีเยี่ยม'],
    ['part 2 under 95', { part1: 97, part2: 94 }, 96, 'ผ่านดี'],
    ['part 1 under 85', { part1: 84, part2: 99 }, 96, 'ผ่าน'],
    ['both parts stand in for EIT', { part1: 95, part2: 96 }, 94, 'ผ่านดีเยี่ยม'],
    ['a single part is checked with EIT', { part1: 94 }, 96, 'ผ่านดี'],
    ['a single part does not replace EIT', { part2: 99 }, 94, 'ผ่านดี'],
  ])('uses EIT parts when given: %s', (_, parts, eit, code) => {
    expect(levelOf(2567, 96, eit, 100, parts)).toBe(code);
  });
});

describe('level thresholds as data', () => {
  it('marks the unconfirmed five-level thresholds so a coordinator can override them', () => {
    expect(FIVE_LEVELS.filter((r) => !r.confirmed).map((r) => r.code)).toEqual([
      'ต้องปรับปรุง',
      'ต้องปรับปรุงโดยด่วน',
    ]);
    expect(BAND_LEVELS.every((r) => r.confirmed)).toBe(true);
  });

  it('applies a coordinator override of the 70 boundary', () => {
    const base = frameworkFor(2567);
    if (base === undefined) throw new Error('no FY2567 framework');
    const framework = withLevelOverrides(base, { ต้องปรับปรุง: { minTotal: 75 } });
    const input = { fiscalYear: 2567, instruments: { IIT: 72, EIT: 72, OIT: 72 } };
    const before = score(input);
    const after = score(input, { framework });
    expect(before.ok && before.result.level?.code).toBe('ต้องปรับปรุง');
    expect(after.ok && after.result.level?.code).toBe('ต้องปรับปรุงโดยด่วน');
    expect(base.levels.find((r) => r.code === 'ต้องปรับปรุง')?.minTotal).toBe(70);
  });
});
