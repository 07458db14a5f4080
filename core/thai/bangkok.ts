// Calendar fields of an instant in Asia/Bangkok, whatever the machine's time zone.

/** Bangkok is UTC+7 all year: Thailand has no daylight saving time, so a fixed offset is exact. */
export const BANGKOK_OFFSET_MS = 7 * 60 * 60 * 1000;

export interface BangkokParts {
  /** Christian-era year. */
  year: number;
  /** 1–12. */
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

/** Throws RangeError on an invalid Date, as Date#toISOString does: a caller bug, not user input. */
export function bangkokParts(date: Date): BangkokParts {
  const time = date.getTime();
  if (Number.isNaN(time)) throw new RangeError('Invalid Date');
  const shifted = new Date(time + BANGKOK_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    weekday: shifted.getUTCDay(),
  };
}

/** The instant of a Bangkok wall-clock time (month 1–12), e.g. for building deadlines. */
export function bangkokTime(year: number, month: number, day: number, hour = 0, minute = 0): Date {
  return new Date(Date.UTC(year, month - 1, day, hour, minute) - BANGKOK_OFFSET_MS);
}
