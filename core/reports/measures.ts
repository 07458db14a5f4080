// Suggested measures for a topic and the Thai wording of their periods; the templates are in measure-templates.ts.
import { THAI_MONTHS_SHORT } from '../thai/date-format.ts';
import { fiscalMonthAt, toBuddhistYear } from '../thai/era.ts';
import type { IndicatorId, TopicId } from '../types.ts';
import { MEASURE_TEMPLATES, type MeasurePeriod, type MeasureTemplate } from './measure-templates.ts';

export { MEASURE_TEMPLATES, type MeasurePeriod, type MeasureTemplate } from './measure-templates.ts';

/** Every template filed under the topic, the usual first pick first. */
export function measuresForTopic(topicId: TopicId): MeasureTemplate[] {
  return MEASURE_TEMPLATES.filter((template) => template.topic === topicId);
}

export function findMeasureTemplate(id: string): MeasureTemplate | undefined {
  return MEASURE_TEMPLATES.find((template) => template.id === id);
}

/**
 * The templates to suggest for a topic: when it has weak items, those answering the weak items'
 * indicators first (seed 001 picks by indicator); when it has none, the keep-the-standard ones first.
 */
export function suggestMeasures(topicId: TopicId, weakIndicators: readonly IndicatorId[]): MeasureTemplate[] {
  const templates = measuresForTopic(topicId);
  if (weakIndicators.length === 0) {
    return [...templates].sort((a, b) => Number(b.keepsStandard) - Number(a.keepsStandard));
  }
  const answers = (t: MeasureTemplate) => t.indicators.some((id) => weakIndicators.includes(id));
  return [...templates].sort((a, b) => Number(answers(b)) - Number(answers(a)));
}

/** "ตลอดปีงบประมาณ พ.ศ. 2568" / "ภายใน 6 เดือนแรกของปีงบประมาณ พ.ศ. 2568" / "ต.ค. 2567 – มี.ค. 2568" style text. */
export function describePeriod(period: MeasurePeriod, fiscalYear: number): string {
  if (period.startMonth === 1 && period.endMonth === 12) return `ตลอดปีงบประมาณ พ.ศ. ${fiscalYear}`;
  if (period.startMonth === 1) return `ภายใน ${period.endMonth} เดือนแรกของปีงบประมาณ พ.ศ. ${fiscalYear}`;
  return `${fiscalMonthName(period.startMonth, fiscalYear)} – ${fiscalMonthName(period.endMonth, fiscalYear)}`;
}

// 'ต.ค. 2567': fiscal month 1 is the October before the fiscal year (FY2568 runs Oct 2567 – Sep 2568).
function fiscalMonthName(fiscalMonth: number, fiscalYear: number): string {
  const { year, month } = fiscalMonthAt(fiscalYear, fiscalMonth - 1);
  return `${THAI_MONTHS_SHORT[month - 1] ?? ''} ${toBuddhistYear(year)}`;
}

/** The first and last day (ISO, Gregorian) of a period in a Buddhist-era fiscal year: plan items' startsOn/dueOn. */
export function periodDates(period: MeasurePeriod, fiscalYear: number): { startsOn: string; dueOn: string } {
  const start = fiscalMonthAt(fiscalYear, period.startMonth - 1);
  const end = fiscalMonthAt(fiscalYear, period.endMonth - 1);
  const lastDay = new Date(Date.UTC(end.year, end.month, 0)).getUTCDate();
  return { startsOn: isoDay(start.year, start.month, 1), dueOn: isoDay(end.year, end.month, lastDay) };
}

function isoDay(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
