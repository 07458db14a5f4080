// Builds a ChatContext from a message or postback event: the chat, who wrote, and the group's agency.
import type { webhook } from '@line/bot-sdk';
import { findAgencyById } from '../../../db/queries/agencies.ts';
import { findGroup } from '../../../db/queries/line-groups.ts';
import { respond } from '../respond.ts';
import type { ChatContext, EventContext } from './context.ts';
import { resolveWho } from './who.ts';

type ChatEvent = webhook.MessageEvent | webhook.PostbackEvent;

export async function buildChatContext(
  base: EventContext,
  event: ChatEvent,
): Promise<ChatContext | undefined> {
  const source = event.source;
  if (source === undefined) return undefined;
  const chat =
    source.type === 'group'
      ? { kind: 'group' as const, id: source.groupId }
      : source.type === 'room'
        ? { kind: 'room' as const, id: source.roomId }
        : source.type === 'user' && source.userId !== undefined
          ? { kind: 'user' as const, id: source.userId }
          : undefined;
  if (chat === undefined) return undefined;
  const userId = 'userId' in source && typeof source.userId === 'string' ? source.userId : undefined;
  const who = await resolveWho(base.deps.db, userId);
  let group: ChatContext['group'];
  if (chat.kind === 'group') {
    const record = await findGroup(base.deps.db, chat.id);
    if (record !== undefined && record.leftAt === null) {
      const agency =
        record.agencyId === null ? undefined : await findAgencyById(base.deps.db, record.agencyId);
      group = { record, agency };
    }
  }
  let answered = false;
  return {
    ...base,
    chat,
    who,
    group,
    async answer(messages) {
      if (answered) throw new Error('an event is answered once: put every message in one answer');
      answered = true;
      await respond(base, event, messages);
    },
  };
}
