// Working time in Asia/Bangkok: working days (Mon–Fri but Thai public holidays), working hours, and arithmetic on them.
import {
  addDays,
  bangkokDay,
  bangkokMinuteOfDay,
  type IsoDay,
  instantOn,
  isIsoDay,
  parseClock,
  weekdayOf,
} from './days.ts';
import { THAI_PUBLIC_HOLIDAY_DAYS } from './holidays.ts';

/** Read once per settings object and remembered: pass a new object when the settings change. */
export interface WorkingTimeSettings {
  /** 'HH:MM' in Bangkok: working hours are [workStart, workEnd). */
  workStart: string;
  workEnd: string;
  /** Holidays on top of the built-in Thai public holidays ('YYYY-MM-DD'). */
  extraHolidays: readonly string[];
  /** Built-in holidays a coordinator removed (the cabinet moved or cancelled a day), 'YYYY-MM-DD'. */
  removedHolidays?: readonly string[];
  /** Working weekdays, 0 = Sunday … 6 = Saturday; Monday to Friday when absent. */
  workDays?: readonly number[];
}

/** DESIGN.md §4.1: 08:30–16:30, Monday to Friday. */
export const DEFAULT_WORK_START = '08:30';
export const DEFAULT_WORK_END = '16:30';
const MONDAY_TO_FRIDAY: readonly number[] = [1, 2, 3, 4, 5];

/** A year and a half of days: no holiday list is that long, so a search this far means no working day at all. */
const MAX_SEARCH_DAYS = 550;

interface Calendar {
  start: number;
  end: number;
  workDays: ReadonlySet<number>;
  extra: ReadonlySet<string>;
  removed: ReadonlySet<string>;
  /** Working day of each day asked about, since one scheduler tick asks about the same days many times. */
  memo: Map<IsoDay, boolean>;
}

const compiled = new WeakMap<WorkingTimeSettings, Calendar>();

/** The settings made usable once: a bad clock or an empty week falls back to the default rather than failing. */
function calendarOf(settings: WorkingTimeSettings): Calendar {
  const cached = compiled.get(settings);
  if (cached !== undefined) return cached;
  let start = parseClock(settings.workStart);
  let end = parseClock(settings.workEnd);
  if (start === undefined || end === undefined || start >= end) {
    start = parseClock(DEFAULT_WORK_START) ?? 510;
    end = parseClock(DEFAULT_WORK_END) ?? 990;
  }
  const days = (settings.workDays ?? MONDAY_TO_FRIDAY).filter((d) => Number.isInteger(d) && d >= 0 && d <= 6);
  const calendar: Calendar = {
    start,
    end,
    workDays: new Set(days.length > 0 ? days : MONDAY_TO_FRIDAY),
    extra: new Set(settings.extraHolidays.filter(isIsoDay)),
    removed: new Set((settings.removedHolidays ?? []).filter(isIsoDay)),
    memo: new Map(),
  };
  compiled.set(settings, calendar);
  return calendar;
}

/** The start of working hours, in minutes since midnight (what reminders are planned at). */
export function workStartMinute(settings: WorkingTimeSettings): number {
  return calendarOf(settings).start;
}

export function isHoliday(day: IsoDay, settings: WorkingTimeSettings): boolean {
  const calendar = calendarOf(settings);
  return (THAI_PUBLIC_HOLIDAY_DAYS.has(day) && !calendar.removed.has(day)) || calendar.extra.has(day);
}

export function isWorkingDay(day: IsoDay, settings: WorkingTimeSettings): boolean {
  const calendar = calendarOf(settings);
  const known = calendar.memo.get(day);
  if (known !== undefined) return known;
  const working = calendar.workDays.has(weekdayOf(day)) && !isHoliday(day, settings);
  calendar.memo.set(day, working);
  return working;
}

/** The first working day after `day` (never `day` itself). */
export function nextWorkingDay(day: IsoDay, settings: WorkingTimeSettings): IsoDay {
  return addWorkingDays(day, 1, settings);
}

/**
 * The day `n` working days after `day` (before it when `n` is negative), counting only working days and not
 * `day` itself: from Friday, 1 working day is the next Monday (or later, after a holiday). `n = 0` gives `day`.
 */
export function addWorkingDays(day: IsoDay, n: number, settings: WorkingTimeSettings): IsoDay {
  const step = n < 0 ? -1 : 1;
  let left = Math.abs(Math.trunc(n));
  let current = day;
  for (let guard = 0; left > 0; guard++) {
    if (guard > MAX_SEARCH_DAYS * Math.max(1, Math.abs(n))) throw new RangeError('no working day found');
    current = addDays(current, step);
    if (isWorkingDay(current, settings)) left--;
  }
  return current;
}

/** Is `at` inside working hours on a working day? */
export function isWorkingTime(at: Date, settings: WorkingTimeSettings): boolean {
  const calendar = calendarOf(settings);
  const minute = bangkokMinuteOfDay(at);
  return minute >= calendar.start && minute < calendar.end && isWorkingDay(bangkokDay(at), settings);
}

/** `at` itself when it is working time, else the start of the next working period ("sent at the next working time"). */
export function nextWorkingTime(at: Date, settings: WorkingTimeSettings): Date {
  if (isWorkingTime(at, settings)) return at;
  const calendar = calendarOf(settings);
  const today = bangkokDay(at);
  if (isWorkingDay(today, settings) && bangkokMinuteOfDay(at) < calendar.start)
    return instantOn(today, calendar.start);
  return instantOn(nextWorkingDay(today, settings), calendar.start);
}
