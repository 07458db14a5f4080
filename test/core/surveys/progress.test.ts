// Progress against the minimum: capped at 100 %, overflow apart, rounded down so 100 % is really met.
import { describe, expect, it } from 'vitest';
import { surveyProgress } from '../../../core/surveys/progress.ts';

describe('surveyProgress', () => {
  it.each([
    [0, 40, { percent: 0, overflow: 0, met: false }],
    [10, 40, { percent: 25, overflow: 0, met: false }],
    [39, 40, { percent: 97, overflow: 0, met: false }],
    [199, 200, { percent: 99, overflow: 0, met: false }],
    [40, 40, { percent: 100, overflow: 0, met: true }],
    [52, 40, { percent: 100, overflow: 12, met: true }],
    [5, 0, { percent: 100, overflow: 5, met: true }],
    [0, 0, { percent: 100, overflow: 0, met: true }],
  ])('%i of %i', (reported, target, expected) => {
    expect(surveyProgress(reported, target)).toEqual({ reported, target, ...expected });
  });
});
