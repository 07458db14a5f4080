// Calendar days as 'YYYY-MM-DD' strings (Bangkok days, as plan dates are stored): parsing, arithmetic, instants.
import { bangkokParts, bangkokTime } from '../thai/bangkok.ts';

/** 'YYYY-MM-DD', Christian era, a day in Asia/Bangkok. */
export type IsoDay = string;

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** The year, month (1–12) and day of a real calendar day, or undefined ('2024-02-30' is not one). */
export function parseIsoDay(text: string): { year: number; month: number; day: number } | undefined {
  const match = ISO_DAY.exec(text);
  if (match === null) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  const real =
    check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day;
  return real ? { year, month, day } : undefined;
}

export function isIsoDay(text: string): boolean {
  return parseIsoDay(text) !== undefined;
}

function toEpochDay(day: IsoDay): number {
  const p = parseIsoDay(day);
  if (p === undefined) throw new RangeError(`not a calendar day: ${day}`);
  return Date.UTC(p.year, p.month - 1, p.day) / DAY_MS;
}

function fromEpochDay(epochDay: number): IsoDay {
  const d = new Date(epochDay * DAY_MS);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The Bangkok day an instant falls on. */
export function bangkokDay(at: Date): IsoDay {
  const p = bangkokParts(at);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** Minutes since Bangkok midnight of an instant (0–1439). */
export function bangkokMinuteOfDay(at: Date): number {
  const p = bangkokParts(at);
  return p.hour * 60 + p.minute;
}

/** The day `n` calendar days after (or before, when negative) `day`. Throws on a day that is not one. */
export function addDays(day: IsoDay, n: number): IsoDay {
  return fromEpochDay(toEpochDay(day) + n);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDay, to: IsoDay): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: IsoDay): number {
  return new Date(toEpochDay(day) * DAY_MS).getUTCDay();
}

/** The instant of a Bangkok wall-clock time (minutes since midnight) on `day`. */
export function instantOn(day: IsoDay, minuteOfDay: number): Date {
  const p = parseIsoDay(day);
  if (p === undefined) throw new RangeError(`not a calendar day: ${day}`);
  return bangkokTime(p.year, p.month, p.day, Math.floor(minuteOfDay / 60), minuteOfDay % 60);
}

/** 'HH:MM' (24-hour) as minutes since midnight, or undefined when it is not a time of day. */
export function parseClock(text: string): number | undefined {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (match === null) return undefined;
  const [hour, minute] = [Number(match[1]), Number(match[2])];
  return hour < 24 && minute < 60 ? hour * 60 + minute : undefined;
}
