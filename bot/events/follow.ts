// follow: a user added the account as a friend (or unblocked it): greet them.
import type { webhook } from '@line/bot-sdk';
import { buildWelcome } from '../messages/welcome.ts';
import { respond } from '../respond.ts';
import type { EventContext } from './index.ts';

export async function handleFollow(ctx: EventContext, event: webhook.FollowEvent): Promise<void> {
  await respond(ctx, event, buildWelcome(ctx.deps.accountName));
}
