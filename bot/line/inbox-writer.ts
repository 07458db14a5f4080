// The webhook's inbox writes: one transaction per event-loop turn on SQLite (group commit), per call on D1.
import type { CompiledQuery } from 'kysely';
import type { Db } from '../../db/db.ts';
import { newToken } from '../../db/db.ts';
import type { ClaimedEvent, InboxEvent } from '../../db/queries/webhook-inbox.ts';
import {
  buildMarkEventsDone,
  buildRecordClaimed,
  type ReceivedEvents,
} from '../../db/queries/webhook-inbox-claimed.ts';

export interface InboxWriter {
  /**
   * Records a request's events, claimed for the caller (ignored ones done at once); resolves once committed,
   * with the claimed ones new here and how many were new in all.
   */
  record(events: readonly InboxEvent[], now: Date): Promise<Recording>;
  /** Marks handled events done; resolves once committed. */
  markDone(events: readonly ClaimedEvent[], now: Date): Promise<void>;
}

type Recorded = { id: number; webhook_event_id: string };

/** What recording a request's events did: the new ones to handle, and how many were new (ignored included). */
export interface Recording {
  claimed: ClaimedEvent[];
  fresh: number;
}

const NOTHING_NEW: Recording = { claimed: [], fresh: 0 };

/**
 * On SQLite a request used to cost about five write transactions (record, claim, a done mark per event),
 * each run synchronously on the event loop (bench/webhook, profiled). Now every request that records in the
 * same event-loop turn, and every done mark made meanwhile, share one transaction, and each request still
 * answers only after its own events are committed. Workers must not share I/O between requests: on D1 each
 * call is its own batch (recording still claims, and a request's done marks are still one statement).
 */
export function createInboxWriter(db: Db, leaseMs: number): InboxWriter {
  return db.dialect === 'sqlite' ? createGroupCommit(db, leaseMs) : createDirectWriter(db, leaseMs);
}

function createDirectWriter(db: Db, leaseMs: number): InboxWriter {
  return {
    async record(events, now) {
      const token = newToken();
      const received = [{ events, receivedAt: now }];
      const results = await db.batch(buildRecordClaimed(db, received, token, leaseMs));
      const [recording = NOTHING_NEW] = assignRecorded(
        received,
        results.flatMap((r) => r.rows),
        token,
      );
      return recording;
    },
    async markDone(events, now) {
      await markEventsDone(db, events, now);
    },
  };
}

interface Waiting<T> {
  resolve(value: T): void;
  reject(error: unknown): void;
}
type PendingRecord = Waiting<Recording> & ReceivedEvents;
type PendingDone = Waiting<void> & { events: readonly ClaimedEvent[]; now: Date };

function createGroupCommit(db: Db, leaseMs: number): InboxWriter {
  let records: PendingRecord[] = [];
  let doneMarks: PendingDone[] = [];
  let scheduled = false;
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    // setImmediate, not a microtask: requests whose bodies arrive in this turn's poll phase join this flush.
    setImmediate(() => {
      scheduled = false;
      const taken = { records, doneMarks };
      records = [];
      doneMarks = [];
      void flush(db, leaseMs, taken.records, taken.doneMarks);
    });
  };
  return {
    record(events, now) {
      if (events.length === 0) return Promise.resolve(NOTHING_NEW);
      return new Promise((resolve, reject) => {
        records.push({ events, receivedAt: now, resolve, reject });
        schedule();
      });
    },
    markDone(events, now) {
      if (events.length === 0) return Promise.resolve();
      return new Promise((resolve, reject) => {
        doneMarks.push({ events, now, resolve, reject });
        schedule();
      });
    },
  };
}

/**
 * One transaction: the done marks (one UPDATE per claim) and every waiting request's events (multi-row
 * INSERTs). If it fails, nothing of it is written and every request waiting on it fails; the done marks are
 * tried once more on their own, so that a bad record cannot make handled events look unhandled.
 */
async function flush(db: Db, leaseMs: number, records: PendingRecord[], doneMarks: PendingDone[]) {
  const token = newToken();
  let doneQueries: CompiledQuery<unknown>[] = [];
  try {
    doneQueries = buildDoneMarks(doneMarks);
    const recordQueries = records.length > 0 ? buildRecordClaimed(db, records, token, leaseMs) : [];
    // Only the record statements return rows (id, webhook_event_id); they come after the done marks.
    const results = await db.batch([...doneQueries, ...recordQueries] as CompiledQuery<Recorded>[]);
    if (doneQueries.length > 0) db.checkpointAfterErase?.();
    const rows = results.slice(doneQueries.length).flatMap((r) => r.rows);
    const recordings = assignRecorded(records, rows, token);
    for (const [i, r] of records.entries()) r.resolve(recordings[i] ?? NOTHING_NEW);
    for (const d of doneMarks) d.resolve();
  } catch (error) {
    for (const r of records) r.reject(error);
    if (records.length > 0 && doneQueries.length > 0) return flush(db, leaseMs, [], doneMarks);
    for (const d of doneMarks) d.reject(error);
  }
}

/** Marks handled events done now, in one batch (the scheduler's claims, and every call on D1). */
export async function markEventsDone(db: Db, events: readonly ClaimedEvent[], now: Date): Promise<void> {
  if (events.length === 0) return;
  await db.batch(buildDoneMarks([{ events, now }]));
  db.checkpointAfterErase?.();
}

/** One UPDATE per lease token (one per flush that recorded them, one per scheduler claim). */
function buildDoneMarks(doneMarks: readonly { events: readonly ClaimedEvent[]; now: Date }[]) {
  const byToken = new Map<string, { ids: number[]; now: Date }>();
  for (const { events, now } of doneMarks) {
    for (const event of events) {
      const group = byToken.get(event.leaseToken);
      if (group === undefined) byToken.set(event.leaseToken, { ids: [event.id], now });
      else {
        group.ids.push(event.id);
        if (now > group.now) group.now = now;
      }
    }
  }
  return [...byToken].map(([token, { ids, now }]) => buildMarkEventsDone(ids, token, now));
}

/**
 * Gives each request the rows inserted for its events, in its own order. A webhookEventId that two waiting
 * requests share (or one request twice) was inserted once; the first to list it handles it. Ignored events
 * count as new and are not handed out: they were recorded done.
 */
function assignRecorded(
  requests: readonly ReceivedEvents[],
  rows: readonly Recorded[],
  leaseToken: string,
): Recording[] {
  const idOf = new Map(rows.map((r) => [r.webhook_event_id, r.id]));
  return requests.map(({ events, receivedAt }) => {
    const claimed: ClaimedEvent[] = [];
    let fresh = 0;
    const at = receivedAt.toISOString();
    for (const { webhookEventId, eventType, sourceId, payload, ignored } of events) {
      const id = idOf.get(webhookEventId);
      if (id === undefined) continue;
      idOf.delete(webhookEventId);
      fresh += 1;
      if (ignored === true) continue;
      claimed.push({
        id,
        webhookEventId,
        eventType,
        sourceId,
        payload,
        attempts: 1,
        leaseToken,
        receivedAt: at,
      });
    }
    return { claimed, fresh };
  });
}
