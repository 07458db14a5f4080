// Queries on `broadcasts`: a coordinator's announcement from draft (preview) to confirmed (queued) to sent.
import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Db } from '../db.ts';
import { newToken } from '../db.ts';
import { iso, parseJson } from '../json.ts';
import type { BroadcastState, BroadcastsTable } from '../schema.ts';
import type { OutboxMessage } from './outbox.ts';
import { buildEnqueue } from './outbox.ts';

export interface Broadcast {
  id: string;
  provinceId: string;
  text: string;
  /** What the coordinator chose: agency types, districts, not done with an activity… */
  filter: unknown;
  state: BroadcastState;
  recipientCount: number | null;
  createdBy: string;
  createdAt: string;
  confirmedBy: string | null;
  confirmedAt: string | null;
  sentAt: string | null;
}

function toBroadcast(row: Selectable<BroadcastsTable>): Broadcast {
  return {
    id: row.id,
    provinceId: row.province_id,
    text: row.text,
    filter: parseJson(row.filter),
    state: row.state,
    recipientCount: row.recipient_count,
    createdBy: row.created_by,
    createdAt: row.created_at,
    confirmedBy: row.confirmed_by,
    confirmedAt: row.confirmed_at,
    sentAt: row.sent_at,
  };
}

/** Saves a draft to preview. */
export async function createBroadcast(
  db: Db,
  input: { provinceId: string; text: string; filter: unknown; createdBy: string },
  now: Date,
): Promise<Broadcast> {
  const row = await db.kysely
    .insertInto('broadcasts')
    .values({
      id: newToken(),
      province_id: input.provinceId,
      text: input.text,
      filter: JSON.stringify(input.filter ?? {}),
      created_by: input.createdBy,
      created_at: iso(now),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toBroadcast(row);
}

export async function findBroadcast(db: Db, id: string): Promise<Broadcast | undefined> {
  const row = await db.kysely.selectFrom('broadcasts').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toBroadcast(row);
}

/**
 * Confirms a draft and queues one message per recipient, in one batch. The outbox rows are guarded by
 * "still a draft" and written before the state flips, so a double tap on "ยืนยัน" queues nothing twice.
 * Undefined when the broadcast is unknown or no longer a draft.
 */
export async function confirmBroadcast(
  db: Db,
  input: { id: string; by: string; messages: readonly OutboxMessage[] },
  now: Date,
): Promise<Broadcast | undefined> {
  const draft = sql`(SELECT state FROM broadcasts WHERE id = ${input.id}) = 'draft'`;
  const tagged = input.messages.map((m) => ({ ...m, sourceKind: 'broadcast', sourceId: input.id }));
  const confirm = db.kysely
    .updateTable('broadcasts')
    .set({
      state: 'confirmed',
      confirmed_by: input.by,
      confirmed_at: iso(now),
      recipient_count: tagged.length,
    })
    .where('id', '=', input.id)
    .where('state', '=', 'draft');
  const results = await db.batch([...buildEnqueue(db, tagged, now, draft), confirm]);
  const confirmed = (results.at(-1)?.numAffectedRows ?? 0) > 0;
  return confirmed ? findBroadcast(db, input.id) : undefined;
}

/** Drops a draft; false when it was already confirmed. */
export async function cancelBroadcast(db: Db, id: string): Promise<boolean> {
  const result = await db.kysely
    .updateTable('broadcasts')
    .set({ state: 'cancelled' })
    .where('id', '=', id)
    .where('state', '=', 'draft')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The province's latest broadcasts, newest first. */
export async function listBroadcasts(db: Db, provinceId: string, limit = 20): Promise<Broadcast[]> {
  const rows = await db.kysely
    .selectFrom('broadcasts')
    .selectAll()
    .where('province_id', '=', provinceId)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toBroadcast);
}

/** Changes a draft's audience (the coordinator picked another one before confirming); false once confirmed. */
export async function setBroadcastFilter(db: Db, id: string, filter: unknown): Promise<boolean> {
  const result = await db.kysely
    .updateTable('broadcasts')
    .set({ filter: JSON.stringify(filter ?? {}) })
    .where('id', '=', id)
    .where('state', '=', 'draft')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Broadcasts in one state across provinces, oldest first (the scheduler's delivery reports). */
export async function listBroadcastsByState(
  db: Db,
  state: BroadcastState,
  limit = 100,
): Promise<Broadcast[]> {
  const rows = await db.kysely
    .selectFrom('broadcasts')
    .selectAll()
    .where('state', '=', state)
    .orderBy('created_at')
    .limit(limit)
    .execute();
  return rows.map(toBroadcast);
}

/**
 * Marks a confirmed broadcast sent and queues its delivery report, in one batch, once none of its messages is
 * pending or sending. Both statements carry the same guard, so the report is queued exactly once even when
 * two scheduler runs settle the same broadcast. False while messages are still on their way.
 */
export async function settleBroadcast(
  db: Db,
  input: { id: string; report: OutboxMessage },
  now: Date,
): Promise<boolean> {
  const settled = sql<boolean>`(SELECT state FROM broadcasts WHERE id = ${input.id}) = 'confirmed' AND NOT EXISTS (
    SELECT 1 FROM outbox WHERE source_kind = 'broadcast' AND source_id = ${input.id}
    AND state IN ('pending', 'sending'))`;
  const report = { ...input.report, sourceKind: 'broadcast_report', sourceId: input.id };
  const mark = db.kysely
    .updateTable('broadcasts')
    .set({ state: 'sent', sent_at: iso(now) })
    .where('id', '=', input.id)
    .where(settled);
  const results = await db.batch([...buildEnqueue(db, [report], now, settled), mark]);
  return (results.at(-1)?.numAffectedRows ?? 0) > 0;
}
