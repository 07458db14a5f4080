// Buddhist era, fiscal year and Thai date formatting, in Asia/Bangkok.
import { describe, expect, it } from 'vitest';
import {
  bangkokParts,
  bangkokTime,
  fiscalYearOf,
  fiscalYearRange,
  formatThaiDate,
  toBuddhistYear,
  toChristianYear,
} from '../../core/index.ts';

describe('eras', () => {
  it('adds 543 for the Buddhist era', () => {
    expect(toBuddhistYear(2024)).toBe(2567);
    expect(toChristianYear(2567)).toBe(2024);
  });
});

describe('fiscalYearOf', () => {
  it.each([
    ['2023-10-01T00:00:00+07:00', 2567],
    ['2023-09-30T23:59:00+07:00', 2566],
    ['2023-09-30T17:00:00Z', 2567],
    ['2023-09-30T16:59:59.999Z', 2566],
    ['2024-09-30T23:59:59+07:00', 2567],
    ['2024-10-01T00:00:00+07:00', 2568],
    ['2024-01-15T12:00:00+07:00', 2567],
  ])('puts %s in FY%s', (iso, year) => {
    expect(fiscalYearOf(new Date(iso))).toBe(year);
  });
});

describe('fiscalYearRange', () => {
  it('runs FY2567 from 1 Oct 2023 to 30 Sep 2024, Bangkok time', () => {
    const { start, end } = fiscalYearRange(2567);
    expect(start.toISOString()).toBe('2023-09-30T17:00:00.000Z');
    expect(end.toISOString()).toBe('2024-09-30T16:59:59.999Z');
    expect(formatThaiDate(start, 'long')).toBe('1 ตุลาคม 2566');
    expect(formatThaiDate(end, 'long')).toBe('30 กันยายน 2567');
    expect(fiscalYearOf(start)).toBe(2567);
    expect(fiscalYearOf(end)).toBe(2567);
  });
});

describe('formatThaiDate', () => {
  const date = new Date('2024-07-01T07:05:00Z');

  it.each([
    ['short', {}, '1 ก.ค. 2567'],
    ['long', {}, '1 กรกฎาคม 2567'],
    ['short', { time: true }, '1 ก.ค. 2567 14:05 น.'],
    ['long', { time: true, thaiDigits: true }, '๑ กรกฎาคม ๒๕๖๗ ๑๔:๐๕ น.'],
    ['short', { thaiDigits: true }, '๑ ก.ค. ๒๕๖๗'],
  ] as const)('writes %s %j', (style, options, text) => {
    expect(formatThaiDate(date, style, options)).toBe(text);
  });

  it('uses the Bangkok date for an instant that is still the previous day in UTC', () => {
    expect(formatThaiDate(new Date('2023-12-31T17:30:00Z'), 'short', { time: true })).toBe(
      '1 ม.ค. 2567 00:30 น.',
    );
  });

  it('refuses an invalid date', () => {
    expect(() => formatThaiDate(new Date('nope'))).toThrow(RangeError);
  });
});

describe('bangkokParts', () => {
  it('gives the Bangkok calendar fields of an instant', () => {
    expect(bangkokParts(new Date('2024-06-30T20:15:00Z'))).toEqual({
      year: 2024,
      month: 7,
      day: 1,
      hour: 3,
      minute: 15,
      weekday: 1,
    });
  });

  it('builds the instant of a Bangkok wall-clock time', () => {
    expect(bangkokTime(2024, 7, 1, 8, 30).toISOString()).toBe('2024-07-01T01:30:00.000Z');
  });
});
