// unfollow: a user blocked the account. Pushes to them would fail, so the senders that check (the coordinators'
// digest) skip them until they follow again.
import type { webhook } from '@line/bot-sdk';
import { setFollowing } from '../../../db/queries/line-users.ts';
import type { EventContext } from '../chat/context.ts';

export async function handleUnfollow(ctx: EventContext, event: webhook.UnfollowEvent): Promise<void> {
  const userId = event.source?.type === 'user' ? event.source.userId : undefined;
  if (userId !== undefined) await setFollowing(ctx.deps.db, userId, false, ctx.now);
}
