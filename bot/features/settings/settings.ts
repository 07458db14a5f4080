// Operating settings with their defaults (DESIGN.md §4.1, issue 4); stored overrides live in app_settings.

import { z } from 'zod';
import { DEFAULT_WORK_END, DEFAULT_WORK_START, isIsoDay, parseClock } from '../../../core/reminders/index.ts';
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
  /** Names of the added holidays, by day. */
  holidayNames: Record<string, string>;
  /** Built-in holidays a coordinator removed (a day the cabinet moved or cancelled). */
  removedHolidays: string[];
  /** Survey nudges to agencies behind pace: at least this many days apart, at most this many per instrument. */
  nudgeMinGapDays: number;
  nudgeMaxCount: number;
  /** New complaints one LINE user may file per hour (issue 5 §1); more get a polite refusal. */
  complaintsPerHour: number;
  /**
   * New complaints the whole province may receive an hour (issue 14 §4): past it coordinators are alerted once,
   * complaints are still recorded, and officers get one batched card instead of a card each.
   */
  complaintsPerHourProvince: number;
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
  holidayNames: {},
  removedHolidays: [],
  nudgeMinGapDays: 7,
  nudgeMaxCount: 3,
  complaintsPerHour: 3,
  complaintsPerHourProvince: 60,
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

const int = (min: number, max: number) =>
  z
    .number({ message: `ต้องเป็นจำนวนเต็ม ${min}–${max}` })
    .int(`ต้องเป็นจำนวนเต็ม ${min}–${max}`)
    .min(min, `ต้องเป็นจำนวนเต็ม ${min}–${max}`)
    .max(max, `ต้องเป็นจำนวนเต็ม ${min}–${max}`);
/** An integer setting: its schema and the Thai text of its range, from the one pair of bounds. */
const intSetting = (min: number, max: number, label: string) => ({
  schema: int(min, max),
  allowed: `จำนวนเต็ม ${min}–${max}`,
  label,
});
const clock = z
  .string()
  .refine((v) => /^\d{2}:\d{2}$/.test(v) && parseClock(v) !== undefined, 'ต้องเป็นเวลา HH:MM เช่น 08:30');
const day = z.string().refine(isIsoDay, 'ต้องเป็นวันที่ YYYY-MM-DD (ค.ศ.) เช่น 2028-01-02');

/**
 * What each setting may hold, with the Thai text that says so: the one schema the app reads stored settings
 * with (a stored value it does not accept falls back to the default) and the CLI, the API and the mini-app write
 * them with (a value it does not accept is refused, naming the key and what is allowed).
 */
export const SETTING_SCHEMAS: {
  readonly [K in keyof Settings]: { schema: z.ZodType<Settings[K]>; allowed: string; label: string };
} = {
  workStart: { schema: clock, allowed: 'เวลา HH:MM เช่น 08:30', label: 'เวลาเริ่มทำการ' },
  workEnd: { schema: clock, allowed: 'เวลา HH:MM เช่น 16:30 (หลังเวลาเริ่ม)', label: 'เวลาเลิกทำการ' },
  reminderDaysBefore: {
    schema: z.array(int(0, 60)).min(1, 'ต้องมีอย่างน้อยหนึ่งวัน').max(10, 'ไม่เกิน 10 วัน'),
    allowed: 'รายการจำนวนวัน 0–60 เช่น [7,3,1,0]',
    label: 'แจ้งเตือนก่อนกำหนด (วัน)',
  },
  overdueEveryWorkingDays: intSetting(1, 30, 'เตือนงานเลยกำหนดทุก (วันทำการ)'),
  extraHolidays: { schema: z.array(day).max(400), allowed: 'รายการวันที่ YYYY-MM-DD', label: 'วันหยุดที่เพิ่มเอง' },
  holidayNames: {
    schema: z.record(day, z.string().trim().min(1).max(100)),
    allowed: 'ชื่อวันหยุดตามวันที่ เช่น {"2028-01-02":"วันหยุดพิเศษ"}',
    label: 'ชื่อวันหยุดที่เพิ่มเอง',
  },
  removedHolidays: { schema: z.array(day).max(400), allowed: 'รายการวันที่ YYYY-MM-DD', label: 'วันหยุดที่ยกเลิก' },
  nudgeMinGapDays: intSetting(1, 60, 'ระยะห่างการกระตุ้นแบบวัด (วัน)'),
  nudgeMaxCount: intSetting(0, 20, 'กระตุ้นแบบวัดได้ไม่เกิน (ครั้ง)'),
  complaintsPerHour: intSetting(1, 100, 'เรื่องร้องเรียนใหม่ต่อคนต่อชั่วโมง'),
  complaintsPerHourProvince: intSetting(1, 10_000, 'เรื่องร้องเรียนใหม่ทั้งจังหวัดต่อชั่วโมง (เกินแล้วรวมการแจ้งเจ้าหน้าที่)'),
  wrongCodesPerHour: intSetting(1, 100, 'ใส่รหัสติดตามผิดได้ต่อชั่วโมง'),
  complaintAckWorkingDays: intSetting(1, 30, 'รับทราบเรื่องภายใน (วันทำการ)'),
  complaintReplyDays: intSetting(1, 90, 'ตอบผู้ร้องภายใน (วัน)'),
  complaintCloseDays: intSetting(1, 365, 'ปิดเรื่องภายใน (วัน)'),
  complaintRemindWorkingDaysBefore: intSetting(0, 10, 'เตือนเจ้าหน้าที่ก่อนครบกำหนด (วันทำการ)'),
  complaintRetentionDays: intSetting(30, 3650, 'เก็บเรื่องที่ปิดแล้ว (วัน)'),
  complaintRetentionWarnDays: intSetting(1, 90, 'เตือนก่อนลบ (วัน)'),
  // At least 30: the quota forecast reads the last 30 days of complaint updates sent.
  outboxRetentionDays: intSetting(30, 3650, 'เก็บข้อความที่ส่งแล้วในคิว (วัน)'),
};

export const SETTING_KEYS = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[];

export function isSettingKey(key: string): key is keyof Settings {
  return Object.hasOwn(DEFAULT_SETTINGS, key);
}

export function defaultSettings(): Settings {
  return structuredClone(DEFAULT_SETTINGS);
}

/** What is stored, as an object (an unreadable value counts as nothing stored). */
export async function storedSettings(db: Db): Promise<Record<string, unknown>> {
  const stored = await getSetting(db, SETTINGS_KEY);
  return typeof stored === 'object' && stored !== null && !Array.isArray(stored) ? { ...stored } : {};
}

/** The defaults with whatever a coordinator stored over them (unknown keys and values the schema refuses are ignored). */
export async function loadSettings(db: Db): Promise<Settings> {
  const stored = await storedSettings(db);
  const merged: Settings = defaultSettings();
  for (const [key, value] of Object.entries(stored)) {
    if (!isSettingKey(key)) continue;
    const parsed = SETTING_SCHEMAS[key].schema.safeParse(value);
    if (parsed.success) Object.assign(merged, { [key]: parsed.data });
  }
  return merged;
}
