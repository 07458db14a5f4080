// Queries on `webhook_inbox`: webhook events recorded once by webhookEventId, then claimed, done or parked.
import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Db } from '../db.ts';
import { newToken } from '../db.ts';
import { iso, isoPlus, jsonInsert, parseJson } from '../json.ts';
import type { InboxState, WebhookInboxTable } from '../schema.ts';
import { buildMarkEventsDone, type InboxEvent } from './webhook-inbox-claimed.ts';

// Declared with the hot path's statements, which need it too; every caller reads it from here.
export type { InboxEvent } from './webhook-inbox-claimed.ts';

export interface ClaimedEvent extends InboxEvent {
  id: number;
  /** Attempts so far, this one included. */
  attempts: number;
  /** Proof of the claim: markEventDone / markEventFailed match on it. */
  leaseToken: string;
  receivedAt: string;
}

export interface ClaimOptions {
  /** A claimed row whose lease ran out this many times (its worker kept dying) is parked, not retried. */
  maxAttempts?: number;
}

const DEFAULT_MAX_ATTEMPTS = 5;

function toClaimed(row: Selectable<WebhookInboxTable>): ClaimedEvent {
  return {
    id: row.id,
    webhookEventId: row.webhook_event_id,
    eventType: row.event_type,
    sourceId: row.source_id,
    payload: parseJson(row.payload),
    attempts: row.attempts,
    leaseToken: row.lease_token ?? '',
    receivedAt: row.received_at,
  };
}

/**
 * Records the events of one webhook request in one statement; a webhookEventId already on record (a
 * redelivery) is dropped by the UNIQUE constraint. Returns the rows inserted now, in input order.
 */
export async function recordEvents(
  db: Db,
  events: readonly InboxEvent[],
  now: Date,
): Promise<{ id: number; webhookEventId: string }[]> {
  const rows = events.map((e) => ({
    webhook_event_id: e.webhookEventId,
    event_type: e.eventType,
    source_id: e.sourceId,
    payload: JSON.stringify(e.payload),
    received_at: iso(now),
    next_attempt_at: iso(now),
  }));
  const results = await db.batch(
    jsonInsert<'webhook_inbox', { id: number; webhook_event_id: string }>(db, 'webhook_inbox', rows, {
      onConflict: sql`ON CONFLICT (webhook_event_id) DO NOTHING`,
      returning: ['id', 'webhook_event_id'],
    }),
  );
  return results
    .flatMap((r) => r.rows)
    .sort((a, b) => a.id - b.id)
    .map((r) => ({ id: r.id, webhookEventId: r.webhook_event_id }));
}

/**
 * Claims up to `limit` due events in one UPDATE … RETURNING, so two concurrent callers can never both get a
 * row. Due: pending and past next_attempt_at, or processing with an expired lease (its worker died). Events
 * of a source that has one in flight wait, so one user's messages are handled in order.
 */
export async function claimPending(
  db: Db,
  now: Date,
  limit: number,
  leaseMs: number,
  options: ClaimOptions = {},
): Promise<ClaimedEvent[]> {
  const at = iso(now);
  const token = newToken();
  const park = db.kysely
    .updateTable('webhook_inbox')
    .set({ state: 'parked', last_error: sql`coalesce(last_error, 'lease expired')`, lease_token: null })
    .where('state', '=', 'processing')
    .where('locked_until', '<=', at)
    .where('attempts', '>=', options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
  const claim = db.kysely
    .updateTable('webhook_inbox')
    .set((eb) => ({
      state: 'processing',
      lease_token: token,
      locked_until: isoPlus(now, leaseMs),
      attempts: eb('attempts', '+', 1),
    }))
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('webhook_inbox as w')
        .select('w.id')
        .where((w) =>
          w.or([
            w.and([w('w.state', '=', 'pending'), w('w.next_attempt_at', '<=', at)]),
            w.and([w('w.state', '=', 'processing'), w('w.locked_until', '<=', at)]),
          ]),
        )
        .where(sql<boolean>`NOT EXISTS (SELECT 1 FROM webhook_inbox b WHERE b.source_id = w.source_id
          AND b.state = 'processing' AND b.locked_until > ${at})`)
        .orderBy('w.id')
        .limit(limit),
    )
    .returningAll();
  const [, claimed] = await db.batch([park, claim]);
  return claimed.rows.map(toClaimed).sort((a, b) => a.id - b.id);
}

/**
 * Extends the lease of every row a claim still holds (one claim, one token) to `until`; returns their ids.
 * A row missing from the answer was taken over after its lease ran out and must not be handled here.
 */
export async function renewEventLease(db: Db, leaseToken: string, until: Date): Promise<number[]> {
  const rows = await db.kysely
    .updateTable('webhook_inbox')
    .set({ locked_until: iso(until) })
    .where('state', '=', 'processing')
    .where('lease_token', '=', leaseToken)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * The handler finished; false when the lease was lost (another worker took the row over). The same statement
 * as the webhook's and the scheduler's done marks (buildMarkEventsDone), which erase a handled event's content
 * (docs/threat-model.md).
 */
export async function markEventDone(db: Db, id: number, leaseToken: string, now: Date): Promise<boolean> {
  const [result] = await db.batch([buildMarkEventsDone([id], leaseToken, now)]);
  return result.numAffectedRows > 0;
}

/**
 * The handler threw: back to pending for `retryAt`, or parked with the error once `maxAttempts` attempts
 * are used. Returns the new state, or undefined when the lease was lost.
 */
export async function markEventFailed(
  db: Db,
  failure: { id: number; leaseToken: string; error: string; retryAt: Date; maxAttempts?: number },
): Promise<InboxState | undefined> {
  const max = failure.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const row = await db.kysely
    .updateTable('webhook_inbox')
    .set(() => ({
      state: sql<InboxState>`CASE WHEN attempts >= ${max} THEN 'parked' ELSE 'pending' END`,
      next_attempt_at: iso(failure.retryAt),
      last_error: failure.error,
      lease_token: null,
      locked_until: null,
    }))
    .where('id', '=', failure.id)
    .where('state', '=', 'processing')
    .where('lease_token', '=', failure.leaseToken)
    .returning('state')
    .executeTakeFirst();
  return row?.state;
}

/** Rows per state: what bench/webhook.ts and the tests check (no health check or alert reads it yet). */
export async function countInboxByState(db: Db): Promise<Record<InboxState, number>> {
  const rows = await db.kysely
    .selectFrom('webhook_inbox')
    .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('state')
    .execute();
  const counts: Record<InboxState, number> = { pending: 0, processing: 0, done: 0, parked: 0 };
  for (const r of rows) counts[r.state] = Number(r.n);
  return counts;
}

/** Forgets handled events received before `before` (after LINE's redelivery window has passed). */
export async function deleteDoneEvents(db: Db, before: Date): Promise<number> {
  const result = await db.kysely
    .deleteFrom('webhook_inbox')
    .where('state', '=', 'done')
    .where('received_at', '<', iso(before))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
