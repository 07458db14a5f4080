// Answering an event: a reply while its token is good, otherwise a push through the outbox to the same chat.
import type { webhook } from '@line/bot-sdk';
import { enqueueMessages } from '../../db/queries/outbox.ts';
import type { EventContext } from './chat/context.ts';
import type { LineMessage } from './client.ts';
import { LineApiError } from './errors.ts';
import { takePauseNotice } from './outbox/pause.ts';

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

/** While sending is paused, a coordinator's next (free) reply carries the alert once, if there is room for it. */
async function withPauseNotice(
  ctx: EventContext,
  event: Answerable,
  messages: LineMessage[],
): Promise<LineMessage[]> {
  const userId = event.source !== undefined && 'userId' in event.source ? event.source.userId : undefined;
  if (userId === undefined || messages.length >= 5) return messages;
  const notice = await takePauseNotice(ctx.deps.db, userId, ctx.now);
  return notice === undefined ? messages : [...messages, { type: 'text', text: notice }];
}

/** Whether LINE may have delivered a reply that failed: no answer (time-out, connection reset) or a 5xx. */
function outcomeUnknown(error: unknown): boolean {
  return error instanceof LineApiError && (error.status === 0 || error.status >= 500);
}

/** LINE refused the token (used or expired): nothing went out, so a push is the way to answer. */
function tokenRefused(error: unknown): boolean {
  return error instanceof LineApiError && error.status === 400 && /reply token/i.test(error.body);
}

/**
 * Replies are free and not counted in the monthly quota; a push is the fallback when the event was handled
 * late (retried after a crash) and its token has expired, or LINE refused the token — the user still gets the
 * answer, once: the outbox row's retry key is derived from the event, so a second attempt at the same event
 * cannot enqueue it twice, and the inbox drains the outbox right after the event (`ctx.fallback`), not at the
 * scheduler's next minute.
 *
 * A reply whose outcome is unknown (no answer within the time-out, the connection reset, a 5xx) may have
 * reached the chat — LINE accepted a timed-out reply more than once in practice — so it is never followed by a
 * push of the same answer, and the event is not retried (a retry would find the token used and push).
 */
export async function respond(ctx: EventContext, event: Answerable, messages: LineMessage[]): Promise<void> {
  const fresh = ctx.now.getTime() - event.timestamp < REPLY_TOKEN_TTL_MS;
  if (event.replyToken !== undefined && fresh) {
    try {
      await ctx.deps.line.reply(event.replyToken, await withPauseNotice(ctx, event, messages));
      return;
    } catch (error) {
      if (outcomeUnknown(error)) {
        ctx.deps.log.warn('reply outcome unknown; not pushed again', {
          webhookEventId: event.webhookEventId,
          reason: error instanceof Error ? error.message : String(error),
        });
        return;
      }
      // Anything but a refused token is a real failure for the inbox to retry.
      if (!tokenRefused(error)) throw error;
    }
  }
  const to = chatIdOf(event.source);
  if (to === undefined) return;
  const ids = await enqueueMessages(
    ctx.deps.db,
    [{ kind: 'push', to, messages, retryKey: await retryKeyFor(event.webhookEventId), sourceKind: 'reply' }],
    ctx.now,
  );
  if (ctx.fallback !== undefined) ctx.fallback.pushed += ids.length;
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
