// join: the account was added to a group or room: note the group (again, after a leave) and say what it does.
import type { webhook } from '@line/bot-sdk';
import { recordGroupJoined } from '../../../db/queries/line-groups.ts';
import type { EventContext } from '../chat/context.ts';
import { refreshMemberCount } from '../group-members.ts';
import { respond } from '../respond.ts';
import { buildGroupGreeting } from './welcome.ts';

export async function handleJoin(ctx: EventContext, event: webhook.JoinEvent): Promise<void> {
  if (event.source?.type === 'group') await recordGroupJoined(ctx.deps.db, event.source.groupId, ctx.now);
  await respond(ctx, event, buildGroupGreeting(ctx.deps.accountName));
  // What a push into the group will cost (one message per member), counted now rather than at tomorrow's round.
  if (event.source?.type === 'group') await refreshMemberCount(ctx.deps, event.source.groupId, ctx.now);
}
