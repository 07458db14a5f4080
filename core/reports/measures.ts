// Suggested measures for a topic and the Thai wording of their periods; the templates are in measure-templates.ts.
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

const SHORT_MONTHS = [
  'ต.ค.',
  'พ.ย.',
  'ธ.ค.',
  'ม.ค.',
  'ก.พ.',
  'มี.ค.',
  'เม.ย.',
  'พ.ค.',
  'มิ.ย.',
  'ก.ค.',
  'ส.ค.',
  'ก.ย.',
];

// Fiscal months 1–3 (Oct–Dec) fall in the previous calendar year of the Buddhist era.
function fiscalMonthName(month: number, fiscalYear: number): string {
  const year = month <= 3 ? fiscalYear - 1 : fiscalYear;
  return `${SHORT_MONTHS[month - 1] ?? ''} ${year}`;
}

/** The first and last day (ISO, Gregorian) of a period in a Buddhist-era fiscal year: plan items' startsOn/dueOn. */
export function periodDates(period: MeasurePeriod, fiscalYear: number): { startsOn: string; dueOn: string } {
  const start = calendarMonth(period.startMonth, fiscalYear);
  const end = calendarMonth(period.endMonth, fiscalYear);
  const lastDay = new Date(Date.UTC(end.year, end.month, 0)).getUTCDate();
  return { startsOn: isoDay(start.year, start.month, 1), dueOn: isoDay(end.year, end.month, lastDay) };
}

// Fiscal month 1 is October of the year before: FY2568 runs 1 Oct 2024 – 30 Sep 2025.
function calendarMonth(fiscalMonth: number, fiscalYear: number): { year: number; month: number } {
  const month = ((fiscalMonth + 8) % 12) + 1;
  return { year: fiscalYear - 543 - (fiscalMonth <= 3 ? 1 : 0), month };
}

function isoDay(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
