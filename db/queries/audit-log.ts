// Queries on `audit_log`: who did what to which subject, append-only.
import type { Selectable } from 'kysely';
import type { Db } from '../db.ts';
import { iso, parseJson } from '../json.ts';
import type { AuditLogTable } from '../schema.ts';

export interface AuditEntry {
  actor: string;
  /** e.g. 'complaint.identity_read', 'complaint.status', 'role.grant'. */
  action: string;
  subjectType?: string | null;
  subjectId?: string | null;
  detail?: unknown;
}

export interface AuditRecord extends AuditEntry {
  id: number;
  at: string;
  subjectType: string | null;
  subjectId: string | null;
}

function toRecord(row: Selectable<AuditLogTable>): AuditRecord {
  return {
    id: row.id,
    at: row.at,
    actor: row.actor,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    detail: parseJson(row.detail),
  };
}

/** The INSERT of an entry, to put in a batch with the change it records. */
export function buildAudit(db: Db, entry: AuditEntry, now: Date) {
  return db.kysely.insertInto('audit_log').values({
    at: iso(now),
    actor: entry.actor,
    action: entry.action,
    subject_type: entry.subjectType ?? null,
    subject_id: entry.subjectId ?? null,
    detail: entry.detail === undefined ? null : JSON.stringify(entry.detail),
  });
}

/** Appends an entry; returns its id. */
export async function appendAudit(db: Db, entry: AuditEntry, now: Date): Promise<number> {
  const row = await buildAudit(db, entry, now).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Entries newest first, optionally about one subject or by one actor. */
export async function listAudit(
  db: Db,
  filter: { subjectType?: string; subjectId?: string; actor?: string; limit?: number } = {},
): Promise<AuditRecord[]> {
  let query = db.kysely.selectFrom('audit_log').selectAll();
  if (filter.subjectType) query = query.where('subject_type', '=', filter.subjectType);
  if (filter.subjectId) query = query.where('subject_id', '=', filter.subjectId);
  if (filter.actor) query = query.where('actor', '=', filter.actor);
  const rows = await query
    .orderBy('id', 'desc')
    .limit(filter.limit ?? 100)
    .execute();
  return rows.map(toRecord);
}
