// Queries on `complaint_events`: status changes of a complaint with their history row, and the history itself.
import type { Selectable, UpdateObject } from 'kysely';
import { sql } from 'kysely';
import type { Db } from '../db.ts';
import { iso } from '../json.ts';
import type { ComplaintEventsTable, Database } from '../schema.ts';
import type { AuditEntry } from './audit-log.ts';
import type { Complaint } from './complaints.ts';
import { findComplaintById } from './complaints.ts';

export interface ComplaintEvent {
  status: string;
  /** Shown to whoever holds the tracking code; internal notes are not. */
  isPublic: boolean;
  actor: string;
  note: string | null;
  at: string;
}

export interface StatusUpdate {
  complaintId: string;
  status: string;
  actor: string;
  note?: string | null;
  isPublic?: boolean;
  /** Compare-and-set: apply only while the complaint is in one of these statuses (core's state machine). */
  from?: readonly string[];
  assignedTo?: string | null;
  referredTo?: string | null;
  /** Closing result, or the reason of a rejection. */
  result?: string | null;
  /** Timestamps this change sets to now, each only the first time. */
  stamps?: readonly ('acknowledged' | 'replied' | 'closed')[];
  /** The reporter reopened it: count it, stamp when, and clear the closing. */
  reopen?: boolean;
  deleteAfter?: Date | null;
  /** The audit entry of this change: written in the same batch, under the same guard, or not at all. */
  audit?: AuditEntry;
}

function toEvent(row: Selectable<ComplaintEventsTable>): ComplaintEvent {
  return { status: row.status, isPublic: row.is_public === 1, actor: row.actor, note: row.note, at: row.at };
}

function changesOf(u: StatusUpdate, now: Date): UpdateObject<Database, 'complaints'> {
  const at = iso(now);
  const stamps = new Set(u.stamps ?? []);
  return {
    status: u.status,
    updated_at: at,
    assigned_to: u.assignedTo,
    referred_to: u.referredTo,
    result: u.result,
    acknowledged_at: stamps.has('acknowledged') ? sql<string>`coalesce(acknowledged_at, ${at})` : undefined,
    replied_at: stamps.has('replied') ? sql<string>`coalesce(replied_at, ${at})` : undefined,
    closed_at: stamps.has('closed') ? sql<string>`coalesce(closed_at, ${at})` : u.reopen ? null : undefined,
    reopened_count: u.reopen ? sql<number>`reopened_count + 1` : undefined,
    reopened_at: u.reopen ? at : undefined,
    // The second round's acknowledgement: the first officer action after a reopening (old values in SET).
    reopen_acknowledged_at: stamps.has('acknowledged')
      ? sql<
          string | null
        >`CASE WHEN reopened_at IS NULL THEN NULL ELSE coalesce(reopen_acknowledged_at, ${at}) END`
      : undefined,
    delete_after: u.deleteAfter === undefined ? undefined : u.deleteAfter && iso(u.deleteAfter),
  };
}

/**
 * Changes a complaint's status and appends its event, in one batch; both carry the same `from` guard, the
 * event first, so the history can never disagree with the complaint. Undefined when the complaint is
 * unknown or not in a `from` status (someone else acted first).
 */
export async function updateComplaintStatus(
  db: Db,
  u: StatusUpdate,
  now: Date,
): Promise<Complaint | undefined> {
  const from = u.from?.length ? sql`AND status IN (${sql.join(u.from)})` : sql``;
  const event = sql`INSERT INTO complaint_events (complaint_id, status, is_public, actor, note, at)
    SELECT id, ${u.status}, ${u.isPublic === false ? 0 : 1}, ${u.actor}, ${u.note ?? null}, ${iso(now)}
    FROM complaints WHERE id = ${u.complaintId} ${from}`.compile(db.kysely);
  let update = db.kysely.updateTable('complaints').set(changesOf(u, now)).where('id', '=', u.complaintId);
  if (u.from?.length) update = update.where('status', 'in', u.from);
  const a = u.audit;
  const audit =
    a === undefined
      ? undefined
      : sql`INSERT INTO audit_log (at, actor, action, subject_type, subject_id, detail)
    SELECT ${iso(now)}, ${a.actor}, ${a.action}, ${a.subjectType ?? null}, ${a.subjectId ?? null},
      ${a.detail === undefined ? null : JSON.stringify(a.detail)}
    FROM complaints WHERE id = ${u.complaintId} ${from}`.compile(db.kysely);
  const results = await db.batch(audit === undefined ? [event, update] : [event, audit, update]);
  const updated = results[results.length - 1];
  return updated !== undefined && updated.numAffectedRows > 0
    ? findComplaintById(db, u.complaintId)
    : undefined;
}

/** The reporter's 1–5 rating of a closed complaint, given once. */
export async function rateComplaint(
  db: Db,
  complaintId: string,
  rating: number,
  now: Date,
): Promise<boolean> {
  const result = await db.kysely
    .updateTable('complaints')
    .set({ rating, updated_at: iso(now) })
    .where('id', '=', complaintId)
    .where('closed_at', 'is not', null)
    .where('rating', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The complaint's history, oldest first; `publicOnly` for whoever holds only the tracking code. */
export async function listComplaintEvents(
  db: Db,
  complaintId: string,
  options: { publicOnly?: boolean } = {},
): Promise<ComplaintEvent[]> {
  let query = db.kysely.selectFrom('complaint_events').selectAll().where('complaint_id', '=', complaintId);
  if (options.publicOnly) query = query.where('is_public', '=', 1);
  const rows = await query.orderBy('id').execute();
  return rows.map(toEvent);
}
