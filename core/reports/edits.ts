// Staff edits to a drafted report: each given text replaces the drafted one; what is not given stays.
import type { Instrument, TopicId } from '../types.ts';
import { type MeasurePeriod, WHOLE_YEAR } from './measure-templates.ts';
import { describePeriod } from './measures.ts';
import type { AnalysisReport, MeasureResultsReport, ReportMeasure } from './types.ts';

export interface MeasureEdit {
  /** Keep a template's id to keep its link to the template; a new measure may leave it out. */
  id?: string;
  templateId?: string;
  title: string;
  steps: string[];
  owner: string;
  period?: MeasurePeriod;
  periodText?: string;
}

export interface TopicEdit {
  id: TopicId;
  findings?: string;
  /** The topic's measures as chosen: replaces the whole list (an empty list drops them all). */
  measures?: MeasureEdit[];
}

export interface AnalysisEdits {
  title?: string;
  intro?: string;
  summary?: string;
  recommendations?: Partial<Record<Instrument, string>>;
  topics?: TopicEdit[];
}

export interface MeasureRowEdit {
  activityId: string;
  done?: string;
  outcome?: string;
  owner?: string;
  periodText?: string;
}

export interface MeasureResultsEdits {
  title?: string;
  intro?: string;
  rows?: MeasureRowEdit[];
}

function measureFrom(edit: MeasureEdit, topic: TopicId, index: number, measuresYear: number): ReportMeasure {
  const period = edit.period ?? WHOLE_YEAR;
  const measure: ReportMeasure = {
    id: edit.id ?? edit.templateId ?? `custom-${topic}-${index + 1}`,
    title: edit.title,
    steps: [...edit.steps],
    owner: edit.owner,
    period: { ...period },
    periodText: edit.periodText ?? describePeriod(period, measuresYear),
  };
  if (edit.templateId !== undefined) measure.templateId = edit.templateId;
  return measure;
}

export function applyAnalysisEdits(report: AnalysisReport, edits: AnalysisEdits): AnalysisReport {
  const topics = report.topics.map((topic) => {
    const edit = edits.topics?.find((t) => t.id === topic.id);
    if (edit === undefined) return topic;
    return {
      ...topic,
      findings: edit.findings ?? topic.findings,
      measures:
        edit.measures?.map((m, i) => measureFrom(m, topic.id, i, report.measuresYear)) ?? topic.measures,
    };
  });
  return {
    ...report,
    title: edits.title ?? report.title,
    intro: edits.intro ?? report.intro,
    summary: edits.summary ?? report.summary,
    recommendations: { ...report.recommendations, ...definedOnly(edits.recommendations ?? {}) },
    topics,
  };
}

export function applyMeasureResultsEdits(
  report: MeasureResultsReport,
  edits: MeasureResultsEdits,
): MeasureResultsReport {
  const groups = report.groups.map((group) => ({
    ...group,
    rows: group.rows.map((row) => {
      const edit = edits.rows?.find((r) => r.activityId === row.activityId);
      return edit === undefined ? row : { ...row, ...definedOnly({ ...edit, activityId: row.activityId }) };
    }),
  }));
  return { ...report, title: edits.title ?? report.title, intro: edits.intro ?? report.intro, groups };
}

// `{ a: undefined }` from a parsed body must not blank out the drafted text.
function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
