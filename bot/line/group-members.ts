// Keeping each group's member count fresh: once a day from the scheduler, and at once when the bot joins or
// people join or leave (GET /v2/bot/group/{groupId}/members/count).
import { listStaleMemberCounts, setMemberCount, setMemberCounts } from '../../db/queries/group-members.ts';
import type { Deps } from '../deps.ts';
import { LineApiError } from './errors.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Groups counted per scheduler tick (each is one LINE call; Workers count subrequests). */
const PER_TICK = 10;

/**
 * Asks LINE for one group's member count: null when it answers 404 (the bot is no longer in it), undefined (with
 * a warning) on any other failure, to be tried again later. Never throws.
 */
async function askMemberCount(deps: Deps, groupId: string): Promise<number | null | undefined> {
  try {
    return await deps.line.getGroupMemberCount(groupId);
  } catch (error) {
    if (error instanceof LineApiError && error.status === 404) return null;
    deps.log.warn('group member count not read', { groupId, reason: String(error) });
    return undefined;
  }
}

/** Counts one group now; a 404 (the bot is no longer in it) records no count. Never throws. */
export async function refreshMemberCount(
  deps: Deps,
  groupId: string,
  now: Date,
): Promise<number | undefined> {
  const count = await askMemberCount(deps, groupId);
  if (count === undefined) return undefined;
  await setMemberCount(deps.db, groupId, count, now);
  return count ?? undefined;
}

/**
 * The scheduler's share: groups not counted in the last day, a few per tick, asked of LINE one by one and written
 * in one statement (the tick's D1 queries stay few). Returns how many were counted.
 */
export async function refreshStaleMemberCounts(deps: Deps, now: Date): Promise<number> {
  const stale = await listStaleMemberCounts(deps.db, new Date(now.getTime() - DAY_MS), PER_TICK);
  const counts: { groupId: string; count: number | null }[] = [];
  for (const groupId of stale) {
    const count = await askMemberCount(deps, groupId);
    if (count !== undefined) counts.push({ groupId, count });
  }
  await setMemberCounts(deps.db, counts, now);
  return counts.filter((c) => c.count !== null).length;
}
