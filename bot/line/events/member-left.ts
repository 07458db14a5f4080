// memberLeft: the group's pushes cost one message less per person gone (the quota counts recipients); LINE
// gives no reply token, so there is nothing to answer.
import type { webhook } from '@line/bot-sdk';
import type { EventContext } from '../chat/context.ts';
import { refreshMemberCount } from '../group-members.ts';

export async function handleMemberLeft(ctx: EventContext, event: webhook.MemberLeftEvent): Promise<void> {
  if (event.source?.type === 'group') await refreshMemberCount(ctx.deps, event.source.groupId, ctx.now);
}
