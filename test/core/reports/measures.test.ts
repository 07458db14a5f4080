// Measure templates (the suggested measures others import), their periods as dates and Thai text.
import { describe, expect, it } from 'vitest';
import { ANALYSIS_TOPICS } from '../../../core/index.ts';
import {
  describePeriod,
  findMeasureTemplate,
  MEASURE_TEMPLATES,
  measuresForTopic,
  periodDates,
  suggestMeasures,
} from '../../../core/reports/index.ts';

describe('measuresForTopic', () => {
  it.each(ANALYSIS_TOPICS.map((t) => t.id))(
    'gives topic %i at least one improving and one keeping measure',
    (id) => {
      const templates = measuresForTopic(id);
      expect(templates.length).toBeGreaterThanOrEqual(2);
      expect(templates.every((t) => t.topic === id && t.steps.length > 0 && t.ownerRole !== '')).toBe(true);
      expect(templates.some((t) => t.keepsStandard)).toBe(true);
    },
  );

  it('has unique ids that each name a seed as their source', () => {
    const ids = MEASURE_TEMPLATES.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(MEASURE_TEMPLATES.every((t) => /seed 00[0-4]/.test(t.source))).toBe(true);
    expect(findMeasureTemplate('e-service')?.topic).toBe(2);
    expect(findMeasureTemplate('nope')).toBeUndefined();
  });
});

describe('suggestMeasures', () => {
  it('puts the measures answering the weak indicators first', () => {
    expect(suggestMeasures(1, [9])[0]?.id).toBe('plan-monitoring');
    expect(suggestMeasures(1, [6])[0]?.id).toBe('service-manual');
  });

  it('puts a keep-the-standard measure first when nothing is weak', () => {
    expect(suggestMeasures(4, [])[0]?.keepsStandard).toBe(true);
  });
});

describe('periodDates', () => {
  it('maps fiscal months to Gregorian days: FY2568 runs 1 Oct 2024 – 30 Sep 2025', () => {
    expect(periodDates({ startMonth: 1, endMonth: 12 }, 2568)).toEqual({
      startsOn: '2024-10-01',
      dueOn: '2025-09-30',
    });
    expect(periodDates({ startMonth: 1, endMonth: 6 }, 2568)).toEqual({
      startsOn: '2024-10-01',
      dueOn: '2025-03-31',
    });
    expect(periodDates({ startMonth: 3, endMonth: 5 }, 2567)).toEqual({
      startsOn: '2023-12-01',
      dueOn: '2024-02-29',
    });
  });
});

describe('describePeriod', () => {
  it('words periods as the seeds do', () => {
    expect(describePeriod({ startMonth: 1, endMonth: 12 }, 2568)).toBe('ตลอดปีงบประมาณ พ.ศ. 2568');
    expect(describePeriod({ startMonth: 1, endMonth: 6 }, 2568)).toBe(
      'ภายใน 6 เดือนแรกของปีงบประมาณ พ.ศ. 2568',
    );
    expect(describePeriod({ startMonth: 3, endMonth: 6 }, 2567)).toBe('ธ.ค. 2566 – มี.ค. 2567');
  });
});
