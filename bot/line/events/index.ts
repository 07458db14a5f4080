// The event dispatcher: one handler per event kind, one file each (the word to a group's newcomers is the groups
// feature's, through the registry); unknown kinds and group chatter are ignored.
import type { webhook } from '@line/bot-sdk';
import { toArabicDigits } from '../../../core/index.ts';
import type { EventContext } from '../chat/context.ts';
import { commandTextOf } from '../chat/mentions.ts';
import { readCommand } from '../chat/read-command.ts';
import { chatFeatures } from '../chat/registry.ts';
import { handleFollow } from './follow.ts';
import { handleJoin } from './join.ts';
import { handleLeave } from './leave.ts';
import { handleMemberLeft } from './member-left.ts';
import { handleMessage } from './message.ts';
import { handlePostback } from './postback.ts';
import { handleUnfollow } from './unfollow.ts';

/** A text message's own text and mentions, each mention with the text it covers. */
function textOf(event: webhook.MessageEvent): Pick<EventContext, 'mentions' | 'messageText'> {
  if (event.message.type !== 'text') return {};
  const message = event.message as webhook.TextMessageContent;
  const mentions = (message.mention?.mentionees ?? []).map((m) => ({
    userId: m.type === 'user' ? m.userId : undefined,
    text: toArabicDigits(message.text.slice(m.index, m.index + m.length))
      .replace(/[\s\u200b]+/g, ' ')
      .trim(),
    isSelf: m.type === 'user' && m.isSelf === true,
    everyone: m.type === 'all',
  }));
  return { mentions, messageText: commandTextOf(message).text };
}

type Handler<E extends webhook.Event> = (ctx: EventContext, event: E) => Promise<void>;

/** The kinds the bot acts on, one handler each. New kinds keep being added to LINE's webhook (PLATFORM-NOTES §1.2). */
const HANDLERS: { [K in webhook.Event['type']]?: Handler<Extract<webhook.Event, { type: K }>> } = {
  follow: handleFollow,
  join: handleJoin,
  unfollow: handleUnfollow,
  leave: handleLeave,
  memberJoined: (ctx, event) => chatFeatures().memberJoined(ctx, event),
  memberLeft: handleMemberLeft,
  message: (ctx, event) => handleMessage({ ...ctx, ...textOf(event) }, event),
  postback: handlePostback,
};

/**
 * Whether an event has anything to do. Not: standby events (another channel is the active one for this chat;
 * LINE gives no reply token and we send nothing), kinds without a handler, and a group's or room's chatter —
 * the bot answers only its own commands there, and chatter is most of a group's traffic. The webhook records
 * those already done, without a handler call (bench/webhook); the envelope is all the edge has checked, so
 * the rest is read defensively.
 */
export function needsHandling(event: webhook.Event): boolean {
  if (event.mode === 'standby' || !Object.hasOwn(HANDLERS, event.type)) return false;
  if (event.type !== 'message' || event.source?.type === 'user') return true;
  const message = event.message as Partial<webhook.TextMessageContent> | undefined;
  return message !== undefined && readCommand(message) !== undefined;
}

export async function handleEvent(ctx: EventContext, event: webhook.Event): Promise<void> {
  if (!needsHandling(event)) return;
  // needsHandling found a handler for this kind; the map's type pairs each kind with its own event type.
  const handler = HANDLERS[event.type] as Handler<webhook.Event>;
  return handler(ctx, event);
}
