// buildMeasureResults(): the year's measures (plan items made from an analysis report) → seed 004's report.
import { INDICATOR_NAMES, INSTRUMENT_NAMES, INSTRUMENTS, instrumentOf } from '../frameworks/common.ts';
import { frameworkNotice } from '../frameworks/registry.ts';
import { instantOn } from '../reminders/days.ts';
import { formatScore } from '../round.ts';
import { formatThaiDate } from '../thai/date-format.ts';
import type { Framework, IndicatorId, Instrument, ScoreResult } from '../types.ts';
import { joinThai } from './analysis-text.ts';
import type { MeasureResultRow, MeasureResultsReport, ReportAgency } from './types.ts';

export type MeasureStatus = 'not_started' | 'in_progress' | 'done';

export interface MeasureActivity {
  activityId: string;
  title: string;
  steps: readonly string[];
  owner: string | null;
  startsOn: string | null;
  dueOn: string;
  indicators: readonly IndicatorId[];
  /** The instrument of the items the measure answers, when known (measureInstrument()); else its first indicator's. */
  instrument?: Instrument;
  /** The agency's current status; absent when nobody has reported on it. */
  status?: MeasureStatus;
  /** Notes and evidence links reported over time, oldest first. */
  reports: readonly { note: string | null; evidenceUrl: string | null }[];
}

export interface MeasureResultsInput {
  agency: ReportAgency;
  fiscalYear: number;
  activities: readonly MeasureActivity[];
  /** The year's result and the year before's: with both, outcomes carry the score change. */
  result?: ScoreResult;
  previous?: ScoreResult;
  /** The framework of the year the measures ran: the OIT item the report fulfils, and whether it is confirmed. */
  framework?: Framework;
}

export const MEASURE_STATUS_LABELS: Readonly<Record<MeasureStatus, string>> = {
  not_started: 'ยังไม่ได้เริ่มดำเนินการ',
  in_progress: 'อยู่ระหว่างดำเนินการ',
  done: 'ดำเนินการแล้วเสร็จ',
};

function periodText(startsOn: string | null, dueOn: string): string {
  const due = formatThaiDate(instantOn(dueOn, 0));
  if (startsOn === null) return `ภายใน ${due}`;
  return `${formatThaiDate(instantOn(startsOn, 0))} – ${due}`;
}

function doneText(activity: MeasureActivity, status: MeasureStatus): string {
  const notes = [...new Set(activity.reports.map((r) => r.note?.trim() ?? '').filter((n) => n !== ''))];
  if (notes.length > 0) return notes.join(' ');
  if (status === 'done') return activity.steps.map((step) => `- ${step}`).join('\n');
  return MEASURE_STATUS_LABELS[status];
}

function changesOf(activity: MeasureActivity, input: MeasureResultsInput): MeasureResultRow['scoreChanges'] {
  const { result, previous } = input;
  if (result === undefined || previous === undefined) return [];
  return activity.indicators.flatMap((indicator) => {
    const now = result.indicators[indicator];
    const before = previous.indicators[indicator];
    if (now === undefined || before === undefined) return [];
    return [{ indicator, name: INDICATOR_NAMES[indicator], change: now - before }];
  });
}

function outcomeText(
  row: Pick<MeasureResultRow, 'scoreChanges' | 'status'>,
  input: MeasureResultsInput,
): string {
  const { result, previous } = input;
  if (row.scoreChanges.length > 0 && result !== undefined && previous !== undefined) {
    const parts = row.scoreChanges.map((c) => {
      const now = result.indicators[c.indicator] ?? 0;
      const before = previous.indicators[c.indicator] ?? 0;
      const way = c.change > 0 ? 'เพิ่มขึ้น' : c.change < 0 ? 'ลดลง' : 'คงเดิม';
      const amount = c.change === 0 ? '' : ` ${formatScore(Math.abs(c.change))} คะแนน`;
      return `ตัวชี้วัดที่ ${c.indicator} ${c.name} ${way}${amount} (${formatScore(before)} → ${formatScore(now)})`;
    });
    return `ผลการประเมินปี พ.ศ. ${input.fiscalYear} เทียบกับปี พ.ศ. ${previous.fiscalYear}: ${joinThai(parts)}`;
  }
  if (row.status === 'done') {
    return `ดำเนินการครบตามมาตรการแล้ว รอผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ${input.fiscalYear}`;
  }
  return `${MEASURE_STATUS_LABELS[row.status]} ยังไม่มีผลลัพธ์ที่วัดได้`;
}

function rowOf(activity: MeasureActivity, input: MeasureResultsInput): MeasureResultRow {
  const status = activity.status ?? 'not_started';
  const scoreChanges = changesOf(activity, input);
  return {
    activityId: activity.activityId,
    title: activity.title,
    done: doneText(activity, status),
    status,
    statusLabel: MEASURE_STATUS_LABELS[status],
    evidenceUrls: [
      ...new Set(activity.reports.flatMap((r) => (r.evidenceUrl === null ? [] : [r.evidenceUrl]))),
    ],
    owner: activity.owner ?? '',
    periodText: periodText(activity.startsOn, activity.dueOn),
    outcome: outcomeText({ scoreChanges, status }, input),
    indicators: [...activity.indicators],
    scoreChanges,
  };
}

/**
 * The instrument most of the items a measure answers belong to: the topic's items of the framework it was
 * drawn up on (seed 003's Tak PAO: topics 1–3 and 5–7 draw on OIT items, 4 on IIT's public-property items);
 * ties go to the measure's first indicator. Undefined when the topic has no items.
 */
export function measureInstrument(
  framework: Framework,
  topic: number,
  indicators: readonly IndicatorId[],
): Instrument | undefined {
  const counts = new Map<Instrument, number>();
  for (const item of framework.items) {
    if (framework.topicOf[item.code] !== topic) continue;
    const instrument = instrumentOf(item.indicator);
    counts.set(instrument, (counts.get(instrument) ?? 0) + 1);
  }
  const best = Math.max(0, ...counts.values());
  if (best === 0) return undefined;
  const leaders = INSTRUMENTS.filter((i) => counts.get(i) === best);
  const first = indicators[0];
  const preferred = first === undefined ? undefined : instrumentOf(first);
  return preferred !== undefined && leaders.includes(preferred) ? preferred : leaders[0];
}

/** A measure belongs to the instrument of the items it answers; else its first indicator's; else OIT (disclosure). */
function instrumentOfMeasure(activity: MeasureActivity): Instrument {
  if (activity.instrument !== undefined) return activity.instrument;
  const first = activity.indicators[0];
  return first === undefined ? 'OIT' : instrumentOf(first);
}

export function buildMeasureResults(input: MeasureResultsInput): MeasureResultsReport {
  const groups = INSTRUMENTS.map((instrument) => ({
    instrument,
    name: `${INSTRUMENT_NAMES[instrument]} (${instrument})`,
    rows: input.activities.filter((a) => instrumentOfMeasure(a) === instrument).map((a) => rowOf(a, input)),
  }));
  return {
    kind: 'measures',
    agency: input.agency,
    fiscalYear: input.fiscalYear,
    resultKnown: input.result !== undefined && input.previous !== undefined,
    title: `รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ${input.fiscalYear} ของ${input.agency.name}`,
    intro: `${input.agency.name}ได้ดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ${input.fiscalYear} จำนวน ${input.activities.length} มาตรการ โดยมีผลการดำเนินการแยกตามแบบวัด ดังนี้`,
    groups,
    ...documentOf(input),
  };
}

/** The OIT item the report is published under in its year's framework, and the unconfirmed-framework line. */
function documentOf(input: MeasureResultsInput): Pick<MeasureResultsReport, 'oitItem' | 'frameworkNotice'> {
  const framework = input.framework;
  if (framework === undefined) return {};
  const out: Pick<MeasureResultsReport, 'oitItem' | 'frameworkNotice'> = {};
  const notice = frameworkNotice(framework, input.fiscalYear);
  if (notice !== undefined) out.frameworkNotice = notice;
  const code = framework.documents?.measureResults;
  const item = code === undefined ? undefined : framework.items.find((i) => i.code === code);
  if (item !== undefined)
    out.oitItem = { code: item.code.toUpperCase(), title: item.title, forYear: input.fiscalYear };
  return out;
}
