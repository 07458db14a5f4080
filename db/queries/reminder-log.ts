// Queries on `reminder_log`: the exactly-once ledger of scheduled sends (reminders, digests, nudges, SLAs).
import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Db } from '../db.ts';
import { newToken } from '../db.ts';
import { BULK_JSON_BYTES, chunkJson, iso, jsonInsert } from '../json.ts';
import type { ReminderLogTable } from '../schema.ts';
import type { OutboxMessage } from './outbox.ts';
import { buildEnqueue, OUTBOX_COLUMNS, outboxRow } from './outbox.ts';

export interface SlotKey {
  /** activity | digest | survey_nudge | complaint_sla | retention_warning */
  kind: string;
  /** The activity, complaint, province… the send is about. */
  subjectId: string;
  /** Who it goes to: an agency id, a user id… ('' when the subject says it all). */
  targetId: string;
  /** Which send of the schedule: 'd-7', 'due', 'overdue-2026-07-03'… */
  slot: string;
}

export interface ReminderSlot extends SlotKey {
  plannedFor: string;
  reservedAt: string;
  outboxId: number | null;
  /** When the linked message went out, if it has. */
  sentAt: string | null;
}

function slotIs(key: SlotKey) {
  return sql`kind = ${key.kind} AND subject_id = ${key.subjectId} AND target_id = ${key.targetId} AND slot = ${key.slot}`;
}

function toSlot(row: Selectable<ReminderLogTable> & { sent_at: string | null }): ReminderSlot {
  return {
    kind: row.kind,
    subjectId: row.subject_id,
    targetId: row.target_id,
    slot: row.slot,
    plannedFor: row.planned_for,
    reservedAt: row.reserved_at,
    outboxId: row.outbox_id,
    sentAt: row.sent_at,
  };
}

/**
 * Reserves the slot and enqueues its messages in one batch, so a crash can neither send without reserving
 * nor reserve without sending. The outbox rows go first, guarded by "slot not reserved yet"; the reservation
 * then links to them. `reserved` is false (and nothing is enqueued) when the slot was already taken.
 */
export async function reserveSlotWithMessages(
  db: Db,
  key: SlotKey,
  plannedFor: Date,
  messages: readonly OutboxMessage[],
  now: Date,
): Promise<{ reserved: boolean; outboxIds: number[] }> {
  const free = sql`NOT EXISTS (SELECT 1 FROM reminder_log WHERE ${slotIs(key)})`;
  const withKeys = messages.map((m) => ({ ...m, retryKey: m.retryKey ?? newToken() }));
  const first = withKeys[0]?.retryKey ?? null;
  const enqueue = buildEnqueue(db, withKeys, now, free);
  const reserve = sql<{
    id: number;
  }>`INSERT INTO reminder_log (kind, subject_id, target_id, slot, planned_for, reserved_at, outbox_id)
    VALUES (${key.kind}, ${key.subjectId}, ${key.targetId}, ${key.slot}, ${iso(plannedFor)}, ${iso(now)},
      (SELECT id FROM outbox WHERE retry_key = ${first}))
    ON CONFLICT DO NOTHING RETURNING id`.compile(db.kysely);
  const results = await db.batch([...enqueue, reserve]);
  const reserved = (results[results.length - 1]?.rows.length ?? 0) > 0;
  const outboxIds = results.slice(0, -1).flatMap((r) => r.rows.map((row) => row.id));
  return { reserved, outboxIds: reserved ? outboxIds.sort((a, b) => a - b) : [] };
}

/**
 * One send to reserve: the slots it covers (an agency's reminders of a day go as one carousel push per group, so
 * up to MAX_BUNDLED_SLOTS slots share their messages) and the messages (none: reserved quietly, e.g. a digest
 * with nothing to say).
 */
export interface SlotReservation {
  keys: readonly SlotKey[];
  plannedFor: Date;
  messages: readonly OutboxMessage[];
}

/** Slots bundled into one send: one carousel holds at most 12 bubbles (LINE's limit). */
export const MAX_BUNDLED_SLOTS = 12;

/**
 * reserveSlotWithMessages for many sends in one batch whose length does not grow with their number: the outbox
 * rows of every send none of whose slots is reserved yet (one INSERT … SELECT per BULK_JSON_BYTES of rows, each
 * row carrying its send's slots for the guard), then the reservations, each linked to its send's first message
 * and written only when that message was (or the send has none). The batch is one transaction on both runtimes,
 * so two ticks at once still queue each slot once. Returns the slots this call reserved and how many messages
 * it queued.
 */
export async function reserveSlotsWithMessages(
  db: Db,
  reservations: readonly SlotReservation[],
  now: Date,
): Promise<{ reserved: SlotKey[]; queued: number }> {
  const sends = reservations.filter((r) => r.keys.length > 0);
  if (sends.length === 0) return { reserved: [], queued: 0 };
  for (const r of sends)
    if (r.keys.length > MAX_BUNDLED_SLOTS)
      throw new RangeError(`at most ${MAX_BUNDLED_SLOTS} slots in one send`);
  const firsts: (string | null)[] = [];
  const rows = sends.flatMap((r) => {
    const slots = JSON.stringify(r.keys.map((k) => [k.kind, k.subjectId, k.targetId, k.slot]));
    const withKeys = r.messages.map((m) => ({ ...outboxRow(m, now), slots }));
    firsts.push(withKeys[0]?.retry_key ?? null);
    return withKeys;
  });
  const at = (field: string) => sql`json_extract(json_each.value, ${sql.lit(`$.${field}`)})`;
  // None of the row's send's slots is reserved (`s` walks the send's slots; json_each is the row).
  const free = sql`NOT EXISTS (SELECT 1 FROM json_each(json_extract(json_each.value, '$.slots')) AS s
    JOIN reminder_log r ON r.kind = json_extract(s.value, '$[0]') AND r.subject_id = json_extract(s.value, '$[1]')
      AND r.target_id = json_extract(s.value, '$[2]') AND r.slot = json_extract(s.value, '$[3]'))`;
  const enqueue = jsonInsert(db, 'outbox', rows, {
    columns: OUTBOX_COLUMNS,
    where: free,
    onConflict: sql`ON CONFLICT (retry_key) DO NOTHING`,
    returning: ['id'],
    maxJsonBytes: BULK_JSON_BYTES,
  });
  const ledger = sends.flatMap((r, i) =>
    r.keys.map((key) => ({
      kind: key.kind,
      subject_id: key.subjectId,
      target_id: key.targetId,
      slot: key.slot,
      planned_for: iso(r.plannedFor),
      reserved_at: iso(now),
      first: firsts[i] ?? null,
    })),
  );
  // A send whose messages were not written (another run took one of its slots first) reserves none of its slots.
  const reserve = chunkJson(ledger, BULK_JSON_BYTES).map((json) =>
    sql<{ kind: string; subject_id: string; target_id: string; slot: string }>`INSERT INTO reminder_log
      (kind, subject_id, target_id, slot, planned_for, reserved_at, outbox_id)
      SELECT ${at('kind')}, ${at('subject_id')}, ${at('target_id')}, ${at('slot')}, ${at('planned_for')},
        ${at('reserved_at')}, (SELECT id FROM outbox WHERE retry_key = ${at('first')})
      FROM json_each(${json})
      WHERE ${at('first')} IS NULL OR EXISTS (SELECT 1 FROM outbox WHERE retry_key = ${at('first')})
      ON CONFLICT DO NOTHING
      RETURNING kind, subject_id, target_id, slot`.compile(db.kysely),
  );
  const results = await db.batch([...enqueue, ...reserve]);
  const queued = results.slice(0, enqueue.length).reduce((n, r) => n + r.rows.length, 0);
  const reserved = results.slice(enqueue.length).flatMap((r) =>
    r.rows.map((row) => {
      const x = row as { kind: string; subject_id: string; target_id: string; slot: string };
      return { kind: x.kind, subjectId: x.subject_id, targetId: x.target_id, slot: x.slot };
    }),
  );
  return { reserved, queued };
}

/** The slots reserved for one subject (e.g. an activity), with whether each went out. */
export async function listSlots(db: Db, kind: string, subjectId: string): Promise<ReminderSlot[]> {
  const rows = await db.kysely
    .selectFrom('reminder_log as r')
    .leftJoin('outbox as o', 'o.id', 'r.outbox_id')
    .selectAll('r')
    .select('o.sent_at')
    .where('r.kind', '=', kind)
    .where('r.subject_id', '=', subjectId)
    .orderBy('r.planned_for')
    .orderBy('r.id')
    .execute();
  return rows.map(toSlot);
}

/**
 * Which of these (subject, slot) pairs already have a reservation, and for which targets: what a scheduler
 * tick can skip without writing. A read only: the reservation itself stays the guarantee. Pairs are looked up
 * 40 at a time (D1 binds at most 100 parameters a statement).
 */
export async function listReservedSlots(
  db: Db,
  kind: string,
  pairs: readonly { subjectId: string; slot: string }[],
): Promise<SlotKey[]> {
  const found: SlotKey[] = [];
  for (let i = 0; i < pairs.length; i += 40) {
    const chunk = pairs.slice(i, i + 40);
    const rows = await db.kysely
      .selectFrom('reminder_log')
      .select(['subject_id', 'target_id', 'slot'])
      .where('kind', '=', kind)
      .where((eb) =>
        eb.or(chunk.map((p) => eb.and([eb('subject_id', '=', p.subjectId), eb('slot', '=', p.slot)]))),
      )
      .execute();
    for (const r of rows) found.push({ kind, subjectId: r.subject_id, targetId: r.target_id, slot: r.slot });
  }
  return found;
}
