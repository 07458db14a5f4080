// What complaint statistics are computed over: an agency or a whole province, its complaints stripped to the
// fields statistics read (no text, place or identity), and who may ask for which scope.
import type { StatsComplaint } from '../../../core/complaints/stats.ts';
import type { Db } from '../../../db/db.ts';
import { findAgencyById } from '../../../db/queries/agencies.ts';
import { listComplaints } from '../../../db/queries/complaints.ts';
import { findProvinceById } from '../../../db/queries/provinces.ts';
import type { Deps } from '../../deps.ts';
import type { Who } from '../../line/chat/context.ts';
import { mayViewComplaintStats } from './access.ts';

export interface StatsScope {
  provinceId: string;
  /** Absent: every complaint of the province, whatever its agency (or none). */
  agencyId?: string;
  name: string;
}

/** `--agency` of the CLI: an agency id, or a province id for the whole province. */
export async function resolveStatsScope(db: Db, id: string): Promise<StatsScope | undefined> {
  const agency = await findAgencyById(db, id);
  if (agency !== undefined)
    return { provinceId: agency.provinceId, agencyId: agency.id, name: agency.nameTh };
  const province = await findProvinceById(db, id);
  return province && { provinceId: province.id, name: `จังหวัด${province.nameTh}` };
}

/** The scope's complaints as statistics see them. */
export async function loadStatsComplaints(db: Db, scope: StatsScope): Promise<StatsComplaint[]> {
  const list = await listComplaints(db, { provinceId: scope.provinceId, agencyId: scope.agencyId });
  return list.map((c) => ({
    type: c.type,
    status: c.status,
    agencyId: c.agencyId,
    createdAt: c.createdAt,
    acknowledgedAt: c.acknowledgedAt,
    repliedAt: c.repliedAt,
    closedAt: c.closedAt,
    reopenedCount: c.reopenedCount,
  }));
}

/**
 * The scope the person asks for (an agency, else their province) with its complaints, or why they may not:
 * officers of the agency or the province, and the province's coordinators.
 */
export async function loadComplaintStatsInput(
  deps: Deps,
  who: Who,
  agencyId: string | undefined,
): Promise<{ scope: StatsScope; complaints: StatsComplaint[] } | string> {
  const refusal = 'เฉพาะเจ้าหน้าที่รับเรื่องร้องเรียนของหน่วยงานหรือผู้ประสานงานจังหวัดเท่านั้น';
  const scope =
    agencyId !== undefined
      ? await resolveStatsScope(deps.db, agencyId)
      : who.provinceId === undefined
        ? undefined
        : await resolveStatsScope(deps.db, who.provinceId);
  if (scope === undefined || (agencyId !== undefined && scope.agencyId === undefined)) return refusal;
  if (!mayViewComplaintStats(who, scope.provinceId, scope.agencyId)) return refusal;
  return { scope, complaints: await loadStatsComplaints(deps.db, scope) };
}
