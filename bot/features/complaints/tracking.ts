// Looking a complaint up by its tracking code (status and public history, never identity) and listing the
// reporter's own complaints — for chat and the API alike. Wrong codes are limited per user (issue 5 §2).
import { statusLabelOf, typeLabelOf } from '../../../core/complaints/status.ts';
import { explainTrackingCode, parseTrackingCode } from '../../../core/complaints/tracking-code.ts';
import { findAgencyById } from '../../../db/queries/agencies.ts';
import { listComplaintEvents } from '../../../db/queries/complaint-events.ts';
import {
  type Complaint,
  findComplaintByTrackingCode,
  listReporterComplaints,
} from '../../../db/queries/complaints.ts';
import type { Deps } from '../../deps.ts';
import { loadSettings } from '../settings/settings.ts';
import { thaiDateTime } from './date-labels.ts';
import { nextHour, peekLimit, takeLimit } from './limits.ts';

/** What whoever holds the code may see. */
export interface PublicStatus {
  trackingCode: string;
  type: string;
  typeLabel: string;
  agencyName: string | null;
  status: string;
  statusLabel: string;
  /** To whom it was referred, and the closing result or the reason of a rejection: told to the reporter. */
  referredTo: string | null;
  result: string | null;
  createdAt: string;
  updatedAt: string;
  /** The two times as the pages show them ('3 มี.ค. 2568 14:00 น.'). */
  createdAtLabel: string;
  updatedAtLabel: string;
  history: { status: string; label: string; note: string | null; at: string; atLabel: string }[];
}

export type TrackOutcome =
  | { kind: 'found'; status: PublicStatus }
  | { kind: 'malformed'; badChars: string[]; length: number }
  | { kind: 'unknown' }
  | { kind: 'limited'; until: Date };

export async function publicStatusOf(deps: Deps, complaint: Complaint): Promise<PublicStatus> {
  const agency = complaint.agencyId === null ? undefined : await findAgencyById(deps.db, complaint.agencyId);
  const events = await listComplaintEvents(deps.db, complaint.id, { publicOnly: true });
  return {
    trackingCode: complaint.trackingCode,
    type: complaint.type,
    typeLabel: typeLabelOf(complaint.type),
    agencyName: agency?.nameTh ?? null,
    status: complaint.status,
    statusLabel: statusLabelOf(complaint.status),
    referredTo: complaint.status === 'referred' ? complaint.referredTo : null,
    result: complaint.status === 'closed' || complaint.status === 'rejected' ? complaint.result : null,
    createdAt: complaint.createdAt,
    updatedAt: complaint.updatedAt,
    createdAtLabel: thaiDateTime(complaint.createdAt),
    updatedAtLabel: thaiDateTime(complaint.updatedAt),
    history: events.map((e) => ({
      status: e.status,
      label: statusLabelOf(e.status),
      note: e.note,
      at: e.at,
      atLabel: thaiDateTime(e.at),
    })),
  };
}

/** `ติดตาม <code>` for the LINE user `userId`: a malformed code is not counted, an unknown one is. */
export async function trackComplaint(
  deps: Deps,
  userId: string,
  typed: string,
  now: Date,
): Promise<TrackOutcome> {
  const code = parseTrackingCode(typed);
  if (code === undefined) return { kind: 'malformed', ...explainTrackingCode(typed) };
  const { wrongCodesPerHour } = await loadSettings(deps.db);
  const complaint = await findWithinLimit(deps, userId, code, wrongCodesPerHour, now);
  if (complaint === 'limited') return { kind: 'limited', until: nextHour(now) };
  if (complaint === undefined) return { kind: 'unknown' };
  return { kind: 'found', status: await publicStatusOf(deps, complaint) };
}

/**
 * The complaint behind a parsed code (undefined: a malformed one, counted as wrong), within the user's hourly
 * limit of wrong codes: 'limited' once past it, refused before the lookup — even a right guess tells nothing.
 */
export async function findWithinLimit(
  deps: Deps,
  userId: string,
  code: string | undefined,
  limit: number,
  now: Date,
): Promise<Complaint | 'limited' | undefined> {
  const hash = await deps.complaintCrypto.reporterHash(userId);
  if ((await peekLimit(deps.db, 'complaint-wrong-code', hash, now)) >= limit) return 'limited';
  const complaint = code === undefined ? undefined : await findComplaintByTrackingCode(deps.db, code);
  if (complaint === undefined) await takeLimit(deps.db, 'complaint-wrong-code', hash, limit, now);
  return complaint;
}

/** The user's complaints filed named or anonymous-with-updates (code-only ones are linked to nobody). */
export async function listMyComplaints(deps: Deps, userId: string): Promise<Complaint[]> {
  return listReporterComplaints(deps.db, await deps.complaintCrypto.reporterHash(userId));
}
