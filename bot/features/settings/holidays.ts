// Holidays (issue 14 §2): the built-in Thai public holidays per year with their names, plus the days coordinators
// added or removed (stored settings: extraHolidays, holidayNames, removedHolidays); and the weekly reminder to
// enter next year's days, from 60 days before the last year on record ends.

import { addDays, bangkokDay, isIsoDay } from '../../../core/reminders/days.ts';
import { LAST_SHIPPED_HOLIDAY_YEAR, THAI_PUBLIC_HOLIDAYS } from '../../../core/reminders/holidays.ts';
import { isWorkingDay, isWorkingTime } from '../../../core/reminders/working-time.ts';
import type { Db } from '../../../db/db.ts';
import { findLineUser } from '../../../db/queries/line-users.ts';
import { listReservedSlots, reserveSlotWithMessages } from '../../../db/queries/reminder-log.ts';
import { listRoleHolders } from '../../../db/queries/user-roles.ts';
import type { Deps } from '../../deps.ts';
import { homeProvinceId } from '../../line/chat/who.ts';
import { loadSettings, type Settings } from './settings.ts';
import { changeSettings, type SettingChange } from './store.ts';

export interface HolidayDay {
  date: string;
  name: string;
  /** 'shipped': announced by the cabinet, in the app; 'added': entered by a coordinator. */
  source: 'shipped' | 'added';
  /** A shipped day a coordinator removed (no longer counted as a holiday). */
  removed: boolean;
}

/** A year as typed: Buddhist era (2571) or Christian era (2028); the Christian-era year, or undefined. */
export function christianYear(year: number): number | undefined {
  if (!Number.isInteger(year)) return undefined;
  if (year >= 2400 && year <= 2800) return year - 543;
  if (year >= 1900 && year <= 2200) return year;
  return undefined;
}

export function holidaysOfYear(settings: Settings, yearCe: number): HolidayDay[] {
  const prefix = `${yearCe}-`;
  const removed = new Set(settings.removedHolidays);
  const days: HolidayDay[] = THAI_PUBLIC_HOLIDAYS.filter((h) => h.date.startsWith(prefix)).map((h) => ({
    date: h.date,
    name: h.name,
    source: 'shipped',
    removed: removed.has(h.date),
  }));
  for (const date of settings.extraHolidays.filter((d) => d.startsWith(prefix)))
    days.push({ date, name: settings.holidayNames[date] ?? 'วันหยุดราชการ', source: 'added', removed: false });
  return days.sort((a, b) => a.date.localeCompare(b.date));
}

/** Years with holidays on record: a year counts once it has at least this many (a lone special day does not). */
const DAYS_FOR_A_KNOWN_YEAR = 5;

/** The last Christian-era year whose holidays are known (shipped, or entered by coordinators). */
export function lastKnownHolidayYear(settings: Settings): number {
  let year = LAST_SHIPPED_HOLIDAY_YEAR;
  const added = new Map<number, number>();
  for (const d of settings.extraHolidays)
    added.set(Number(d.slice(0, 4)), (added.get(Number(d.slice(0, 4))) ?? 0) + 1);
  while ((added.get(year + 1) ?? 0) >= DAYS_FOR_A_KNOWN_YEAR) year += 1;
  return year;
}

export async function addHoliday(
  db: Db,
  date: string,
  name: string,
  actor: string,
  now: Date,
): Promise<SettingChange> {
  if (!isIsoDay(date))
    return {
      ok: false,
      key: 'extraHolidays',
      message: `วันที่ "${date}" ไม่ถูกต้อง (ใช้ YYYY-MM-DD ค.ศ. เช่น 2028-01-02)`,
    };
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > 100)
    return { ok: false, key: 'holidayNames', message: 'ต้องมีชื่อวันหยุด (ไม่เกิน 100 ตัวอักษร)' };
  const s = await loadSettings(db);
  const shipped = THAI_PUBLIC_HOLIDAYS.some((h) => h.date === date);
  if (shipped && !s.removedHolidays.includes(date))
    return { ok: false, key: 'extraHolidays', message: `${date} เป็นวันหยุดราชการในระบบอยู่แล้ว` };
  return changeSettings(
    db,
    shipped
      ? { removedHolidays: s.removedHolidays.filter((d) => d !== date) }
      : {
          extraHolidays: [...new Set([...s.extraHolidays, date])].sort(),
          holidayNames: { ...s.holidayNames, [date]: trimmed },
        },
    actor,
    now,
  );
}

export async function removeHoliday(db: Db, date: string, actor: string, now: Date): Promise<SettingChange> {
  const s = await loadSettings(db);
  if (s.extraHolidays.includes(date)) {
    const { [date]: _gone, ...names } = s.holidayNames;
    return changeSettings(
      db,
      { extraHolidays: s.extraHolidays.filter((d) => d !== date), holidayNames: names },
      actor,
      now,
    );
  }
  if (THAI_PUBLIC_HOLIDAYS.some((h) => h.date === date) && !s.removedHolidays.includes(date))
    return changeSettings(db, { removedHolidays: [...s.removedHolidays, date].sort() }, actor, now);
  return { ok: false, key: 'extraHolidays', message: `${date} ไม่ใช่วันหยุดในระบบ` };
}

const REMINDER_KIND = 'holidays-next-year';
const WARN_DAYS = 60;

/** The Monday that starts the Bangkok week of `day`: the reminder's once-a-week slot. */
function weekOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

/**
 * From 60 days before the last known holiday year ends: once a week, in working hours, each coordinator of the
 * home province is asked in 1:1 chat to enter next year's holidays. Returns the messages queued.
 */
export async function remindHolidaysDue(deps: Deps, now: Date, settings: Settings): Promise<number> {
  const lastYear = lastKnownHolidayYear(settings);
  const today = bangkokDay(now);
  if (today < addDays(`${lastYear}-12-31`, -WARN_DAYS)) return 0;
  if (!isWorkingDay(today, settings) || !isWorkingTime(now, settings)) return 0;
  const provinceId = await homeProvinceId(deps.db);
  if (provinceId === undefined) return 0;
  const coordinators = await listRoleHolders(deps.db, { provinceId, role: 'coordinator' });
  const slot = weekOf(today);
  const taken = new Set(
    (await listReservedSlots(deps.db, REMINDER_KIND, [{ subjectId: provinceId, slot }])).map(
      (t) => t.targetId,
    ),
  );
  const nextBe = lastYear + 1 + 543;
  const text = [
    `ระบบมีวันหยุดราชการถึงสิ้นปี ${lastYear + 543} เท่านั้น`,
    `โปรดเพิ่มวันหยุดราชการของปี ${nextBe} ตามประกาศคณะรัฐมนตรี เพื่อให้การแจ้งเตือนและกำหนดเวลาเรื่องร้องเรียนนับวันทำการถูกต้อง`,
    `ในมินิแอป: เครื่องมือ → วันหยุด หรือคำสั่ง npm run ita -- holidays add ${lastYear + 1}-01-01 "วันขึ้นปีใหม่"`,
  ].join('\n');
  let queued = 0;
  for (const { userId } of coordinators) {
    if (taken.has(userId) || (await findLineUser(deps.db, userId))?.unfollowedAt) continue;
    const key = { kind: REMINDER_KIND, subjectId: provinceId, targetId: userId, slot };
    const rows = [
      {
        kind: 'push' as const,
        to: userId,
        messages: [{ type: 'text' as const, text }],
        sourceKind: REMINDER_KIND,
        sourceId: provinceId,
      },
    ];
    const { outboxIds } = await reserveSlotWithMessages(deps.db, key, now, rows, now);
    queued += outboxIds.length;
  }
  return queued;
}
