// Hourly limits on complaints: new complaints per reporter, wrong tracking codes per user. Keys carry the
// keyed reporter hash, never a LINE user id, and old windows are swept with the drafts (expire.ts).
import type { Db } from '../../../db/db.ts';
import { deleteRateLimitsBefore, findRateLimitCount, hitRateLimit } from '../../../db/queries/rate-limits.ts';

export type LimitKind = 'complaint-new' | 'complaint-wrong-code';

/** The UTC hour a hit counts in: '2026-06-10T03'. */
export function hourBucket(now: Date): string {
  return now.toISOString().slice(0, 13);
}

/** When the current window ends: the next whole hour. */
export function nextHour(now: Date): Date {
  const next = new Date(now.getTime());
  next.setUTCMinutes(0, 0, 0);
  next.setUTCHours(next.getUTCHours() + 1);
  return next;
}

const keyOf = (kind: LimitKind, reporterHash: string) => `${kind}:${reporterHash}`;

/** Hits so far in this hour, without counting one (to refuse before someone types a whole complaint). */
export async function peekLimit(db: Db, kind: LimitKind, reporterHash: string, now: Date): Promise<number> {
  return findRateLimitCount(db, keyOf(kind, reporterHash), hourBucket(now));
}

/** Counts one hit and says whether it is still within `limit`. */
export async function takeLimit(
  db: Db,
  kind: LimitKind,
  reporterHash: string,
  limit: number,
  now: Date,
): Promise<boolean> {
  return (await hitRateLimit(db, keyOf(kind, reporterHash), hourBucket(now))) <= limit;
}

/** Deletes this module's windows before the current hour (other features keep their own windows). */
export async function forgetOldLimits(db: Db, now: Date): Promise<number> {
  return deleteRateLimitsBefore(db, hourBucket(now), [
    keyOf('complaint-new', ''),
    keyOf('complaint-wrong-code', ''),
    'complaint-province:',
  ]);
}
