// Where an agency's IIT/EIT survey stands: its link, the minimum that applies, progress and the pace forecast.
import { fiscalYearOf } from '../../../core/index.ts';
import {
  type AnswerWindow,
  answerWindow,
  forecastPace,
  type PaceForecast,
} from '../../../core/surveys/pace.ts';
import { type SurveyProgress, surveyProgress } from '../../../core/surveys/progress.ts';
import { resolveTarget, type SurveyInstrument, type TargetRules } from '../../../core/surveys/targets.ts';
import type { Db } from '../../../db/db.ts';
import type { Activity } from '../../../db/queries/plan-activities.ts';
import { listActivities } from '../../../db/queries/plan-activities.ts';
import { findSurveyLink, type SurveyLink } from '../../../db/queries/survey-links.ts';
import { listSurveyReports, type SurveyReport } from '../../../db/queries/survey-reports.ts';
import { loadTargetRules } from './target-rules.ts';

export interface SurveyStatus {
  instrument: SurveyInstrument;
  year: number;
  /** Undefined when the coordinator has not entered the agency's link for the year. */
  link?: SurveyLink;
  /** The minimum respondents; undefined when neither a head count nor a target is on record. */
  target?: number;
  /** Undefined until a count has been reported (or without a minimum). */
  progress?: SurveyProgress;
  reportedAt?: Date;
  forecast?: PaceForecast;
  window: AnswerWindow;
}

/** The plan activity of the survey ('survey_iit' / 'survey_eit'), whose dates make the answer window. */
export function surveyActivityOf(
  activities: readonly Activity[],
  instrument: SurveyInstrument,
): Activity | undefined {
  return activities.find((a) => a.kind === `survey_${instrument.toLowerCase()}`);
}

/** The answer window of the province's plan for the year (1 Jan → 1 Jul without a survey activity). */
export async function loadAnswerWindow(
  db: Db,
  provinceId: string,
  year: number,
  instrument: SurveyInstrument,
): Promise<AnswerWindow> {
  return answerWindow(year, surveyActivityOf(await listActivities(db, provinceId, year), instrument));
}

export interface StatusInput {
  instrument: SurveyInstrument;
  year: number;
  link?: SurveyLink;
  reports: readonly SurveyReport[];
  window: AnswerWindow;
  rules: TargetRules;
  now: Date;
}

/** Pure: the status from what was loaded. */
export function describeStatus(input: StatusInput): SurveyStatus {
  const { instrument, year, link, window, now } = input;
  const status: SurveyStatus = { instrument, year, window };
  if (link === undefined) return status;
  status.link = link;
  const target = resolveTarget(link, input.rules);
  if (target !== undefined) status.target = target;
  if (link.reportedCount !== null) {
    if (target !== undefined) status.progress = surveyProgress(link.reportedCount, target);
    if (link.reportedAt !== null) status.reportedAt = new Date(link.reportedAt);
  }
  const history = input.reports.map((r) => ({ count: r.count, at: new Date(r.reportedAt) }));
  const forecast = forecastPace(history, window, now, target);
  if (forecast !== undefined) status.forecast = forecast;
  return status;
}

/** Loads and describes one agency's survey for the fiscal year of `now`. */
export async function loadSurveyStatus(
  db: Db,
  agency: { id: string; provinceId: string },
  instrument: SurveyInstrument,
  now: Date,
): Promise<SurveyStatus> {
  const year = fiscalYearOf(now);
  const [link, reports, window, rules] = await Promise.all([
    findSurveyLink(db, agency.id, year, instrument),
    listSurveyReports(db, agency.id, year, instrument),
    loadAnswerWindow(db, agency.provinceId, year, instrument),
    loadTargetRules(db),
  ]);
  return describeStatus({ instrument, year, link, reports, window, rules, now });
}
