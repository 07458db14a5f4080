// follow: a user added the account as a friend (or unblocked it): mark them following again, and greet them.
import type { webhook } from '@line/bot-sdk';
import { setFollowing } from '../../../db/queries/line-users.ts';
import type { EventContext } from '../chat/context.ts';
import { respond } from '../respond.ts';
import { buildWelcome } from './welcome.ts';

export async function handleFollow(ctx: EventContext, event: webhook.FollowEvent): Promise<void> {
  const userId = event.source?.type === 'user' ? event.source.userId : undefined;
  if (userId !== undefined) await setFollowing(ctx.deps.db, userId, true, ctx.now);
  await respond(ctx, event, buildWelcome(ctx.deps.accountName));
}
