// LINE's month: the monthly message quota and `/quota/consumption` count from 00:00 on the 1st.

/**
 * The time zone LINE counts the month in: Japan Standard Time (UTC+9, no daylight saving). LINE's Messaging
 * API runs on LINE's servers in Japan and its billing month — the one `GET /v2/bot/message/quota/consumption`
 * calls "the current month" — turns at 00:00 JST on the 1st, which is 22:00 of the last day in Bangkok. LINE
 * does not document the zone for Thai accounts separately, so nothing here trusts the clock alone: a pause is
 * lifted only after LINE's own consumption figure says the new month has room (bot/features/quota/resume.ts).
 */
export const LINE_QUOTA_TIME_ZONE = 'Asia/Tokyo';
const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

/** 'YYYY-MM' of LINE's month at this instant. */
export function lineMonthOf(date: Date): string {
  const shifted = new Date(date.getTime() + JST_OFFSET_MS);
  return `${shifted.getUTCFullYear()}-${String(shifted.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The instant LINE's next month starts (00:00 JST on the 1st). */
export function nextLineMonthStart(date: Date): Date {
  const shifted = new Date(date.getTime() + JST_OFFSET_MS);
  return new Date(Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, 1) - JST_OFFSET_MS);
}

/** The instant LINE's current month started. */
export function lineMonthStart(date: Date): Date {
  const shifted = new Date(date.getTime() + JST_OFFSET_MS);
  return new Date(Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), 1) - JST_OFFSET_MS);
}
