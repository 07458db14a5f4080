// Operating settings with their defaults (DESIGN.md §4.1, issue 4); stored overrides live in app_settings.

import { DEFAULT_WORK_END, DEFAULT_WORK_START } from '../../../core/reminders/index.ts';
import type { Db } from '../../../db/db.ts';
import { getSetting } from '../../../db/queries/app-settings.ts';

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
  /** New complaints one LINE user may file per hour (issue 5 §1); more get a polite refusal. */
  complaintsPerHour: number;
  /** Wrong tracking codes one user may try per hour before lookups are refused (issue 5 §2). */
  wrongCodesPerHour: number;
  /** Complaint service levels (issue 5 §3): acknowledge within working days, reply and close within days. */
  complaintAckWorkingDays: number;
  complaintReplyDays: number;
  complaintCloseDays: number;
  /** The officers' "due soon" reminder: this many working days before a complaint deadline. */
  complaintRemindWorkingDaysBefore: number;
  /** Closed complaints are deleted this many days after closing; officers are warned this many days before. */
  complaintRetentionDays: number;
  complaintRetentionWarnDays: number;
  /** Messages sent (or given up) are deleted from the outbox this many days later, on both runtimes. A
   * broadcast's delivered and failed figures are read from them, so they are shown for as long. */
  outboxRetentionDays: number;
}

const DEFAULT_SETTINGS: Settings = {
  workStart: DEFAULT_WORK_START,
  workEnd: DEFAULT_WORK_END,
  reminderDaysBefore: [7, 3, 1, 0],
  overdueEveryWorkingDays: 2,
  extraHolidays: [],
  nudgeMinGapDays: 7,
  nudgeMaxCount: 3,
  complaintsPerHour: 3,
  wrongCodesPerHour: 10,
  complaintAckWorkingDays: 3,
  complaintReplyDays: 15,
  complaintCloseDays: 30,
  complaintRemindWorkingDaysBefore: 1,
  complaintRetentionDays: 730,
  complaintRetentionWarnDays: 30,
  outboxRetentionDays: 90,
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
