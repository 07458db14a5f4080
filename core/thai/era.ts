// Buddhist ↔ Christian era, the Thai fiscal year (from 1 October) and its instants in Asia/Bangkok.
import type { FiscalYear } from '../types.ts';
import { BANGKOK_OFFSET_MS, bangkokParts } from './bangkok.ts';

/** The Buddhist era is the Christian era + 543 (2024 → 2567). */
export const BUDDHIST_ERA_OFFSET = 543;

export function toBuddhistYear(christianYear: number): number {
  return christianYear + BUDDHIST_ERA_OFFSET;
}

export function toChristianYear(buddhistYear: number): number {
  return buddhistYear - BUDDHIST_ERA_OFFSET;
}

/** The fiscal year (B.E.) a date falls in: it starts 1 October in Bangkok (FY2567 = 1 Oct 2023 – 30 Sep 2024). */
export function fiscalYearOf(date: Date): FiscalYear {
  const { year, month } = bangkokParts(date);
  return toBuddhistYear(month >= 10 ? year + 1 : year);
}

/** The calendar month (Christian era, month 1–12) `index` months into a fiscal year: 0 = the October before it. */
export function fiscalMonthAt(fiscalYear: FiscalYear, index: number): { year: number; month: number } {
  const months = (toChristianYear(fiscalYear) - 1) * 12 + 9 + index; // months since year 0; 9 = October
  return { year: Math.floor(months / 12), month: (months % 12) + 1 };
}

/** Midnight starting 1 October (Bangkok) before the fiscal year, and the last millisecond of 30 September. */
export function fiscalYearRange(fiscalYear: FiscalYear): { start: Date; end: Date } {
  const endYear = toChristianYear(fiscalYear);
  const start = Date.UTC(endYear - 1, 9, 1) - BANGKOK_OFFSET_MS;
  const next = Date.UTC(endYear, 9, 1) - BANGKOK_OFFSET_MS;
  return { start: new Date(start), end: new Date(next - 1) };
}
