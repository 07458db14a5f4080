// How many messages one scheduler run may send on Workers, from the limits it runs under (README, "Workers needs
// the paid plan"). OUTBOX_MESSAGES_PER_RUN overrides it on either runtime.

/** LINE: push and multicast, 2,000 requests a second per channel
 * (https://developers.line.biz/en/reference/messaging-api/#rate-limits). */
export const LINE_PUSH_PER_SECOND = 2_000;
/** Workers Paid: 10,000 subrequests per invocation (https://developers.cloudflare.com/workers/platform/limits/). */
export const WORKERS_PAID_SUBREQUESTS = 10_000;
/** D1 on Workers Paid: 1,000 queries per invocation (https://developers.cloudflare.com/d1/platform/limits/). */
export const D1_PAID_QUERIES = 1_000;
/** What a run spends besides sending: the tick's own queries stay under 50 (test/bot/features/plan/reminders/d1-queries). */
const RESERVE = 100;
/** The drain stops claiming after 50 s, so a run every minute ends before the next. */
const DRAIN_SECONDS = 50;

/**
 * Each message is one request to LINE (a subrequest) and one write of LINE's answer to D1 (a query), plus a claim
 * per 100 rows: D1's 1,000 queries bind first, at 900 a run — under half a second of LINE's rate, and a tenth of
 * the subrequests (the older paid limit of 1,000 subrequests gives the same figure).
 */
export const WORKERS_MESSAGES_PER_RUN = Math.min(
  LINE_PUSH_PER_SECOND * DRAIN_SECONDS,
  WORKERS_PAID_SUBREQUESTS - RESERVE,
  D1_PAID_QUERIES - RESERVE,
);

/** A Workers invocation holds at most 6 connections open at once (same page as the subrequests). */
export const WORKERS_CONCURRENCY = 6;
