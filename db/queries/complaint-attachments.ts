// Queries on `complaint_attachments`: photos of a complaint, stored while its draft is open and kept with it.
import { sql } from 'kysely';
import type { Db } from '../db.ts';
import { iso } from '../json.ts';

export interface AttachmentInfo {
  id: number;
  contentType: string;
  size: number;
  createdAt: string;
}

export interface Attachment extends AttachmentInfo {
  bytes: Uint8Array;
}

export interface NewAttachment {
  /** The draft it was uploaded to (conversation draftId); createComplaint moves it to the complaint. */
  intakeKey?: string | null;
  complaintId?: string | null;
  /** The LINE message it was fetched from: fetching it again stores nothing new. */
  lineMessageId?: string | null;
  contentType: string;
  bytes: Uint8Array;
}

// better-sqlite3 returns a BLOB as a Buffer, D1 as an array of byte values.
function toBytes(value: Uint8Array | number[]): Uint8Array {
  return value instanceof Uint8Array ? new Uint8Array(value) : Uint8Array.from(value);
}

/** Stores a photo; undefined when its LINE message was stored before. */
export async function addAttachment(db: Db, a: NewAttachment, now: Date): Promise<number | undefined> {
  const row = await db.kysely
    .insertInto('complaint_attachments')
    .values({
      intake_key: a.intakeKey ?? null,
      complaint_id: a.complaintId ?? null,
      line_message_id: a.lineMessageId ?? null,
      content_type: a.contentType,
      bytes: a.bytes,
      size: a.bytes.byteLength,
      created_at: iso(now),
    })
    .onConflict((oc) => oc.column('line_message_id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

/** What became of a draft photo: stored now, stored before (a redelivery), or refused because the cap is reached. */
export type CappedAdd = { kind: 'stored'; id: number } | { kind: 'already' } | { kind: 'full' };

/**
 * Stores a draft's photo only while the draft holds fewer than `max`: the count and the insert are one
 * statement, so photos delivered at once (LINE sends each photo of a multi-photo send as its own event,
 * concurrently) can never take the draft past the cap.
 */
export async function addDraftPhotoUnderCap(
  db: Db,
  a: { intakeKey: string; lineMessageId: string; contentType: string; bytes: Uint8Array },
  max: number,
  now: Date,
): Promise<CappedAdd> {
  const result = await sql<{ id: number }>`
    INSERT INTO complaint_attachments (intake_key, complaint_id, line_message_id, content_type, bytes, size, created_at)
    SELECT ${a.intakeKey}, NULL, ${a.lineMessageId}, ${a.contentType}, ${a.bytes}, ${a.bytes.byteLength}, ${iso(now)}
    WHERE (SELECT count(*) FROM complaint_attachments WHERE intake_key = ${a.intakeKey} AND complaint_id IS NULL) < ${max}
    ON CONFLICT (line_message_id) DO NOTHING
    RETURNING id`.execute(db.kysely);
  const id = result.rows[0]?.id;
  if (id !== undefined) return { kind: 'stored', id };
  const before = await db.kysely
    .selectFrom('complaint_attachments')
    .select('id')
    .where('line_message_id', '=', a.lineMessageId)
    .executeTakeFirst();
  return before === undefined ? { kind: 'full' } : { kind: 'already' };
}

/** The complaint's photos without their bytes, in upload order. */
export async function listAttachments(db: Db, complaintId: string): Promise<AttachmentInfo[]> {
  const rows = await db.kysely
    .selectFrom('complaint_attachments')
    .select(['id', 'content_type', 'size', 'created_at'])
    .where('complaint_id', '=', complaintId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, contentType: r.content_type, size: r.size, createdAt: r.created_at }));
}

/** Photos uploaded to a draft so far (at most 5 are taken). */
export async function countDraftAttachments(db: Db, intakeKey: string): Promise<number> {
  const row = await db.kysely
    .selectFrom('complaint_attachments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('intake_key', '=', intakeKey)
    .where('complaint_id', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** One photo with its bytes, only if it belongs to the complaint (the caller checked the officer may see it). */
export async function findAttachment(
  db: Db,
  complaintId: string,
  id: number,
): Promise<Attachment | undefined> {
  const row = await db.kysely
    .selectFrom('complaint_attachments')
    .select(['id', 'content_type', 'size', 'created_at', 'bytes'])
    .where('id', '=', id)
    .where('complaint_id', '=', complaintId)
    .executeTakeFirst();
  return (
    row && {
      id: row.id,
      contentType: row.content_type,
      size: row.size,
      createdAt: row.created_at,
      bytes: toBytes(row.bytes),
    }
  );
}
