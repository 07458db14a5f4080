// Queries on `outbox`: messages to push or multicast, each with its own retry key, claimed under a lease.
import type { CompiledQuery, RawBuilder, Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Db } from '../db.ts';
import { newToken } from '../db.ts';
import { iso, isoPlus, jsonInsert, parseJson, parseStringArray } from '../json.ts';
import type { OutboxState, OutboxTable } from '../schema.ts';

export type Recipient = { kind: 'push'; to: string } | { kind: 'multicast'; to: readonly string[] };

export type OutboxMessage = Recipient & {
  /** LINE message objects (1–5), sent as given. */
  messages: readonly unknown[];
  /** X-Line-Retry-Key; a fresh UUID when not given. */
  retryKey?: string;
  sourceKind?: string | null;
  sourceId?: string | null;
  /** Not sent before this time (default: now). */
  notBefore?: Date;
};

export type ClaimedMessage = Recipient & {
  id: number;
  messages: unknown;
  retryKey: string;
  sourceKind: string | null;
  sourceId: string | null;
  /** Attempts so far, this one included. */
  attempts: number;
  leaseToken: string;
};

export interface SendOutcome {
  id: number;
  leaseToken: string;
  /** HTTP status LINE answered (absent on a time-out). */
  status?: number | null;
  requestId?: string | null;
  error?: string | null;
}

const DEFAULT_MAX_ATTEMPTS = 8;

/**
 * The order rows are claimed in, most urgent first — what matters when sending resumes after the monthly quota
 * ran out and a backlog waits: complaint updates to citizens (and answers that fell back to a push), then
 * officers' cards and complaint deadlines, then reminders and digests, then announcements.
 */
export const OUTBOX_PRIORITY = { citizen: 1, officers: 2, reminders: 3, announcements: 4, other: 5 } as const;

/** A row's priority from what it is about and where it goes (a `U…` recipient is a person in 1:1 chat). */
export function priorityOf(sourceKind: string | null | undefined, recipient: string): number {
  switch (sourceKind) {
    case 'reply':
      return OUTBOX_PRIORITY.citizen;
    case 'complaint':
      return recipient.startsWith('U') ? OUTBOX_PRIORITY.citizen : OUTBOX_PRIORITY.officers;
    case 'complaint_sla':
    case 'complaint_retention':
      return OUTBOX_PRIORITY.officers;
    case 'reminder':
    case 'digest':
    case 'survey_nudge':
    case 'quota':
      return OUTBOX_PRIORITY.reminders;
    case 'broadcast':
      return OUTBOX_PRIORITY.announcements;
    default:
      return OUTBOX_PRIORITY.other;
  }
}

function toClaimed(row: Selectable<OutboxTable>): ClaimedMessage {
  const recipient: Recipient =
    row.kind === 'push'
      ? { kind: 'push', to: row.recipient }
      : { kind: 'multicast', to: parseStringArray(row.recipient) };
  return {
    ...recipient,
    id: row.id,
    messages: parseJson(row.messages),
    retryKey: row.retry_key,
    sourceKind: row.source_kind,
    sourceId: row.source_id,
    attempts: row.attempts,
    leaseToken: row.lease_token ?? '',
  };
}

/**
 * The INSERT statements for `messages`, to put in a batch with other writes. `where` guards every row (e.g.
 * "the broadcast is still a draft"); a retry key already on record is skipped. RETURNING id, retry_key.
 */
export function buildEnqueue(
  db: Db,
  messages: readonly OutboxMessage[],
  now: Date,
  where?: RawBuilder<unknown>,
): CompiledQuery<{ id: number; retry_key: string }>[] {
  const rows = messages.map((m) => ({
    kind: m.kind,
    recipient: m.kind === 'push' ? m.to : JSON.stringify(m.to),
    messages: JSON.stringify(m.messages),
    retry_key: m.retryKey ?? newToken(),
    source_kind: m.sourceKind ?? null,
    source_id: m.sourceId ?? null,
    next_attempt_at: iso(m.notBefore ?? now),
    created_at: iso(now),
    priority: priorityOf(m.sourceKind, m.kind === 'push' ? m.to : ''),
  }));
  return jsonInsert(db, 'outbox', rows, {
    where,
    onConflict: sql`ON CONFLICT (retry_key) DO NOTHING`,
    returning: ['id', 'retry_key'],
  });
}

/** Enqueues many messages atomically; returns the ids inserted. */
export async function enqueueMessages(
  db: Db,
  messages: readonly OutboxMessage[],
  now: Date,
): Promise<number[]> {
  const results = await db.batch(buildEnqueue(db, messages, now));
  return results.flatMap((r) => r.rows.map((row) => row.id)).sort((a, b) => a - b);
}

/**
 * Claims up to `limit` due messages in one UPDATE … RETURNING, so two drains never get the same row. Due:
 * pending and past next_attempt_at, or sending with an expired lease (a drain died mid-send: it is sent
 * again with the same retry key, and LINE answers 409 if the first one got through). A row whose lease ran
 * out `maxAttempts` times is failed instead.
 */
export async function claimDue(
  db: Db,
  now: Date,
  limit: number,
  leaseMs: number,
  options: { maxAttempts?: number } = {},
): Promise<ClaimedMessage[]> {
  const at = iso(now);
  const token = newToken();
  const fail = db.kysely
    .updateTable('outbox')
    .set({ state: 'failed', last_error: sql`coalesce(last_error, 'lease expired')`, lease_token: null })
    .where('state', '=', 'sending')
    .where('locked_until', '<=', at)
    .where('attempts', '>=', options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
  const claim = db.kysely
    .updateTable('outbox')
    .set((eb) => ({
      state: 'sending',
      lease_token: token,
      locked_until: isoPlus(now, leaseMs),
      attempts: eb('attempts', '+', 1),
    }))
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('outbox as o')
        .select('o.id')
        .where((o) =>
          o.or([
            o.and([o('o.state', '=', 'pending'), o('o.next_attempt_at', '<=', at)]),
            o.and([o('o.state', '=', 'sending'), o('o.locked_until', '<=', at)]),
          ]),
        )
        .orderBy('o.priority')
        .orderBy('o.next_attempt_at')
        .orderBy('o.id')
        .limit(limit),
    )
    .returningAll();
  const [, claimed] = await db.batch([fail, claim]);
  return claimed.rows.sort((a, b) => a.priority - b.priority || a.id - b.id).map(toClaimed);
}

function finish(db: Db, outcome: SendOutcome) {
  return db.kysely
    .updateTable('outbox')
    .set({
      last_status: outcome.status ?? null,
      request_id: outcome.requestId ?? null,
      last_error: outcome.error ?? null,
      lease_token: null,
      locked_until: null,
    })
    .where('id', '=', outcome.id)
    .where('state', '=', 'sending')
    .where('lease_token', '=', outcome.leaseToken);
}

/** LINE accepted it (2xx, or 409: this retry key was already accepted). False when the lease was lost. */
export async function markSent(db: Db, outcome: SendOutcome, now: Date): Promise<boolean> {
  const result = await finish(db, outcome)
    .set({ state: 'sent', sent_at: iso(now) })
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** 5xx, a time-out, or sending paused: try again at `nextAttemptAt` with the same retry key. */
export async function markRetry(db: Db, outcome: SendOutcome & { nextAttemptAt: Date }): Promise<boolean> {
  const next = { state: 'pending' as const, next_attempt_at: iso(outcome.nextAttemptAt) };
  const result = await finish(db, outcome).set(next).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** A 4xx other than 409/429: it will never go through. */
export async function markFailed(db: Db, outcome: SendOutcome): Promise<boolean> {
  const result = await finish(db, outcome).set({ state: 'failed' }).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Rows per state, of everything or of one source (a broadcast's delivery report). */
export async function countOutboxByState(
  db: Db,
  source?: { kind: string; id: string },
): Promise<Record<OutboxState, number>> {
  let query = db.kysely.selectFrom('outbox').select(['state', (eb) => eb.fn.countAll<number>().as('n')]);
  if (source) query = query.where('source_kind', '=', source.kind).where('source_id', '=', source.id);
  const rows = await query.groupBy('state').execute();
  const counts: Record<OutboxState, number> = { pending: 0, sending: 0, sent: 0, failed: 0 };
  for (const r of rows) counts[r.state] = Number(r.n);
  return counts;
}

/** Rows per source kind and state, e.g. { reminder: { sent: 40, failed: 1, … } } (no view reads it yet). */
export async function countOutboxBySource(db: Db): Promise<Record<string, Record<OutboxState, number>>> {
  const rows = await db.kysely
    .selectFrom('outbox')
    .select(['source_kind', 'state', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['source_kind', 'state'])
    .execute();
  const counts: Record<string, Record<OutboxState, number>> = {};
  for (const r of rows) {
    const kind = r.source_kind ?? 'other';
    const forKind = counts[kind] ?? { pending: 0, sending: 0, sent: 0, failed: 0 };
    forKind[r.state] += Number(r.n);
    counts[kind] = forKind;
  }
  return counts;
}

/** One row of a source's messages, for a delivery report: where it went and how it ended. */
export interface OutboxDelivery {
  recipient: string;
  state: OutboxState;
  lastStatus: number | null;
  lastError: string | null;
}

/** Every message queued for one source (e.g. a broadcast), in the order queued. */
export async function listOutboxBySource(
  db: Db,
  source: { kind: string; id: string },
): Promise<OutboxDelivery[]> {
  const rows = await db.kysely
    .selectFrom('outbox')
    .select(['recipient', 'state', 'last_status', 'last_error'])
    .where('source_kind', '=', source.kind)
    .where('source_id', '=', source.id)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    recipient: r.recipient,
    state: r.state,
    lastStatus: r.last_status,
    lastError: r.last_error,
  }));
}

/** Which rows belong to complaints: see forgetComplaintDeliveries. */
export interface ComplaintDeliveryKinds {
  /** The source kind of pushes to the reporter (their LINE user id is the recipient). */
  reporterSource: string;
  /** Every source kind of messages about a complaint. */
  sources: readonly string[];
  /** The `reminder_log` kinds whose rows guarded those messages. */
  slots: readonly string[];
}

/**
 * Complaint privacy, in one batch: a push to a reporter forgets its recipient once delivered (or given up);
 * once the complaint itself is deleted, its finished messages go, after the ledger rows pointing at them.
 */
export async function forgetComplaintDeliveries(db: Db, kinds: ComplaintDeliveryKinds): Promise<void> {
  const { kysely } = db;
  const done = ['sent', 'failed'] as const;
  const gone = (id: 'reminder_log.subject_id' | 'outbox.source_id') =>
    sql<boolean>`NOT EXISTS (SELECT 1 FROM complaints WHERE complaints.id = ${sql.ref(id)})`;
  await db.batch([
    kysely
      .updateTable('outbox')
      .set({ recipient: '' })
      .where('source_kind', '=', kinds.reporterSource)
      .where('kind', '=', 'push')
      .where('state', 'in', done)
      .where('recipient', 'like', 'U%'),
    // The ledger rows point at outbox rows: they go first (they only ever guarded sends about the complaint).
    kysely
      .deleteFrom('reminder_log')
      .where('kind', 'in', kinds.slots)
      .where(gone('reminder_log.subject_id'))
      .where((eb) =>
        eb.or([
          eb('outbox_id', 'is', null),
          eb('outbox_id', 'in', eb.selectFrom('outbox').select('id').where('state', 'in', done)),
        ]),
      ),
    kysely
      .deleteFrom('outbox')
      .where('source_kind', 'in', kinds.sources)
      .where('state', 'in', done)
      .where(gone('outbox.source_id'))
      .where((eb) =>
        eb.not(
          eb.exists(
            eb.selectFrom('reminder_log').select('id').whereRef('reminder_log.outbox_id', '=', 'outbox.id'),
          ),
        ),
      ),
  ]);
}
