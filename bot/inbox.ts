// The webhook inbox: record events once, handle them after the response, retry what a crash left behind.
import type { webhook } from '@line/bot-sdk';
import type { Db } from '../db/db.ts';
import {
  type ClaimedEvent,
  claimEventsById,
  claimPending,
  recordEvents as insertEvents,
  markEventDone,
  markEventFailed,
  renewEventLease,
} from '../db/queries/webhook-inbox.ts';
import type { Deps } from './deps.ts';
import { handleEvent } from './events/index.ts';

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

/** Records a request's events; returns the ids of those not seen before (duplicates are dropped). */
export async function recordEvents(db: Db, events: readonly EventEnvelope[], now: Date): Promise<number[]> {
  if (events.length === 0) return [];
  const rows = await insertEvents(
    db,
    events.map((e) => ({
      webhookEventId: e.webhookEventId,
      eventType: e.type,
      sourceId: sourceIdOf(e.source),
      payload: e,
    })),
    now,
  );
  return rows.map((r) => r.id);
}

async function handleClaimed(deps: Deps, claimed: ClaimedEvent, now: Date): Promise<void> {
  try {
    // The payload passed the signature check and the envelope schema at the edge; handlers narrow by `type`.
    await handleEvent({ deps, now }, claimed.payload as webhook.Event);
    await markEventDone(deps.db, claimed.id, claimed.leaseToken, now);
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
  }
}

/**
 * Handles one claim's events in order. The claim leases them all for LEASE_MS, but handlers call LINE one
 * event after another, so a long claim renews its lease once half of it is spent: a lease that ran out
 * would let another run (the next cron tick) claim and handle the same events again. An event whose lease
 * was lost anyway is left to whoever holds it now. Returns how many events were handled here.
 */
async function handleInTurn(deps: Deps, claimed: readonly ClaimedEvent[], now: Date): Promise<number> {
  const started = performance.now();
  let renewedAt = started;
  let held = new Set(claimed.map((e) => e.id));
  let handled = 0;
  for (const event of claimed) {
    if (performance.now() - renewedAt >= LEASE_MS / 2) {
      renewedAt = performance.now();
      const at = now.getTime() + (renewedAt - started);
      held = new Set(await renewEventLease(deps.db, event.leaseToken, new Date(at + LEASE_MS)));
    }
    if (!held.has(event.id)) continue;
    await handleClaimed(deps, event, now);
    handled += 1;
  }
  return handled;
}

/** The webhook's after-response work: handle the events just recorded, in order. */
export async function processEvents(deps: Deps, ids: readonly number[]): Promise<void> {
  const now = deps.now();
  const claimed = await claimEventsById(deps.db, ids, now, LEASE_MS);
  await handleInTurn(deps, claimed, now);
}

/**
 * The scheduler's share: events never handled (the process died after recording them), handlers to retry,
 * and rows whose lease ran out. Returns how many events were handled.
 */
export async function processDueEvents(deps: Deps, now: Date, limit = 100): Promise<number> {
  const claimed = await claimPending(deps.db, now, limit, LEASE_MS, { maxAttempts: MAX_ATTEMPTS });
  return handleInTurn(deps, claimed, now);
}
