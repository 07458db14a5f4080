// Keeping each group's member count fresh: once a day from the scheduler, and at once when the bot joins or
// people join or leave (GET /v2/bot/group/{groupId}/members/count).
import { listStaleMemberCounts, setMemberCount } from '../../db/queries/group-members.ts';
import type { Deps } from '../deps.ts';
import { LineApiError } from './errors.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Groups counted per scheduler tick (each is one LINE call; Workers count subrequests). */
const PER_TICK = 10;

/** Counts one group now; a 404 (the bot is no longer in it) records no count. Never throws. */
export async function refreshMemberCount(
  deps: Deps,
  groupId: string,
  now: Date,
): Promise<number | undefined> {
  try {
    const count = await deps.line.getGroupMemberCount(groupId);
    await setMemberCount(deps.db, groupId, count, now);
    return count;
  } catch (error) {
    if (error instanceof LineApiError && error.status === 404)
      await setMemberCount(deps.db, groupId, null, now);
    else deps.log.warn('group member count not read', { groupId, reason: String(error) });
    return undefined;
  }
}

/** The scheduler's share: groups not counted in the last day, a few per tick. Returns how many were counted. */
export async function refreshStaleMemberCounts(deps: Deps, now: Date): Promise<number> {
  const stale = await listStaleMemberCounts(deps.db, new Date(now.getTime() - DAY_MS), PER_TICK);
  let counted = 0;
  for (const groupId of stale) if ((await refreshMemberCount(deps, groupId, now)) !== undefined) counted += 1;
  return counted;
}
