// Who may see and act on a complaint (issue 5 §3, DESIGN.md §5.4): complaint officers of its agency, or the
// province-wide officers of its province. Nobody else — coordinators, other agencies' staff, citizens, members
// of a group — reads a complaint's content or identity or acts on it. Identity reads are audited here.
import type { Db } from '../../../db/db.ts';
import { appendAudit } from '../../../db/queries/audit-log.ts';
import { type Complaint, findComplaintIdentity, listComplaints } from '../../../db/queries/complaints.ts';
import type { IdentityMode } from '../../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import type { Who } from '../../line/chat/context.ts';

/** Where a complaint belongs: enough to decide who handles it. */
export interface ComplaintPlace {
  provinceId: string;
  agencyId: string | null;
}

/** An officer role of the complaint's agency, or a province-wide officer role of its province. */
export function mayHandleComplaint(who: Who, complaint: ComplaintPlace): boolean {
  return who.roles.some(
    (r) =>
      r.role === 'officer' &&
      r.provinceId === complaint.provinceId &&
      (r.agencyId === null || r.agencyId === complaint.agencyId),
  );
}

/**
 * Statistics carry no personal data, so a wider circle reads them: officers of the agency (or the province)
 * and the province's coordinators. `agencyId` undefined means the whole province.
 */
export function mayViewComplaintStats(who: Who, provinceId: string, agencyId?: string): boolean {
  return who.roles.some((r) => {
    if (r.provinceId !== provinceId) return false;
    if (r.role === 'coordinator') return true;
    if (r.role !== 'officer') return false;
    return r.agencyId === null || (agencyId !== undefined && r.agencyId === agencyId);
  });
}

/** The complaints the person may handle, newest first (each officer role adds its agency or province). */
export async function listHandledComplaints(
  db: Db,
  who: Who,
  filter: { statuses?: readonly string[]; agencyId?: string | null } = {},
): Promise<Complaint[]> {
  const found = new Map<string, Complaint>();
  for (const role of who.roles) {
    if (role.role !== 'officer') continue;
    // A province-wide officer narrows by the agency asked for; an agency officer sees only their agency.
    if (role.agencyId !== null && filter.agencyId !== undefined && filter.agencyId !== role.agencyId)
      continue;
    const agencyId = role.agencyId ?? filter.agencyId;
    const list = await listComplaints(db, {
      provinceId: role.provinceId,
      agencyId,
      statuses: filter.statuses,
    });
    for (const c of list) found.set(c.id, c);
  }
  return [...found.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export interface ReporterIdentity {
  mode: IdentityMode;
  /** Only for 'named'; the anonymous modes have no name or phone at all. */
  name: string | null;
  phone: string | null;
}

/**
 * The reporter's name and phone for an officer who may handle the complaint: the read is written to the
 * audit log first, so no identity is ever shown without a record of who saw it. Never the LINE link.
 * Undefined when the person may not handle it (nothing is read) or the complaint is gone.
 */
export async function readReporterIdentity(
  deps: Deps,
  complaint: Complaint,
  viewer: { userId: string; who: Who },
  via: 'liff' | 'chat',
): Promise<ReporterIdentity | undefined> {
  if (!mayHandleComplaint(viewer.who, complaint)) return undefined;
  // The anonymous modes keep no name or phone: there is nothing to read (the LINE link is never shown).
  if (complaint.identityMode !== 'named') return { mode: complaint.identityMode, name: null, phone: null };
  const now = deps.now();
  await appendAudit(
    deps.db,
    {
      actor: viewer.userId,
      action: 'complaint.identity_read',
      subjectType: 'complaint',
      subjectId: complaint.id,
      detail: { mode: complaint.identityMode, via },
    },
    now,
  );
  const sealed = await findComplaintIdentity(deps.db, complaint.id);
  if (sealed === undefined) return undefined;
  if (sealed.identityCipher === null) return { mode: sealed.identityMode, name: null, phone: null };
  const opened: unknown = JSON.parse(await deps.complaintCrypto.open(sealed.identityCipher));
  const field = (key: string) => {
    const value =
      typeof opened === 'object' && opened !== null ? (opened as Record<string, unknown>)[key] : null;
    return typeof value === 'string' ? value : null;
  };
  return { mode: sealed.identityMode, name: field('name'), phone: field('phone') };
}
