// memberJoined: people were added to a group the bot is in: a short word on what the bot does there.
import type { webhook } from '@line/bot-sdk';
import { findAgencyById } from '../../../db/queries/agencies.ts';
import { findGroup } from '../../../db/queries/line-groups.ts';
import { findProvinceById } from '../../../db/queries/provinces.ts';
import type { EventContext } from '../../line/chat/context.ts';
import { refreshMemberCount } from '../../line/group-members.ts';
import { respond } from '../../line/respond.ts';
import type { GroupTarget } from './messages.ts';
import { buildMemberWelcome } from './messages.ts';

/** The agency (or officers' duty) a group serves, while bound and the bot is still in it. */
async function targetOf(ctx: EventContext, groupId: string): Promise<GroupTarget | undefined> {
  const group = await findGroup(ctx.deps.db, groupId);
  if (group === undefined || group.leftAt !== null || group.kind === null || group.provinceId === null)
    return undefined;
  const agency = group.agencyId === null ? undefined : await findAgencyById(ctx.deps.db, group.agencyId);
  const province = await findProvinceById(ctx.deps.db, group.provinceId);
  return { kind: group.kind, agency, provinceName: province?.nameTh ?? '' };
}

export async function handleMemberJoined(ctx: EventContext, event: webhook.MemberJoinedEvent): Promise<void> {
  const source = event.source;
  if (source?.type !== 'group' && source?.type !== 'room') return;
  const target = source.type === 'group' ? await targetOf(ctx, source.groupId) : undefined;
  await respond(ctx, event, buildMemberWelcome(ctx.deps.accountName, target));
  if (source.type === 'group') await refreshMemberCount(ctx.deps, source.groupId, ctx.now);
}
