// Answering an event: a reply while its token is good, otherwise a push through the outbox to the same chat.
import type { webhook } from '@line/bot-sdk';
import { enqueueMessages } from '../../db/queries/outbox.ts';
import type { EventContext } from './chat/context.ts';
import type { LineMessage } from './client.ts';
import { LineApiError } from './errors.ts';

/** Reply tokens are good for about a minute (PLATFORM-NOTES §1.4); older events go straight to a push. */
const REPLY_TOKEN_TTL_MS = 50_000;

/** The chat an event came from: a group, a room or a user. */
function chatIdOf(source: webhook.Source | undefined): string | undefined {
  if (source === undefined) return undefined;
  switch (source.type) {
    case 'group':
      return source.groupId;
    case 'room':
      return source.roomId;
    case 'user':
      return source.userId;
    default:
      return undefined;
  }
}

interface Answerable {
  replyToken?: string;
  source?: webhook.Source;
  timestamp: number;
  webhookEventId: string;
}

/**
 * Replies are free and not counted in the monthly quota; a push is the fallback when the event was handled
 * late (retried after a crash) and its token has expired — the user still gets the answer, once: the outbox
 * row's retry key is derived from the event, so a second attempt at the same event cannot enqueue it twice.
 */
export async function respond(ctx: EventContext, event: Answerable, messages: LineMessage[]): Promise<void> {
  const fresh = ctx.now.getTime() - event.timestamp < REPLY_TOKEN_TTL_MS;
  if (event.replyToken !== undefined && fresh) {
    try {
      await ctx.deps.line.reply(event.replyToken, messages);
      return;
    } catch (error) {
      // 400 "Invalid reply token": used or expired; anything else is a real failure for the inbox to retry.
      if (!(error instanceof LineApiError && error.status === 400 && /reply token/i.test(error.body)))
        throw error;
    }
  }
  const to = chatIdOf(event.source);
  if (to === undefined) return;
  await enqueueMessages(
    ctx.deps.db,
    [{ kind: 'push', to, messages, retryKey: await retryKeyFor(event.webhookEventId), sourceKind: 'reply' }],
    ctx.now,
  );
}

/** A UUID-shaped key derived from the event id, so re-handling an event reuses the same outbox row. */
async function retryKeyFor(webhookEventId: string): Promise<string> {
  const digest = new Uint8Array(
    await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`reply:${webhookEventId}`)),
  );
  const hex = [...digest.slice(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('');
  // Version 4 / variant bits set, so LINE's UUID check accepts it.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((Number.parseInt(hex[16] ?? '0', 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
