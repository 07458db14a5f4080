// The answer window of a survey and the pace forecast: where the respondent count lands by the due date.
import { instantOn, isIsoDay } from '../reminders/days.ts';
import { bangkokTime } from '../thai/bangkok.ts';
import { toChristianYear } from '../thai/era.ts';
import type { FiscalYear } from '../types.ts';

const DAY_MS = 86_400_000;
/** The rate is taken over about the last two weeks of reports, or all of them when they span less. */
const RATE_SPAN_MS = 14 * DAY_MS;
/** Less history than a day says nothing about a pace: no forecast. */
const MIN_HISTORY_MS = DAY_MS;

export interface AnswerWindow {
  /** Midnight (Bangkok) starting the first day answers are taken. */
  opens: Date;
  /** Midnight (Bangkok) starting the due day, for showing: "ภายใน 1 ก.ค. 2567". */
  dueDay: Date;
  /** Midnight after the due day: answers are taken through the whole due day. */
  closes: Date;
}

export interface CountPoint {
  count: number;
  at: Date;
}

export interface PaceForecast {
  /** Respondents expected by the end of the due day at the current rate. */
  projected: number;
  /** `projected` as whole per cent of the minimum (not capped, so 130 means well ahead); absent without one. */
  percent?: number;
  ratePerDay: number;
  dueDay: Date;
}

/** Bangkok midnight starting the day, or undefined when the text is not a calendar day. */
function dayOf(day: string): Date | undefined {
  return isIsoDay(day) ? instantOn(day, 0) : undefined;
}

/**
 * The window from the plan's survey activity ('YYYY-MM-DD' start and due date, Bangkok days), else the
 * default calendar's 1 January → 1 July of the fiscal year (seed 002: FY2567 answers January → 1 July).
 */
export function answerWindow(
  year: FiscalYear,
  activity?: { startsOn: string | null; dueOn: string },
): AnswerWindow {
  const ce = toChristianYear(year);
  const dueDay = (activity && dayOf(activity.dueOn)) ?? bangkokTime(ce, 7, 1);
  const starts = activity?.startsOn ? dayOf(activity.startsOn) : undefined;
  const opens = starts ?? bangkokTime(ce, 1, 1);
  return { opens, dueDay, closes: new Date(dueDay.getTime() + DAY_MS) };
}

/** Is `now` inside the window (from its first moment up to the end of the due day)? */
export function isWindowOpen(window: AnswerWindow, now: Date): boolean {
  return now.getTime() >= window.opens.getTime() && now.getTime() < window.closes.getTime();
}

/**
 * The count expected by the due date if answers keep coming at the recent rate. Counts start at zero when
 * the window opens, so one report a while after the opening is history enough. Undefined outside the window,
 * with no report yet, or with less than a day of history.
 */
export function forecastPace(
  history: readonly CountPoint[],
  window: AnswerWindow,
  now: Date,
  target?: number,
): PaceForecast | undefined {
  if (!isWindowOpen(window, now)) return undefined;
  const points = history.filter((p) => p.at.getTime() <= now.getTime()).sort((a, b) => +a.at - +b.at);
  const last = points[points.length - 1];
  if (last === undefined) return undefined;
  const first = points[0] ?? last;
  if (first.at.getTime() > window.opens.getTime()) points.unshift({ count: 0, at: window.opens });
  const since = last.at.getTime() - RATE_SPAN_MS;
  const base = points.filter((p) => p.at.getTime() <= since).pop() ?? points[0] ?? last;
  const span = last.at.getTime() - base.at.getTime();
  if (span < MIN_HISTORY_MS) return undefined;
  const ratePerDay = Math.max(0, ((last.count - base.count) / span) * DAY_MS);
  const remainingDays = Math.max(0, window.closes.getTime() - last.at.getTime()) / DAY_MS;
  const projected = Math.round(last.count + ratePerDay * remainingDays);
  const forecast: PaceForecast = { projected, ratePerDay, dueDay: window.dueDay };
  if (target !== undefined && target > 0) forecast.percent = Math.floor((projected * 100) / target);
  else if (target === 0) forecast.percent = 100;
  return forecast;
}
