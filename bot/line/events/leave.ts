// leave: the bot was removed from a group: nothing is sent there any more (the binding is kept for a return).
import type { webhook } from '@line/bot-sdk';
import { markGroupLeft } from '../../../db/queries/line-groups.ts';
import type { EventContext } from '../chat/context.ts';

export async function handleLeave(ctx: EventContext, event: webhook.LeaveEvent): Promise<void> {
  // Rooms are never bound, so only groups have a record to mark; LINE gives no reply token here.
  if (event.source?.type !== 'group') return;
  const known = await markGroupLeft(ctx.deps.db, event.source.groupId, ctx.now);
  if (known) ctx.deps.log.info('removed from a group', { groupId: event.source.groupId });
}
