// Queries on `webhook_inbox` for the webhook's hot path, as statements for one batch: events recorded already
// claimed by the request that handles them, and done marks for many events at once.
import { CompiledQuery, sql } from 'kysely';
import type { Db } from '../db.ts';
import { iso, isoPlus, jsonInsert } from '../json.ts';
import type { InboxState } from '../schema.ts';

/** A webhook event as the inbox records it. */
export interface InboxEvent {
  webhookEventId: string;
  eventType: string;
  /** The user, group or room id the event came from. */
  sourceId: string | null;
  payload: unknown;
  /**
   * Nothing to handle (group chatter, standby, kinds the bot ignores): the webhook records it done at once,
   * its content and sender not kept, only its webhookEventId to drop redeliveries.
   */
  ignored?: boolean;
}

/** One webhook request's events, received at the same instant. */
export interface ReceivedEvents {
  events: readonly InboxEvent[];
  receivedAt: Date;
}

type Recorded = { id: number; webhook_event_id: string };

/**
 * webhook_event_id, event_type, source_id, payload, received_at (= next_attempt_at), state, attempts,
 * lease_token, locked_until, done_at: claimed for the caller, or done at once when ignored.
 */
type Row = readonly [
  string,
  string,
  string | null,
  string,
  string,
  InboxState,
  number,
  string | null,
  string | null,
  string | null,
];

function rowsOf(requests: readonly ReceivedEvents[], leaseToken: string, leaseMs: number): Row[] {
  const rows: Row[] = [];
  for (const { events, receivedAt: at } of requests) {
    const receivedAt = iso(at);
    const lockedUntil = isoPlus(at, leaseMs);
    for (const e of events) {
      rows.push(
        e.ignored === true
          ? [e.webhookEventId, e.eventType, null, '{}', receivedAt, 'done', 0, null, null, receivedAt]
          : [
              e.webhookEventId,
              e.eventType,
              e.sourceId,
              JSON.stringify(e.payload),
              receivedAt,
              'processing',
              1,
              leaseToken,
              lockedUntil,
              null,
            ],
      );
    }
  }
  return rows;
}

/**
 * Records events and claims them in the same write (state processing, first attempt, leased for `leaseMs`
 * under `leaseToken`), as statements for a batch that may hold other writes: the webhook handles what it
 * has just recorded, so a separate claim would only cost another write. Ignored events are recorded done,
 * with nothing to claim. A redelivery is dropped by the UNIQUE constraint, also against an earlier row of
 * the same batch; events a crash leaves unfinished go to claimPending once the lease runs out.
 * RETURNING id, webhook_event_id (ignored events too: they are new).
 */
export function buildRecordClaimed(
  db: Db,
  requests: readonly ReceivedEvents[],
  leaseToken: string,
  leaseMs: number,
): CompiledQuery<Recorded>[] {
  const rows = rowsOf(requests, leaseToken, leaseMs);
  if (db.dialect === 'sqlite') return buildValuesInserts(rows);
  const objects = rows.map(
    ([id, type, source, payload, receivedAt, state, attempts, token, until, doneAt]) => ({
      webhook_event_id: id,
      event_type: type,
      source_id: source,
      payload,
      received_at: receivedAt,
      next_attempt_at: receivedAt,
      state,
      attempts,
      lease_token: token,
      locked_until: until,
      done_at: doneAt,
    }),
  );
  return jsonInsert<'webhook_inbox', Recorded>(db, 'webhook_inbox', objects, {
    onConflict: sql`ON CONFLICT (webhook_event_id) DO NOTHING`,
    returning: ['id', 'webhook_event_id'],
  });
}

const VALUES_ROW = '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
const MAX_VALUES_ROWS = 32;
const valuesSql = new Map<number, string>();

/**
 * SQLite only: multi-row VALUES, in chunks of 32, 16, … 1 rows so that a handful of SQL texts stay in the
 * prepared-statement cache. The webhook's hot path: SQLite reads bound values at about half the cost of
 * json_extract over a JSON array (bench/webhook), and the text is built once per size, not by Kysely per
 * call. D1 keeps jsonInsert: it binds at most 100 values per statement.
 */
function buildValuesInserts(rows: readonly Row[]) {
  const queries: CompiledQuery<Recorded>[] = [];
  for (let at = 0; at < rows.length; ) {
    let size = MAX_VALUES_ROWS;
    while (size > rows.length - at) size /= 2;
    let text = valuesSql.get(size);
    if (text === undefined) {
      const values = Array(size).fill(VALUES_ROW).join(', ');
      text = `INSERT INTO webhook_inbox (webhook_event_id, event_type, source_id, payload, received_at,
        next_attempt_at, state, attempts, lease_token, locked_until, done_at) VALUES ${values}
        ON CONFLICT (webhook_event_id) DO NOTHING RETURNING id, webhook_event_id`;
      valuesSql.set(size, text);
    }
    const parameters: unknown[] = [];
    for (let i = at; i < at + size; i++) {
      const row = rows[i];
      if (row === undefined) continue;
      const [id, type, source, payload, receivedAt, state, attempts, token, until, doneAt] = row;
      parameters.push(
        id,
        type,
        source,
        payload,
        receivedAt,
        receivedAt,
        state,
        attempts,
        token,
        until,
        doneAt,
      );
    }
    // The text above returns exactly the columns of Recorded.
    queries.push(CompiledQuery.raw(text, parameters) as CompiledQuery<Recorded>);
    at += size;
  }
  return queries;
}

// `+state`: without it SQLite walks the (state, next_attempt_at) index over every processing row instead
// of looking the ids up (EXPLAIN QUERY PLAN), a cost that grows with a backlog. Written out, not built by
// Kysely: it runs in every commit of the webhook's hot path. A handled event's content and sender are erased
// (complaint text, a name typed in chat); its webhookEventId stays to drop LINE's redeliveries.
const MARK_DONE_SQL = `UPDATE webhook_inbox
  SET state = 'done', done_at = ?, lease_token = NULL, locked_until = NULL, payload = '{}', source_id = NULL
  WHERE id IN (SELECT value FROM json_each(?)) AND +state = 'processing' AND lease_token = ?`;

/**
 * One statement marking the handled events of one claim done, for a batch. Rows whose lease was lost (taken
 * over by another worker) are left alone. The ids are bound as one JSON array: D1 binds at most 100 values.
 */
export function buildMarkEventsDone(ids: readonly number[], leaseToken: string, now: Date): CompiledQuery {
  return CompiledQuery.raw(MARK_DONE_SQL, [iso(now), JSON.stringify(ids), leaseToken]);
}
