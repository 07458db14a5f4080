// The webhook inbox: record events once, handle them after the response, retry what a crash left behind.
import type { webhook } from '@line/bot-sdk';
import type { Db } from '../../db/db.ts';
import {
  type ClaimedEvent,
  claimPending,
  type InboxEvent,
  recordEvents as insertEvents,
  markEventFailed,
  renewEventLease,
} from '../../db/queries/webhook-inbox.ts';
import type { Deps } from '../deps.ts';
import { handleEvent, needsHandling } from './events/index.ts';
import { createInboxWriter, markEventsDone } from './inbox-writer.ts';
import { drainOutbox } from './outbox/drain.ts';

/** A claimed event may be handled this long before another worker may take it over. */
const LEASE_MS = 60_000;
/** Retry a failing handler after 1, 2, 4, 8 min; the 5th failure parks the event with its error. */
const MAX_ATTEMPTS = 5;
const retryDelayMs = (attempts: number) => 60_000 * 2 ** Math.max(0, attempts - 1);

interface EventEnvelope {
  type: string;
  webhookEventId: string;
  source?: unknown;
}

function sourceIdOf(source: unknown): string | null {
  if (typeof source !== 'object' || source === null) return null;
  const s = source as Record<string, unknown>;
  const id = s.groupId ?? s.roomId ?? s.userId;
  return typeof id === 'string' ? id : null;
}

function toInboxEvent(e: EventEnvelope): InboxEvent {
  return { webhookEventId: e.webhookEventId, eventType: e.type, sourceId: sourceIdOf(e.source), payload: e };
}

/** The webhook's view: an event with nothing to do is recorded done, never handed to a handler. */
function toReceivedEvent(e: EventEnvelope): InboxEvent {
  // The envelope passed the schema at the edge; the predicate reads the rest defensively.
  return needsHandling(e as webhook.Event) ? toInboxEvent(e) : { ...toInboxEvent(e), ignored: true };
}

/**
 * Records events unclaimed, for the scheduler to handle (tests use it for a crash right after recording);
 * returns the ids of those not seen before.
 */
export async function recordEvents(db: Db, events: readonly EventEnvelope[], now: Date): Promise<number[]> {
  if (events.length === 0) return [];
  const rows = await insertEvents(db, events.map(toInboxEvent), now);
  return rows.map((r) => r.id);
}

/** Marks handled events done: at once for the scheduler, in the webhook's next commit for the webhook. */
type MarkDone = (events: readonly ClaimedEvent[], now: Date) => Promise<unknown>;

/** Pushes queued by answers whose reply token LINE refused: at most this many go out right after the event. */
const FALLBACK_DRAIN = { maxMessages: 20, maxMs: 10_000 };

/**
 * Runs the event's handler; a failure is recorded (retry or park). Returns whether the handler succeeded. An
 * answer that fell back to a push (refused or expired reply token) is sent at once, not at the next minute.
 */
async function runHandler(deps: Deps, claimed: ClaimedEvent, now: Date): Promise<boolean> {
  try {
    const fallback = { pushed: 0 };
    // The payload passed the signature check and the envelope schema at the edge; handlers narrow by `type`.
    await handleEvent({ deps, now, fallback }, claimed.payload as webhook.Event);
    if (fallback.pushed > 0) await drainFallback(deps, now);
    return true;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const state = await markEventFailed(deps.db, {
      id: claimed.id,
      leaseToken: claimed.leaseToken,
      error: message.slice(0, 2000),
      retryAt: new Date(now.getTime() + retryDelayMs(claimed.attempts)),
      maxAttempts: MAX_ATTEMPTS,
    });
    const log = state === 'parked' ? deps.log.error : deps.log.warn;
    const outcome =
      state === 'parked'
        ? 'parked'
        : state === undefined
          ? 'failed after its lease was taken over'
          : 'will be retried';
    log(`webhook event ${outcome}`, {
      webhookEventId: claimed.webhookEventId,
      type: claimed.eventType,
      attempts: claimed.attempts,
      error: message,
    });
    return false;
  }
}

async function drainFallback(deps: Deps, now: Date): Promise<void> {
  try {
    await drainOutbox(deps, now, FALLBACK_DRAIN);
  } catch (error) {
    // The rows stay queued: the scheduler's drain sends them.
    deps.log.warn('outbox not drained after an event', { reason: String(error) });
  }
}

/**
 * Handles one claim's events in order. The claim leases them all for LEASE_MS, but handlers call LINE one
 * event after another, so a long claim renews its lease once half of it is spent: a lease that ran out
 * would let another run (the next cron tick) claim and handle the same events again. An event whose lease
 * was lost anyway is left to whoever holds it now. Handled events are marked done together, at the end and
 * before each renewal, not one write each. Returns how many events were handled here.
 */
async function handleInTurn(
  deps: Deps,
  claimed: readonly ClaimedEvent[],
  now: Date,
  markDone: MarkDone,
): Promise<number> {
  const started = performance.now();
  let renewedAt = started;
  let held: Set<number> | undefined; // every event, until a renewal says otherwise
  const done: ClaimedEvent[] = [];
  const marks: Promise<unknown>[] = [];
  const markHandled = () => {
    if (done.length === 0) return;
    const events = done.splice(0);
    // Caught at once: a rejection left for the final await would be an unhandled one meanwhile.
    const mark = markDone(events, now).catch((error: unknown) =>
      deps.log.error('webhook events handled but not marked done; they are handled again after the lease', {
        webhookEventIds: events.map((e) => e.webhookEventId),
        error: String(error),
      }),
    );
    marks.push(mark);
  };
  let handled = 0;
  for (const event of claimed) {
    if (performance.now() - renewedAt >= LEASE_MS / 2) {
      markHandled();
      renewedAt = performance.now();
      const at = now.getTime() + (renewedAt - started);
      held = new Set(await renewEventLease(deps.db, event.leaseToken, new Date(at + LEASE_MS)));
    }
    if (held !== undefined && !held.has(event.id)) continue;
    handled += 1;
    if (await runHandler(deps, event, now)) done.push(event);
  }
  markHandled();
  await Promise.all(marks);
  return handled;
}

export interface WebhookInbox {
  /**
   * Records a request's events, already claimed; resolves once they are committed, with how many were new
   * and the work of handling those (in order), for the caller to run after its response.
   */
  accept(
    events: readonly EventEnvelope[],
    now: Date,
  ): Promise<{ fresh: number; handling?: Promise<unknown> }>;
}

/**
 * Resolves on a later turn of the event loop. SQLite queries run synchronously inside promise callbacks, so a
 * handler started in this turn would do its first reads before the 200 is written (for every request of a
 * group commit at once); on D1 every query is I/O and the wait costs nothing.
 */
const afterThisTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The webhook's side of the inbox: record and claim in one write, handle right after the answer. */
export function createWebhookInbox(deps: Deps): WebhookInbox {
  const writer = createInboxWriter(deps.db, LEASE_MS);
  const markDone: MarkDone = (events, now) => writer.markDone(events, now);
  return {
    async accept(events, now) {
      const { claimed, fresh } = await writer.record(events.map(toReceivedEvent), now);
      if (claimed.length === 0) return { fresh };
      const handling = afterThisTurn().then(() => handleInTurn(deps, claimed, now, markDone));
      return { fresh, handling };
    },
  };
}

/**
 * The scheduler's share: events never handled (the process died after recording them), handlers to retry,
 * and rows whose lease ran out. Returns how many events were handled.
 */
export async function processDueEvents(deps: Deps, now: Date, limit = 100): Promise<number> {
  const claimed = await claimPending(deps.db, now, limit, LEASE_MS, { maxAttempts: MAX_ATTEMPTS });
  return handleInTurn(deps, claimed, now, (events, at) => markEventsDone(deps.db, events, at));
}
