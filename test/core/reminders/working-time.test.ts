// Working days and hours in Bangkok: weekends, the built-in Thai holidays, configured extras, and arithmetic.
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  isIsoDay,
  isWorkingDay,
  isWorkingTime,
  nextWorkingTime,
  THAI_PUBLIC_HOLIDAYS,
  weekdayOf,
} from '../../../core/reminders/index.ts';
import { bkk, SETTINGS, show } from './helpers.ts';

describe('isWorkingDay', () => {
  it.each([
    ['2024-07-02', true, 'a Tuesday'],
    ['2024-07-06', false, 'a Saturday'],
    ['2024-07-07', false, 'a Sunday'],
    ['2024-04-12', false, 'the special holiday before Songkran 2024'],
    ['2024-04-16', false, 'the Songkran substitute day'],
    ['2024-05-01', true, 'Labour Day (government offices work)'],
    ['2024-05-10', false, 'the Royal Ploughing Ceremony'],
    ['2025-06-02', false, 'the special holiday of 2 June 2025'],
    ['2026-06-01', false, 'the Visakha Bucha substitute day of 2026'],
    ['2027-07-20', false, 'the Asarnha Bucha substitute day of 2027'],
  ])('%s is %s (%s)', (day, expected) => {
    expect(isWorkingDay(day, SETTINGS)).toBe(expected);
  });

  it('adds configured holidays and ignores entries that are not days', () => {
    const settings = { ...SETTINGS, extraHolidays: ['2024-07-02', 'next Friday'] };
    expect(isWorkingDay('2024-07-02', settings)).toBe(false);
    expect(isWorkingDay('2024-07-03', settings)).toBe(true);
  });

  it('follows configured working weekdays', () => {
    const sixDays = { ...SETTINGS, workDays: [1, 2, 3, 4, 5, 6] };
    expect(isWorkingDay('2024-07-06', sixDays)).toBe(true);
    expect(isWorkingDay('2024-07-07', sixDays)).toBe(false);
  });
});

describe('nextWorkingTime', () => {
  it.each([
    ['2024-07-02 10:15', '2024-07-02 10:15', 'inside working hours: now'],
    ['2024-07-02 07:00', '2024-07-02 08:30', 'early morning: the same day'],
    ['2024-07-05 16:30', '2024-07-08 08:30', 'Friday at closing time: Monday'],
    ['2024-07-06 11:00', '2024-07-08 08:30', 'Saturday: Monday'],
    ['2024-04-11 17:00', '2024-04-17 08:30', 'the evening before Songkran: after it'],
    ['2023-12-28 18:00', '2024-01-02 08:30', 'the evening before the New Year break'],
  ])('%s → %s (%s)', (at, expected) => {
    expect(show(nextWorkingTime(bkk(at), SETTINGS))).toBe(expected);
  });

  it('treats 16:29:59 as working time and 16:30 as closed', () => {
    expect(isWorkingTime(new Date(bkk('2024-07-02 16:29').getTime() + 59_000), SETTINGS)).toBe(true);
    expect(isWorkingTime(bkk('2024-07-02 16:30'), SETTINGS)).toBe(false);
    expect(show(nextWorkingTime(new Date(bkk('2024-07-02 08:29').getTime() + 30_000), SETTINGS))).toBe(
      '2024-07-02 08:30',
    );
  });

  it('uses configured hours, and the defaults when they make no sense', () => {
    expect(show(nextWorkingTime(bkk('2024-07-02 08:45'), { ...SETTINGS, workStart: '09:00' }))).toBe(
      '2024-07-02 09:00',
    );
    const broken = { ...SETTINGS, workStart: '25:00', workEnd: '07:00' };
    expect(show(nextWorkingTime(bkk('2024-07-02 08:00'), broken))).toBe('2024-07-02 08:30');
  });
});

describe('addWorkingDays', () => {
  it.each([
    ['2024-07-01', 2, '2024-07-03'],
    ['2024-07-05', 1, '2024-07-08'],
    ['2024-04-11', 1, '2024-04-17'],
    ['2024-04-13', 1, '2024-04-17'],
    ['2024-04-17', -1, '2024-04-11'],
    ['2024-07-01', 0, '2024-07-01'],
    ['2023-12-28', 2, '2024-01-03'],
  ])('%s + %i working days = %s', (day, n, expected) => {
    expect(addWorkingDays(day, n, SETTINGS)).toBe(expected);
  });
});

describe('THAI_PUBLIC_HOLIDAYS', () => {
  const days = THAI_PUBLIC_HOLIDAYS.map((h) => h.date);

  it('lists real days in order, each once, from FY2567 to the end of 2027', () => {
    expect(days.every(isIsoDay)).toBe(true);
    expect([...days].sort()).toEqual(days);
    expect(new Set(days).size).toBe(days.length);
    expect(days[0]).toBe('2023-10-13');
    expect(days.at(-1)).toBe('2027-12-31');
  });

  it('puts every substitute day on a weekday', () => {
    const substitutes = THAI_PUBLIC_HOLIDAYS.filter((h) => h.name.startsWith('ชดเชย'));
    expect(substitutes.length).toBeGreaterThan(10);
    for (const h of substitutes) expect([1, 2, 3, 4, 5], h.date).toContain(weekdayOf(h.date));
  });

  it('has Songkran, New Year and the King’s birthday every year', () => {
    for (const year of [2024, 2025, 2026, 2027]) {
      for (const day of ['01-01', '04-13', '04-14', '04-15', '07-28'])
        expect(days).toContain(`${year}-${day}`);
    }
  });
});
