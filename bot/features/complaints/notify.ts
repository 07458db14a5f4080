// The reporter's status updates (issue 5 §2): the only place that opens a complaint's notify_cipher (the
// reporter's LINE user id), to push a status change through the outbox. "Tracking code only" has no link.
import { MAX_REOPENS } from '../../../core/complaints/status.ts';
import { fiscalYearOf } from '../../../core/index.ts';
import { findAgencyById } from '../../../db/queries/agencies.ts';
import { type Complaint, findComplaintIdentity } from '../../../db/queries/complaints.ts';
import { enqueueMessages } from '../../../db/queries/outbox.ts';
import { findSurveyLink } from '../../../db/queries/survey-links.ts';
import type { Deps } from '../../deps.ts';
import { liffUrlOf } from '../../line/liff-url.ts';
import { isHttpsUrl, shortLinkUrl } from '../surveys/links.ts';
import { officerGroupsFor } from './announce.ts';
import { buildReopenedForOfficers, buildStatusUpdate } from './case-messages.ts';
import { uuidFrom } from './uuid.ts';

/** Statuses the reporter hears about; 'received' was the receipt itself and 'reopened' was their own doing. */
const NOTIFIED = new Set(['acknowledged', 'in_progress', 'closed', 'referred', 'rejected']);

/**
 * Queues the push of the complaint's current status to its reporter, when they asked for updates. The retry
 * key comes from the complaint, status and time of the change, so queuing the same change twice sends once.
 * Returns whether a message was queued.
 */
export async function notifyReporter(deps: Deps, complaint: Complaint, now: Date): Promise<boolean> {
  if (complaint.identityMode === 'code_only' || !NOTIFIED.has(complaint.status)) return false;
  const sealed = await findComplaintIdentity(deps.db, complaint.id);
  if (sealed?.notifyCipher == null) return false;
  const userId = await deps.complaintCrypto.open(sealed.notifyCipher);
  const messages = buildStatusUpdate(complaint, complaint.reopenedCount < MAX_REOPENS);
  const key = `complaint-status:${complaint.id}:${complaint.status}:${complaint.updatedAt}`;
  const ids = await enqueueMessages(
    deps.db,
    [
      {
        kind: 'push',
        to: userId,
        messages,
        retryKey: await uuidFrom(key),
        sourceKind: 'complaint',
        sourceId: complaint.id,
      },
    ],
    now,
  );
  return ids.length > 0;
}

/** The agency's EIT short link for this fiscal year, offered to the reporter after rating; undefined if none. */
export async function eitOfferFor(
  deps: Deps,
  complaint: Complaint,
  now: Date,
): Promise<{ agencyName: string; url: string } | undefined> {
  if (complaint.agencyId === null) return undefined;
  const agency = await findAgencyById(deps.db, complaint.agencyId);
  const link = await findSurveyLink(deps.db, complaint.agencyId, fiscalYearOf(now), 'EIT');
  if (agency === undefined || link === undefined || !isHttpsUrl(link.url)) return undefined;
  return { agencyName: agency.nameTh, url: shortLinkUrl(deps.publicBaseUrl, link.code, 'line') };
}

/** Tells the officers' groups that the reporter asked for another look (the reason is read in LIFF). */
export async function notifyOfficersReopened(deps: Deps, complaint: Complaint, now: Date): Promise<number> {
  const agency = complaint.agencyId === null ? undefined : await findAgencyById(deps.db, complaint.agencyId);
  const groups = await officerGroupsFor(deps.db, complaint, agency);
  const url = liffUrlOf(deps.publicBaseUrl, deps.liff.liffId, `cases/${complaint.id}`);
  const rows = await Promise.all(
    groups.map(async (g) => ({
      kind: 'push' as const,
      to: g.groupId,
      messages: buildReopenedForOfficers(complaint.trackingCode, url),
      retryKey: await uuidFrom(`complaint-reopened:${complaint.id}:${complaint.updatedAt}:${g.groupId}`),
      sourceKind: 'complaint',
      sourceId: complaint.id,
    })),
  );
  return (await enqueueMessages(deps.db, rows, now)).length;
}
