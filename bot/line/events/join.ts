// join: the account was added to a group or room: note the group (again, after a leave) and say what it does.
import type { webhook } from '@line/bot-sdk';
import { recordGroupJoined } from '../../../db/queries/line-groups.ts';
import type { EventContext } from '../chat/context.ts';
import { respond } from '../respond.ts';
import { buildGroupGreeting } from './welcome.ts';

export async function handleJoin(ctx: EventContext, event: webhook.JoinEvent): Promise<void> {
  if (event.source?.type === 'group') await recordGroupJoined(ctx.deps.db, event.source.groupId, ctx.now);
  await respond(ctx, event, buildGroupGreeting(ctx.deps.accountName));
}
