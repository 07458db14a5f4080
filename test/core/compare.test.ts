// compareYears and ranking: changes only where both years know the figure; ties share a rank.
import { describe, expect, it } from 'vitest';
import {
  compareYears,
  rankAgencies,
  rankInType,
  type ScoreInput,
  type ScoreResult,
  score,
} from '../../core/index.ts';

function ok(input: ScoreInput): ScoreResult {
  const outcome = score(input);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  return outcome.result;
}

function withTotal(total: number): ScoreResult {
  return ok({ fiscalYear: 2567, instruments: { IIT: total, EIT: total, OIT: total } });
}

describe('compareYears', () => {
  it('gives the change per instrument, weighted part and total (seed 002, FY2565 → FY2566)', () => {
    const previous = ok({ fiscalYear: 2565, instruments: { IIT: 25.67 / 0.3, EIT: 25.78 / 0.3, OIT: 100 } });
    const current = ok({ fiscalYear: 2566, instruments: { IIT: 26.6 / 0.3, EIT: 25.38 / 0.3, OIT: 100 } });
    const change = compareYears(current, previous);
    expect(change.totalDisplay).toBe('+0.53');
    expect(change.total).toBeCloseTo(0.53, 10);
    expect(change.weighted.IIT).toBeCloseTo(0.93, 10);
    expect(change.weighted.EIT).toBeCloseTo(-0.4, 10);
    expect(change.weighted.OIT).toBe(0);
    expect(change.level?.code).toBe('ผ่าน');
    expect(change.previousLevel?.code).toBe('A');
    expect(change).toMatchObject({ fiscalYear: 2566, previousFiscalYear: 2565 });
  });

  it('leaves out what only one year knows', () => {
    const previous = ok({ fiscalYear: 2566, indicators: { '1': 80, '9': 90 }, instruments: { EIT: 70 } });
    const current = ok({ fiscalYear: 2567, indicators: { '1': 85, '2': 99 } });
    const change = compareYears(current, previous);
    expect(change.indicators).toEqual({ 1: 5 });
    expect(change.instruments).toEqual({});
    expect(change.total).toBeUndefined();
    expect(change.totalDisplay).toBeUndefined();
  });

  it('shows a fall with a minus sign', () => {
    expect(compareYears(withTotal(80), withTotal(90.4)).totalDisplay).toBe('-10.40');
  });
});

describe('rankAgencies', () => {
  it('shares a rank between totals equal at 2 decimals and skips the next (1, 1, 3)', () => {
    const ranked = rankAgencies([
      { id: 'c', type: 'อบต.', result: withTotal(91) },
      { id: 'b', type: 'อบต.', result: withTotal(92.694) },
      { id: 'a', type: 'เทศบาล', result: withTotal(92.686) },
    ]);
    expect(ranked.map((r) => [r.id, r.rank, r.totalDisplay])).toEqual([
      ['b', 1, '92.69'],
      ['a', 1, '92.69'],
      ['c', 3, '91.00'],
    ]);
  });

  it('orders ties by type, then id, and puts agencies without a total last, unranked', () => {
    const ranked = rankAgencies([
      { id: 'none', result: ok({ fiscalYear: 2567, instruments: { IIT: 99 } }) },
      { id: 'z', type: 'อบจ.', result: withTotal(95) },
      { id: 'y', type: 'อบจ.', result: withTotal(95) },
      { id: 'x', result: withTotal(95) },
      { id: 'w', type: 'กรม', result: withTotal(95) },
    ]);
    expect(ranked.map((r) => `${r.id}:${r.rank ?? '-'}`)).toEqual(['w:1', 'y:1', 'z:1', 'x:1', 'none:-']);
    expect(ranked[4]?.totalDisplay).toBeUndefined();
  });

  it('keeps the caller’s fields on each entry', () => {
    const [first] = rankAgencies([{ id: 'a', name: 'อบจ.ตาก', result: withTotal(99.4) }]);
    expect(first?.name).toBe('อบจ.ตาก');
  });

  it('ranks within each type (rankInType)', () => {
    const ranked = rankInType([
      { id: 'p1', type: 'อบจ.', result: withTotal(90) },
      { id: 't1', type: 'เทศบาล', result: withTotal(99) },
      { id: 'p2', type: 'อบจ.', result: withTotal(99.4) },
      { id: 't2', type: 'เทศบาล', result: withTotal(80) },
    ]);
    expect(ranked.map((r) => `${r.type}/${r.id}:${r.rank}`)).toEqual([
      'อบจ./p2:1',
      'อบจ./p1:2',
      'เทศบาล/t1:1',
      'เทศบาล/t2:2',
    ]);
  });
});
