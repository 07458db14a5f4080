// Queries on `reminder_log`: the exactly-once ledger of scheduled sends (reminders, digests, nudges, SLAs).
import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Db } from '../db.ts';
import { newToken } from '../db.ts';
import { iso } from '../json.ts';
import type { ReminderLogTable } from '../schema.ts';
import type { OutboxMessage } from './outbox.ts';
import { buildEnqueue } from './outbox.ts';

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

/** Keys bundled into one send: D1 binds at most 100 parameters a statement, 4 a key (and one carousel is 12). */
export const MAX_BUNDLED_SLOTS = 12;

/**
 * Reserves several slots that go out as one send (an agency's reminders of a day, as one carousel push per
 * group) with their messages, in one batch: the messages only when none of the slots was taken, and every
 * slot links to the first message. Returns the outbox ids inserted (none when another run was first).
 */
export async function reserveSlotsWithMessages(
  db: Db,
  keys: readonly SlotKey[],
  plannedFor: Date,
  messages: readonly OutboxMessage[],
  now: Date,
): Promise<{ reserved: boolean; outboxIds: number[] }> {
  if (keys.length > MAX_BUNDLED_SLOTS) throw new RangeError(`at most ${MAX_BUNDLED_SLOTS} slots in one send`);
  const [only] = keys;
  if (keys.length === 1 && only !== undefined)
    return reserveSlotWithMessages(db, only, plannedFor, messages, now);
  const anyTaken = sql.join(
    keys.map((k) => sql`(${slotIs(k)})`),
    sql` OR `,
  );
  const free = sql`NOT EXISTS (SELECT 1 FROM reminder_log WHERE ${anyTaken})`;
  const withKeys = messages.map((m) => ({ ...m, retryKey: m.retryKey ?? newToken() }));
  const first = withKeys[0]?.retryKey ?? null;
  const enqueue = buildEnqueue(db, withKeys, now, free);
  const reserve = keys.map((key) =>
    sql<{
      id: number;
    }>`INSERT INTO reminder_log (kind, subject_id, target_id, slot, planned_for, reserved_at, outbox_id)
      VALUES (${key.kind}, ${key.subjectId}, ${key.targetId}, ${key.slot}, ${iso(plannedFor)}, ${iso(now)},
        (SELECT id FROM outbox WHERE retry_key = ${first}))
      ON CONFLICT DO NOTHING RETURNING id`.compile(db.kysely),
  );
  const results = await db.batch([...enqueue, ...reserve]);
  const outboxIds = results.slice(0, enqueue.length).flatMap((r) => r.rows.map((row) => row.id));
  return { reserved: outboxIds.length > 0, outboxIds: outboxIds.sort((a, b) => a - b) };
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
