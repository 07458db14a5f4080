// The scheduler's clean-up for complaint intake: abandoned drafts (24 h) go with their photos, and hourly
// limit windows older than an hour are forgotten, so the rate-limit table says little about who filed when.
import { expireConversations } from '../../../db/queries/conversation-state.ts';
import { forgetImageSets } from '../../../db/queries/image-sets.ts';
import type { Deps } from '../../deps.ts';
import { forgetOldLimits } from './limits.ts';

/** Returns how many complaint drafts expired. */
export async function expireComplaintDrafts(deps: Deps, now: Date): Promise<number> {
  const expired = await expireConversations(deps.db, now);
  await forgetOldLimits(deps.db, now);
  await forgetImageSets(deps.db, new Date(now.getTime() - 24 * 60 * 60 * 1000));
  return expired.filter((e) => e.flow === 'complaint').length;
}
