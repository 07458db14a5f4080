// The answer window from the plan (or 1 Jan → 1 Jul) and the pace forecast from the report history.
import { describe, expect, it } from 'vitest';
import { bangkokTime } from '../../../core/index.ts';
import { answerWindow, type CountPoint, forecastPace, isWindowOpen } from '../../../core/surveys/pace.ts';

/** FY2567: answers 1 Jan 2024 → 1 Jul 2024 (seed 002). */
const WINDOW = answerWindow(2567);
const day = (month: number, d: number, hour = 10) => bangkokTime(2024, month, d, hour);
const points = (...list: [number, Date][]): CountPoint[] => list.map(([count, at]) => ({ count, at }));

describe('answerWindow', () => {
  it('defaults to 1 January → the end of 1 July of the fiscal year, in Bangkok', () => {
    expect(WINDOW.opens.toISOString()).toBe('2023-12-31T17:00:00.000Z');
    expect(WINDOW.dueDay.toISOString()).toBe('2024-06-30T17:00:00.000Z');
    expect(WINDOW.closes.toISOString()).toBe('2024-07-01T17:00:00.000Z');
  });

  it("takes the plan activity's start and due date", () => {
    const w = answerWindow(2569, { startsOn: '2026-01-15', dueOn: '2026-06-30' });
    expect(w.opens.toISOString()).toBe('2026-01-14T17:00:00.000Z');
    expect(w.closes.toISOString()).toBe('2026-06-30T17:00:00.000Z');
  });

  it('opens on 1 January when the activity has no start, and ignores a malformed date', () => {
    expect(answerWindow(2569, { startsOn: null, dueOn: '2026-06-30' }).opens.toISOString()).toBe(
      '2025-12-31T17:00:00.000Z',
    );
    expect(answerWindow(2567, { startsOn: 'soon', dueOn: 'later' })).toEqual(WINDOW);
  });

  it('is open from its first moment through the whole due day', () => {
    expect(isWindowOpen(WINDOW, new Date(WINDOW.opens.getTime() - 1))).toBe(false);
    expect(isWindowOpen(WINDOW, WINDOW.opens)).toBe(true);
    expect(isWindowOpen(WINDOW, day(7, 1, 23))).toBe(true);
    expect(isWindowOpen(WINDOW, WINDOW.closes)).toBe(false);
  });
});

describe('forecastPace', () => {
  it.each([
    // One report 60 days in, counted from zero at the opening: 20 in 60 days, 123 days left → 61.
    [
      'one report long after the opening',
      points([20, day(3, 1)]),
      day(3, 1, 11),
      100,
      { projected: 61, percent: 61 },
    ],
    // Two weeks of recent history: 30 → 44 in 14 days = 1/day; 1 Jun 10:00 → 2 Jul 00:00 ≈ 30.6 days → 75.
    [
      'the last two weeks of several reports',
      points([5, day(2, 1)], [30, day(5, 18)], [44, day(6, 1)]),
      day(6, 2),
      150,
      { projected: 75, percent: 50 },
    ],
    // 80 in 91 days 10 h, 91 days 14 h left → 160.
    ['a target already beaten', points([80, day(4, 1)]), day(4, 2), 40, { projected: 160, percent: 400 }],
    ['no target', points([80, day(4, 1)]), day(4, 2), undefined, { projected: 160 }],
    ['a target of zero', points([0, day(4, 1)]), day(4, 2), 0, { projected: 0, percent: 100 }],
    [
      'a count that went down (a correction)',
      points([50, day(3, 1)], [40, day(5, 1)]),
      day(5, 2),
      40,
      {
        projected: 40,
        percent: 100,
      },
    ],
  ])('projects %s', (_, history, now, target, expected) => {
    const forecast = forecastPace(history, WINDOW, now, target);
    expect(forecast).toMatchObject(expected);
    expect(forecast?.dueDay).toEqual(WINDOW.dueDay);
    if (!('percent' in expected)) expect(forecast?.percent).toBeUndefined();
  });

  it.each([
    ['no report yet', [], day(3, 1)],
    ['less than a day of history', points([3, day(1, 1, 9)]), day(1, 1, 12)],
    ['before the window opens', points([3, bangkokTime(2023, 12, 20)]), bangkokTime(2023, 12, 25)],
    ['after the window closed', points([30, day(6, 1)]), day(7, 2)],
    ['only reports after now', points([30, day(6, 1)]), day(5, 1)],
  ])('gives nothing with %s', (_, history, now) => {
    expect(forecastPace(history, WINDOW, now, 40)).toBeUndefined();
  });

  it('takes a report from before the opening as the base instead of zero', () => {
    const history = points([10, bangkokTime(2023, 12, 31)], [40, day(1, 31)]);
    const forecast = forecastPace(history, WINDOW, day(2, 1), 100);
    // 30 in 31 days 10 h, then 152 days 14 h left: 40 + 0.955 × 152.6 → 186.
    expect(forecast?.projected).toBe(186);
  });
});
