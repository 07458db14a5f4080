// The year the province overview opens on: the newest that most agencies have a score for.
import { describe, expect, it } from 'vitest';
import { defaultOverviewYear } from '../../../../bot/features/scores/province.ts';

describe('defaultOverviewYear', () => {
  it.each([
    [
      'one early import for a new year',
      [
        { year: 2570, agencies: 1 },
        { year: 2569, agencies: 28 },
      ],
      28,
      2569,
    ],
    [
      'the new year once most agencies have it',
      [
        { year: 2570, agencies: 15 },
        { year: 2569, agencies: 28 },
      ],
      28,
      2570,
    ],
    [
      'exactly half is not most',
      [
        { year: 2570, agencies: 14 },
        { year: 2562, agencies: 28 },
      ],
      28,
      2562,
    ],
    [
      'no year with most: the best-covered, newest on ties',
      [
        { year: 2566, agencies: 3 },
        { year: 2567, agencies: 3 },
        { year: 2568, agencies: 1 },
      ],
      28,
      2567,
    ],
    ['nothing scored yet', [], 28, null],
  ])('opens on %s', (_why, counts, agencyCount, year) => {
    expect(defaultOverviewYear(counts, agencyCount)).toBe(year);
  });
});
