// Sending again after the monthly quota ran out: by itself once LINE's new month has room, or at once when a
// coordinator presses "ส่งต่อ" in the mini-app or an operator runs `npm run ita -- outbox resume`.
import type { Deps } from '../../deps.ts';
import { readOutboxPause, resumeOutbox } from '../../line/outbox/pause.ts';
import { mergeStaleReminders } from '../plan/catch-up.ts';
import { lineMonthOf } from './line-month.ts';

export interface Resumed {
  resumed: boolean;
  /** Reminders whose day passed during the pause, merged into one catch-up push per group. */
  merged: number;
}

/**
 * Turns sending back on and merges reminders whose day has passed. Nothing queued is dropped: the backlog goes
 * out in the outbox's priority order (complaint updates to citizens, officers' cards, reminders, announcements).
 */
export async function resumeSending(deps: Deps, now: Date, by: string): Promise<Resumed> {
  const resumed = await resumeOutbox(deps.db, { by, now });
  if (!resumed) return { resumed, merged: 0 };
  const merged = await mergeStaleReminders(deps, now);
  deps.log.info('outbox: sending resumed', { by, merged });
  return { resumed, merged };
}

/**
 * The scheduler's check: a quota pause from an earlier LINE month is lifted once LINE itself says this month
 * has room (consumption below the limit), so a guess about LINE's time zone can never resume into a wall.
 */
export async function resumeOnNewMonth(deps: Deps, now: Date): Promise<Resumed | undefined> {
  const pause = await readOutboxPause(deps.db);
  if (pause === undefined || pause.reason !== 'quota' || pause.since === '') return undefined;
  if (lineMonthOf(new Date(pause.since)) === lineMonthOf(now)) return undefined;
  let room: boolean;
  try {
    const [quota, used] = await Promise.all([
      deps.line.getMessageQuota(),
      deps.line.getMessageQuotaConsumption(),
    ]);
    room = quota.limit === undefined || used < quota.limit;
  } catch (error) {
    deps.log.warn('quota not read; the pause stays until the next tick', { reason: String(error) });
    return undefined;
  }
  if (!room) return undefined;
  return resumeSending(deps, now, 'system: new LINE month');
}
