// Operating settings with their defaults (DESIGN.md §4.1, issue 4); stored overrides live in app_settings.

import { DEFAULT_WORK_END, DEFAULT_WORK_START } from '../core/reminders/index.ts';
import type { Db } from '../db/db.ts';
import { getSetting } from '../db/queries/app-settings.ts';

export interface Settings {
  /** Working hours in Asia/Bangkok, 'HH:MM'. Reminders and nudges go out only inside them, Mon–Fri. */
  workStart: string;
  workEnd: string;
  /** Days before a due date that get a reminder; 0 is the due day itself. */
  reminderDaysBefore: number[];
  /** While overdue, a reminder every this many working days. */
  overdueEveryWorkingDays: number;
  /** Thai public holidays as 'YYYY-MM-DD' (Christian era, Bangkok days), added to the built-in list. */
  extraHolidays: string[];
  /** Survey nudges to agencies behind pace: at least this many days apart, at most this many per instrument. */
  nudgeMinGapDays: number;
  nudgeMaxCount: number;
}

const DEFAULT_SETTINGS: Settings = {
  workStart: DEFAULT_WORK_START,
  workEnd: DEFAULT_WORK_END,
  reminderDaysBefore: [7, 3, 1, 0],
  overdueEveryWorkingDays: 2,
  extraHolidays: [],
  nudgeMinGapDays: 7,
  nudgeMaxCount: 3,
};

export const SETTINGS_KEY = 'settings';

/** The defaults with whatever a coordinator stored over them (unknown or mistyped keys are ignored). */
export async function loadSettings(db: Db): Promise<Settings> {
  const stored = await getSetting(db, SETTINGS_KEY);
  const merged: Settings = { ...DEFAULT_SETTINGS };
  if (typeof stored !== 'object' || stored === null) return merged;
  for (const [key, value] of Object.entries(stored)) {
    if (!(key in DEFAULT_SETTINGS)) continue;
    const k = key as keyof Settings;
    if (
      typeof value === typeof DEFAULT_SETTINGS[k] &&
      Array.isArray(value) === Array.isArray(DEFAULT_SETTINGS[k])
    ) {
      Object.assign(merged, { [k]: value });
    }
  }
  return merged;
}
