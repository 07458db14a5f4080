// The event dispatcher: one switch on `event.type`, one file per event kind; unknown kinds are ignored.
import type { webhook } from '@line/bot-sdk';
import { toArabicDigits } from '../../core/index.ts';
import type { Deps } from '../deps.ts';
import { handleFollow } from './follow.ts';
import { handleJoin } from './join.ts';
import { handleLeave } from './leave.ts';
import { handleMemberJoined } from './member-joined.ts';
import { handleMessage } from './message.ts';
import { handlePostback } from './postback.ts';
import { handleUnfollow } from './unfollow.ts';

/** Someone @mentioned in a text message (LINE's `mention.mentionees`). */
export interface Mentioned {
  /** Absent when the person has not consented to profile access (PLATFORM-NOTES §1.2), and for @All. */
  userId?: string;
  /** The mention as written, e.g. "@สมชาย", folded like command arguments (Arabic digits, single spaces). */
  text: string;
  /** The bot itself. */
  isSelf: boolean;
  /** @All: the whole group. */
  everyone: boolean;
}

/** What a handler gets besides its event. */
export interface EventContext {
  deps: Deps;
  now: Date;
  /** People mentioned in a text message, for commands that act on people (granting roles in a group). */
  mentions?: readonly Mentioned[];
  /** A text message as typed, line breaks kept, for commands whose argument is free text (announcements). */
  messageText?: string;
}

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
  return { mentions, messageText: message.text };
}

export async function handleEvent(ctx: EventContext, event: webhook.Event): Promise<void> {
  // Standby: another channel is the active one for this chat; LINE gives no reply token and we send nothing.
  if (event.mode === 'standby') return;
  switch (event.type) {
    case 'follow':
      return handleFollow(ctx, event);
    case 'join':
      return handleJoin(ctx, event);
    case 'unfollow':
      return handleUnfollow(ctx, event);
    case 'leave':
      return handleLeave(ctx, event);
    case 'memberJoined':
      return handleMemberJoined(ctx, event);
    case 'message':
      return handleMessage({ ...ctx, ...textOf(event) }, event);
    case 'postback':
      return handlePostback(ctx, event);
    default:
      // New event types keep being added to LINE's webhook (PLATFORM-NOTES §1.2): ignore what we do not handle.
      return;
  }
}
