// score(): mixed inputs, what is missing, weak items, options, and every kind of InputError.
import { describe, expect, it } from 'vitest';
import {
  describeMissing,
  type ScoreInput,
  type ScoreResult,
  score,
  WEAK_ITEM_THRESHOLD,
} from '../../core/index.ts';

/** i1–i30 and e1–e15 all at `value`, as a FY2562 item set. */
function fullItems(value: number): Record<string, number> {
  const items: Record<string, number> = {};
  for (let n = 1; n <= 30; n++) items[`i${n}`] = value;
  for (let n = 1; n <= 15; n++) items[`e${n}`] = value;
  return items;
}

function ok(input: ScoreInput, options?: Parameters<typeof score>[1]): ScoreResult {
  const outcome = score(input, options);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  return outcome.result;
}

describe('score', () => {
  it('computes from IIT/EIT items plus OIT indicators (mixed input)', () => {
    const result = ok({ fiscalYear: 2562, items: fullItems(90), indicators: { '9': 80, '10': 100 } });
    expect(result.indicators[1]).toBeCloseTo(90, 10);
    expect(result.instruments).toEqual({ IIT: 90, EIT: 90, OIT: 90 });
    expect(result.weighted.OIT).toBeCloseTo(36, 10);
    expect(result.total).toBeCloseTo(90, 10);
    expect(result.totalDisplay).toBe('90.00');
    expect(result.frameworkId).toBe('ita-2562');
  });

  it('uses a given indicator as is, over the mean of its items', () => {
    const result = ok({ fiscalYear: 2562, items: fullItems(100), indicators: { '1': 50 } });
    expect(result.indicators[1]).toBe(50);
    expect(result.instruments.IIT).toBe(90);
  });

  it('uses a given instrument as is, over the mean of its indicators', () => {
    const result = ok({ fiscalYear: 2562, items: fullItems(100), instruments: { IIT: 70, OIT: 100 } });
    expect(result.instruments.IIT).toBe(70);
    expect(result.instruments.EIT).toBe(100);
    expect(result.total).toBeCloseTo(91, 10);
  });

  it('keeps numbers unrounded', () => {
    const result = ok({ fiscalYear: 2567, instruments: { IIT: (1 / 3) * 100, EIT: 90, OIT: 90 } });
    expect(result.total).toBe(0.3 * (100 / 3) + 0.3 * 90 + 0.4 * 90);
    expect(result.totalDisplay).toBe('73.00');
  });

  it.each([
    [
      'only IIT items',
      { fiscalYear: 2562, items: { i1: 90 } },
      [
        'i2',
        'i3',
        'i4',
        'i5',
        'i6',
        'indicator 2',
        'indicator 3',
        'indicator 4',
        'indicator 5',
        'EIT',
        'OIT',
      ],
    ],
    ['no scores at all', { fiscalYear: 2567 }, ['IIT', 'EIT', 'OIT']],
    [
      'OIT indicator 9 only',
      { fiscalYear: 2562, instruments: { IIT: 90, EIT: 90 }, indicators: { '9': 90 } },
      ['indicator 10'],
    ],
    [
      'FY2567 EIT from items it does not define',
      { fiscalYear: 2567, instruments: { IIT: 90, OIT: 90 }, indicators: { '6': 90 } },
      ['indicator 7', 'indicator 8'],
    ],
    [
      'FY2562 OIT groups (reported, not aggregated)',
      { fiscalYear: 2562, instruments: { IIT: 90, EIT: 90 }, items: { o1: 100 } },
      ['OIT'],
    ],
  ])('reports what is missing for a total: %s', (_, input, missing) => {
    const result = ok(input);
    expect(result.missing).toEqual(missing);
    expect(result.total).toBeUndefined();
    expect(result.level).toBeUndefined();
  });

  it('describes what is missing in Thai', () => {
    expect(['OIT', 'indicator 9', 'i5'].map(describeMissing)).toEqual([
      'คะแนน OIT',
      'ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล',
      'ข้อ i5',
    ]);
  });

  it('lists items below 85 with title, indicator and topic, lowest first', () => {
    const result = ok({ fiscalYear: 2562, items: { i20: 84.99, e14: 73.54, e6: 73.54, i1: 85, o17: 0 } });
    expect(WEAK_ITEM_THRESHOLD).toBe(85);
    expect(result.weakItems.map((w) => w.code)).toEqual(['o17', 'e6', 'e14', 'i20']);
    expect(result.weakItems[3]).toMatchObject({ indicator: 4, topic: 4, score: 84.99 });
    expect(result.weakItems[3]?.title).toContain('ยืมทรัพย์สินของราชการ');
  });

  it('takes another weak threshold as an option', () => {
    const result = ok({ fiscalYear: 2562, items: { i1: 79, i2: 81 } }, { weakThreshold: 80 });
    expect(result.weakItems.map((w) => w.code)).toEqual(['i1']);
  });

  it('accepts item codes in upper case', () => {
    expect(ok({ fiscalYear: 2566, items: { I1: 70, O43: 0 } }).weakItems.map((w) => w.code)).toEqual([
      'o43',
      'i1',
    ]);
  });

  it('computes FY2566 OIT indicators from o1–o43', () => {
    const items: Record<string, number> = {};
    for (let n = 1; n <= 43; n++) items[`o${n}`] = n === 1 ? 0 : 100;
    const result = ok({ fiscalYear: 2566, items });
    expect(result.indicators[9]).toBeCloseTo((29 * 100) / 30, 10);
    expect(result.indicators[10]).toBe(100);
  });
});

describe('score input errors', () => {
  it.each([
    ['no fiscal year', { items: { i1: 90 } }, 'fiscalYear', 'ปีงบประมาณ'],
    ['a year before FY2562', { fiscalYear: 2561 }, 'fiscalYear', '2561'],
    ['a Christian-era year', { fiscalYear: 2024 }, 'fiscalYear', 'พ.ศ. 2567'],
    ['a year that is not a whole number', { fiscalYear: 2567.5 }, 'fiscalYear', '2567.5'],
    [
      'an unknown item code',
      { fiscalYear: 2562, items: { i99: 50 } },
      'items.i99',
      'ไม่มีในกรอบการประเมินปี 2562',
    ],
    ['an EIT code FY2567 does not define', { fiscalYear: 2567, items: { e1: 50 } }, 'items.e1', '2567'],
    ['an IIT code past FY2567 i15', { fiscalYear: 2567, items: { i16: 50 } }, 'items.i16', 'i16'],
    ['the same item twice', { fiscalYear: 2562, items: { i1: 50, I1: 60 } }, 'items.I1', 'ซ้ำ'],
    ['indicator 11', { fiscalYear: 2562, indicators: { '11': 50 } }, 'indicators.11', 'ตัวชี้วัดที่ 11'],
    ['indicator 0', { fiscalYear: 2562, indicators: { '0': 50 } }, 'indicators.0', 'ตัวชี้วัด'],
    [
      'an indicator that is not a number',
      { fiscalYear: 2562, indicators: { nine: 50 } },
      'indicators.nine',
      'ตัวชี้วัด',
    ],
    ['an unknown instrument', { fiscalYear: 2562, instruments: { XIT: 50 } }, 'instruments.XIT', 'XIT'],
    ['a score above 100', { fiscalYear: 2562, items: { i1: 100.01 } }, 'items.i1', '0 ถึง 100'],
    ['a negative score', { fiscalYear: 2562, indicators: { '9': -1 } }, 'indicators.9', '0 ถึง 100'],
    ['NaN', { fiscalYear: 2562, instruments: { IIT: Number.NaN } }, 'instruments.IIT', 'ตัวเลข'],
    ['Infinity', { fiscalYear: 2562, items: { e1: Number.POSITIVE_INFINITY } }, 'items.e1', 'ตัวเลข'],
    ['a number as text', { fiscalYear: 2562, items: { e1: '90' } }, 'items.e1', 'ตัวเลข'],
    ['an unknown EIT part', { fiscalYear: 2567, eitParts: { part3: 90 } }, 'eitParts.part3', 'part3'],
    ['an EIT part above 100', { fiscalYear: 2567, eitParts: { part1: 101 } }, 'eitParts.part1', '0 ถึง 100'],
    ['items that are not a record', { fiscalYear: 2562, items: [90] }, 'items', 'รหัส'],
  ])('rejects %s', (_, input, field, text) => {
    const outcome = score(input as unknown as ScoreInput);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors).toHaveLength(1);
    expect(outcome.errors[0]?.field).toBe(field);
    expect(outcome.errors[0]?.message).toContain(text);
  });

  it('reports every problem at once', () => {
    const outcome = score({ fiscalYear: 2562, items: { i99: 1, i1: 200 }, indicators: { '12': 1 } });
    expect(outcome.ok ? [] : outcome.errors.map((e) => e.field)).toEqual([
      'items.i99',
      'items.i1',
      'indicators.12',
    ]);
  });

  it('rejects a weak threshold that is not a number', () => {
    expect(score({ fiscalYear: 2562 }, { weakThreshold: Number.NaN }).ok).toBe(false);
  });
});

describe('score on the ranking path', () => {
  it('leaves the weak items out when asked, with the same totals and level', () => {
    const items = { ...fullItems(90), i3: 70, e2: 60 };
    const input: ScoreInput = { fiscalYear: 2562, items, indicators: { '9': 80, '10': 100 } };
    const full = ok(input);
    const lean = ok(input, { weakItems: false });
    expect(full.weakItems.map((w) => w.code)).toEqual(['e2', 'i3']);
    expect(lean.weakItems).toEqual([]);
    expect(lean.total).toBe(full.total);
    expect(lean.totalDisplay).toBe(full.totalDisplay);
    expect(lean.level).toEqual(full.level);
  });

  it('leaves the indicator and weighted breakdown out when asked, with the same total, level and instruments', () => {
    const input: ScoreInput = {
      fiscalYear: 2562,
      items: { ...fullItems(90), i3: 70 },
      indicators: { '9': 80, '10': 100 },
    };
    const full = ok(input);
    const lean = ok(input, { weakItems: false, breakdown: false });
    expect(Object.keys(full.indicators)).toHaveLength(10);
    expect(full.weighted.OIT).toBeCloseTo(36);
    expect(lean.indicators).toEqual({});
    expect(lean.weighted).toEqual({});
    expect(lean.instruments).toEqual(full.instruments);
    expect(lean.total).toBe(full.total);
    expect(lean.level).toEqual(full.level);
    // FY2566's levels check each instrument's floor: they still see the instruments without the breakdown.
    const fy2566 = { fiscalYear: 2566, instruments: { IIT: 96, EIT: 84, OIT: 99 } };
    expect(ok(fy2566, { breakdown: false }).level).toEqual(ok(fy2566).level);
  });

  it('still says what is missing without the breakdown', () => {
    // Indicator scores given as such, the fifth missing: only "indicator 5" keeps IIT from being scored.
    const indicators = { '1': 90, '2': 90, '3': 90, '4': 90, '6': 90, '7': 90, '8': 90, '9': 90, '10': 90 };
    const input: ScoreInput = { fiscalYear: 2562, indicators };
    const lean = score(input, { breakdown: false });
    const full = score(input);
    if (!lean.ok || !full.ok) throw new Error('both score');
    expect(full.result.missing).toEqual(['indicator 5']);
    expect(lean.result.missing).toEqual(full.result.missing);
    expect(lean.result.total).toBeUndefined();
    expect(lean.result.indicators).toEqual({});
  });

  it('reads each record by its own keys when records alternate key orders and spellings', () => {
    const forward = { ...fullItems(90), i1: 10 };
    const backward = Object.fromEntries(Object.entries(fullItems(95)).reverse());
    backward.i30 = 20;
    const upper = Object.fromEntries(Object.entries(fullItems(88)).map(([k, v]) => [k.toUpperCase(), v]));
    for (let round = 0; round < 3; round++) {
      expect(ok({ fiscalYear: 2562, items: forward, indicators: { '9': 90, '10': 90 } }).weakItems).toEqual([
        expect.objectContaining({ code: 'i1', score: 10 }),
      ]);
      expect(ok({ fiscalYear: 2562, items: backward, indicators: { '9': 90, '10': 90 } }).weakItems).toEqual([
        expect.objectContaining({ code: 'i30', score: 20 }),
      ]);
      expect(ok({ fiscalYear: 2562, items: upper, indicators: { '9': 90, '10': 90 } }).instruments.IIT).toBe(
        88,
      );
    }
    const twice = score({ fiscalYear: 2562, items: { i1: 50, I1: 60, x9: 1 } });
    expect(twice.ok ? [] : twice.errors.map((e) => e.field)).toEqual(['items.I1', 'items.x9']);
  });
});
