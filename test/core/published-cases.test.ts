// Every published case in bot/tools/demo/published-results.json, reproduced by score() to ±0.01.
import { describe, expect, it } from 'vitest';
import {
  compareYears,
  frameworkFor,
  type IndicatorId,
  type Instrument,
  type ScoreInput,
  type ScoreResult,
  score,
} from '../../core/index.ts';
import { itReadsFixture, type PublishedCase, readPublishedCases } from '../support/fixtures.ts';

const { fixture: published, cases } = readPublishedCases();

/** Published figures are rounded to 2 decimals, so recomputed ones may differ by 0.01 (ita-framework.md). */
function expectNear(actual: number | undefined, published: number, what: string): void {
  expect(actual, what).toBeDefined();
  expect(
    Math.abs((actual ?? Number.NaN) - published),
    `${what}: ${actual} vs ${published}`,
  ).toBeLessThanOrEqual(0.01 + 1e-9);
}

/** The most detailed input a case gives: items (+ OIT indicators), else indicators, else weighted parts. */
function inputOf(c: PublishedCase): ScoreInput {
  if (c.items !== undefined) {
    // FY2562 OIT is published per indicator only [seed 001].
    const oit = Object.fromEntries(
      ['9', '10'].flatMap((k) => (c.indicators?.[k] === undefined ? [] : [[k, c.indicators[k]]])),
    );
    return { fiscalYear: c.fiscalYear, items: c.items, indicators: oit };
  }
  if (c.indicators !== undefined) return { fiscalYear: c.fiscalYear, indicators: c.indicators };
  const weights = frameworkFor(c.fiscalYear)?.weights;
  if (c.weighted === undefined || weights === undefined)
    throw new Error(`case ${c.id} gives nothing to score`);
  const { IIT, EIT, OIT } = c.weighted;
  return {
    fiscalYear: c.fiscalYear,
    instruments: { IIT: IIT / weights.IIT, EIT: EIT / weights.EIT, OIT: OIT / weights.OIT },
  };
}

function scored(c: PublishedCase): ScoreResult {
  const outcome = score(inputOf(c));
  if (!outcome.ok) throw new Error(`case ${c.id}: ${JSON.stringify(outcome.errors)}`);
  return outcome.result;
}

describe('published cases', () => {
  itReadsFixture(published);

  it('reads a non-empty case list from the shared fixture', () => {
    expect(cases.length).toBeGreaterThanOrEqual(4);
  });

  it.each(cases)('reproduces the total and level of $id', (c) => {
    const result = scored(c);
    expectNear(result.total, c.total, 'total');
    expect(result.level?.code).toBe(c.level);
    expect(result.missing).toEqual([]);
  });

  it.each(cases)('reproduces the published parts of $id', (c) => {
    const result = scored(c);
    for (const [key, value] of Object.entries(c.indicators ?? {})) {
      expectNear(result.indicators[Number(key) as IndicatorId], value, `indicator ${key}`);
    }
    for (const [key, value] of Object.entries(c.instruments ?? {})) {
      expectNear(result.instruments[key as Instrument], value, key);
    }
    for (const [key, value] of Object.entries(c.weighted ?? {})) {
      expectNear(result.weighted[key as Instrument], value, `weighted ${key}`);
    }
  });

  const withWeakItems = cases.filter((c) => c.weakItemsBelow85 !== undefined);

  it('has the FY2562 case with its weak items', () => {
    expect(withWeakItems.map((c) => c.fiscalYear)).toContain(2562);
  });

  it.each(withWeakItems)('lists exactly the published weak items of $id, lowest first', (c) => {
    const result = scored(c);
    expect(result.weakItems.map((w) => w.code).sort()).toEqual([...(c.weakItemsBelow85 ?? [])].sort());
    const scores = result.weakItems.map((w) => w.score);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    expect(result.weakItems.every((w) => w.topic !== undefined && w.title.length > 0)).toBe(true);
  });

  const withChange = cases.filter((c) => c.changeFromPreviousYear !== undefined);

  it.each(withChange)('reproduces the change from the previous year of $id', (c) => {
    const previous = cases.find((p) => p.agency === c.agency && p.fiscalYear === c.fiscalYear - 1);
    expect(previous, 'previous year case').toBeDefined();
    if (previous === undefined) return;
    const change = compareYears(scored(c), scored(previous));
    expectNear(change.total, c.changeFromPreviousYear ?? Number.NaN, 'change');
    expect(Number(change.totalDisplay)).toBe(c.changeFromPreviousYear);
  });
});
