// Queries on `complaints`: filing (with its first event), lookup by tracking code, queues and retention.
import type { Selectable } from 'kysely';
import type { Db } from '../db.ts';
import { newToken } from '../db.ts';
import { iso } from '../json.ts';
import type { ComplaintsTable, IdentityMode } from '../schema.ts';

/** A complaint without its identity: what officers' lists, the code lookup and statistics work from. */
export interface Complaint {
  id: string;
  trackingCode: string;
  provinceId: string;
  agencyId: string | null;
  type: string;
  channel: string;
  description: string;
  occurredAt: string | null;
  place: string | null;
  lat: number | null;
  lng: number | null;
  identityMode: IdentityMode;
  status: string;
  assignedTo: string | null;
  referredTo: string | null;
  result: string | null;
  rating: number | null;
  reopenedCount: number;
  createdAt: string;
  updatedAt: string;
  acknowledgedAt: string | null;
  repliedAt: string | null;
  /** Cleared when the reporter reopens it, set again by the next closing, referral or rejection. */
  closedAt: string | null;
  deleteAfter: string | null;
  reopenedAt: string | null;
  /** An officer's first action after the reopening. */
  reopenAcknowledgedAt: string | null;
}

/** The encrypted identity, read only through findComplaintIdentity (the caller audits every read). */
export interface ComplaintIdentity {
  identityMode: IdentityMode;
  identityCipher: string | null;
  notifyCipher: string | null;
}

export interface NewComplaint {
  trackingCode: string;
  /** The draft or form submission: confirming it twice files one complaint. */
  intakeKey?: string | null;
  provinceId: string;
  agencyId?: string | null;
  type: string;
  channel: string;
  description: string;
  occurredAt?: string | null;
  place?: string | null;
  lat?: number | null;
  lng?: number | null;
  identityMode: IdentityMode;
  identityCipher?: string | null;
  notifyCipher?: string | null;
  reporterHash?: string | null;
  /** Who filed it, for the first event: 'reporter' unless said otherwise. */
  actor?: string;
}

export interface ComplaintFilter {
  provinceId: string;
  agencyId?: string | null;
  statuses?: readonly string[];
  /** Filed at or after / before (statistics periods). */
  from?: Date;
  to?: Date;
}

function toComplaint(row: Selectable<ComplaintsTable>): Complaint {
  return {
    id: row.id,
    trackingCode: row.tracking_code,
    provinceId: row.province_id,
    agencyId: row.agency_id,
    type: row.type,
    channel: row.channel,
    description: row.description,
    occurredAt: row.occurred_at,
    place: row.place,
    lat: row.lat,
    lng: row.lng,
    identityMode: row.identity_mode,
    status: row.status,
    assignedTo: row.assigned_to,
    referredTo: row.referred_to,
    result: row.result,
    rating: row.rating,
    reopenedCount: row.reopened_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    acknowledgedAt: row.acknowledged_at,
    repliedAt: row.replied_at,
    closedAt: row.closed_at,
    deleteAfter: row.delete_after,
    reopenedAt: row.reopened_at,
    reopenAcknowledgedAt: row.reopen_acknowledged_at,
  };
}

/**
 * Files a complaint in one batch: the row, its 'received' event, and the photos uploaded to its draft.
 * `created` is false when the intake key was already filed (the existing complaint is returned). A tracking
 * code already in use throws (UNIQUE): the caller draws another code and tries again.
 */
export async function createComplaint(
  db: Db,
  c: NewComplaint,
  now: Date,
): Promise<{ complaint: Complaint; created: boolean }> {
  const id = newToken();
  const insert = db.kysely
    .insertInto('complaints')
    .values({
      id,
      tracking_code: c.trackingCode,
      intake_key: c.intakeKey ?? null,
      province_id: c.provinceId,
      agency_id: c.agencyId ?? null,
      type: c.type,
      channel: c.channel,
      description: c.description,
      occurred_at: c.occurredAt ?? null,
      place: c.place ?? null,
      lat: c.lat ?? null,
      lng: c.lng ?? null,
      identity_mode: c.identityMode,
      identity_cipher: c.identityCipher ?? null,
      notify_cipher: c.notifyCipher ?? null,
      reporter_hash: c.reporterHash ?? null,
      created_at: iso(now),
      updated_at: iso(now),
    })
    .onConflict((oc) => oc.column('intake_key').doNothing());
  const event = db.kysely
    .insertInto('complaint_events')
    .columns(['complaint_id', 'status', 'actor', 'at'])
    .expression((eb) =>
      eb
        .selectFrom('complaints')
        .select(['id', 'status', eb.val(c.actor ?? 'reporter').as('actor'), eb.val(iso(now)).as('at')])
        .where('id', '=', id),
    );
  const photos = db.kysely
    .updateTable('complaint_attachments')
    .set({ complaint_id: id })
    .where('intake_key', '=', c.intakeKey ?? null)
    .where('complaint_id', 'is', null)
    .where((eb) => eb.exists(eb.selectFrom('complaints').select('id').where('id', '=', id)));
  const [inserted] = await db.batch([insert, event, photos]);
  const complaint =
    inserted.numAffectedRows > 0
      ? await findComplaintById(db, id)
      : await findComplaintByIntakeKey(db, c.intakeKey ?? null);
  if (!complaint) throw new Error('complaint was not saved');
  return { complaint, created: inserted.numAffectedRows > 0 };
}

/** The complaint a draft or form submission was filed as, if it was. */
export async function findComplaintByIntakeKey(
  db: Db,
  intakeKey: string | null,
): Promise<Complaint | undefined> {
  if (intakeKey === null) return undefined;
  const row = await db.kysely
    .selectFrom('complaints')
    .selectAll()
    .where('intake_key', '=', intakeKey)
    .executeTakeFirst();
  return row && toComplaint(row);
}

export async function findComplaintById(db: Db, id: string): Promise<Complaint | undefined> {
  const row = await db.kysely.selectFrom('complaints').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toComplaint(row);
}

/** What `ติดตาม <code>` looks up; the result carries no identity. */
export async function findComplaintByTrackingCode(
  db: Db,
  trackingCode: string,
): Promise<Complaint | undefined> {
  const row = await db.kysely
    .selectFrom('complaints')
    .selectAll()
    .where('tracking_code', '=', trackingCode)
    .executeTakeFirst();
  return row && toComplaint(row);
}

/** The encrypted identity and notification link; callers check the officer's role and audit the read. */
export async function findComplaintIdentity(db: Db, id: string): Promise<ComplaintIdentity | undefined> {
  const row = await db.kysely
    .selectFrom('complaints')
    .select(['identity_mode', 'identity_cipher', 'notify_cipher'])
    .where('id', '=', id)
    .executeTakeFirst();
  return (
    row && {
      identityMode: row.identity_mode,
      identityCipher: row.identity_cipher,
      notifyCipher: row.notify_cipher,
    }
  );
}

/** Complaints of a province (or one agency, or with `agencyId: null` those with none), newest first. */
export async function listComplaints(db: Db, filter: ComplaintFilter): Promise<Complaint[]> {
  let query = db.kysely.selectFrom('complaints').selectAll().where('province_id', '=', filter.provinceId);
  if (filter.agencyId !== undefined) {
    query =
      filter.agencyId === null
        ? query.where('agency_id', 'is', null)
        : query.where('agency_id', '=', filter.agencyId);
  }
  if (filter.statuses?.length) query = query.where('status', 'in', filter.statuses);
  if (filter.from) query = query.where('created_at', '>=', iso(filter.from));
  if (filter.to) query = query.where('created_at', '<', iso(filter.to));
  const rows = await query.orderBy('created_at', 'desc').execute();
  return rows.map(toComplaint);
}

/** "My complaints": those filed by the reporter behind a keyed hash (never the "tracking code only" ones). */
export async function listReporterComplaints(db: Db, reporterHash: string): Promise<Complaint[]> {
  const rows = await db.kysely
    .selectFrom('complaints')
    .selectAll()
    .where('reporter_hash', '=', reporterHash)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(toComplaint);
}

/**
 * Retention: deletes complaints past delete_after, with their events and photos (foreign keys cascade).
 * Counted from RETURNING: D1's `changes` also counts the cascaded rows, SQLite's does not.
 */
export async function deleteExpiredComplaints(db: Db, now: Date): Promise<number> {
  const rows = await db.kysely
    .deleteFrom('complaints')
    .where('delete_after', '<=', iso(now))
    .returning('id')
    .execute();
  return rows.length;
}
