// What a push to some groups costs in LINE's monthly quota (one message per member), and what remains after it.
import type { Db } from '../../../db/db.ts';
import { listMemberCounts } from '../../../db/queries/group-members.ts';
import type { Deps } from '../../deps.ts';
import { UNCOUNTED_GROUP_MEMBERS } from './budget.ts';

export interface SendCost {
  /** Messages LINE will count: the groups' members (uncounted groups priced at UNCOUNTED_GROUP_MEMBERS). */
  messages: number;
  /** The month's quota left after it; null when the plan has no limit or LINE could not be read. */
  remainingAfter: number | null;
}

export async function groupsCost(db: Db, groupIds: readonly string[]): Promise<number> {
  const members = await listMemberCounts(db);
  return groupIds.reduce((sum, id) => sum + (members.get(id) ?? UNCOUNTED_GROUP_MEMBERS), 0);
}

export async function costOfSend(deps: Deps, groupIds: readonly string[]): Promise<SendCost> {
  const messages = await groupsCost(deps.db, groupIds);
  try {
    const [quota, used] = await Promise.all([
      deps.line.getMessageQuota(),
      deps.line.getMessageQuotaConsumption(),
    ]);
    return { messages, remainingAfter: quota.limit === undefined ? null : quota.limit - used - messages };
  } catch {
    return { messages, remainingAfter: null };
  }
}
