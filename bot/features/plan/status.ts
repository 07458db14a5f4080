// The plan status view: the fiscal year's activities on a month timeline (Oct–Sep, like seed 002's calendar),
// each responsible agency's status with who marked it done, overdue flags, and what the viewer may do.
import { formatThaiDate, THAI_MONTHS_SHORT, toBuddhistYear } from '../../../core/index.ts';
import { bangkokDay } from '../../../core/reminders/index.ts';
import type { Db } from '../../../db/db.ts';
import { listPlanStatuses, statusesByActivity } from '../../../db/queries/activity-status.ts';
import { type Agency, listAgencies } from '../../../db/queries/agencies.ts';
import { findLineUser } from '../../../db/queries/line-users.ts';
import { type Activity, listActivities } from '../../../db/queries/plan-activities.ts';
import type { TaskStatus } from '../../../db/schema.ts';
import type { Who } from '../../line/chat/context.ts';
import { thaiDay } from '../../line/chat/message-parts.ts';
import { responsibleAgencyIds } from './tasks.ts';

const STATUS_LABELS: Record<TaskStatus, string> = {
  not_started: 'ยังไม่เริ่ม',
  in_progress: 'กำลังดำเนินการ',
  done: 'เสร็จแล้ว',
};

const RESPONSIBLE_LABELS: Record<Activity['responsible'], string> = {
  all: 'ทุกหน่วยงาน',
  agencies: 'หน่วยงานที่กำหนด',
  coordinator: 'สำนักงานจังหวัด',
  nacc: 'สำนักงาน ป.ป.ช.',
};

export interface PlanAgencyStatus {
  agencyId: string;
  name: string;
  status: TaskStatus;
  statusLabel: string;
  doneBy: string | null;
  doneAt: string | null;
  doneAtLabel: string | null;
  overdue: boolean;
  canMarkDone: boolean;
}

export interface PlanActivityView {
  id: string;
  seq: number;
  title: string;
  kind: string;
  startDate: string | null;
  startLabel: string | null;
  dueDate: string;
  dueLabel: string;
  /** Fiscal month of the start (or due) and of the due date: 0 = October … 11 = September. */
  startMonth: number;
  dueMonth: number;
  responsible: Activity['responsible'];
  responsibleLabel: string;
  agencies: PlanAgencyStatus[];
  doneCount: number;
  overdueCount: number;
}

export interface PlanView {
  provinceId: string;
  year: number;
  /** Today in Asia/Bangkok: what `overdue` is computed against. */
  today: string;
  months: { index: number; label: string }[];
  activities: PlanActivityView[];
  can: { edit: boolean; markDoneAgencyIds: string[] };
}

/** 0 = October of the year before … 11 = September; clamped for dates outside the fiscal year. */
function fiscalMonthOf(isoDay: string, year: number): number {
  const [y = 0, m = 1] = isoDay.split('-').map(Number);
  const index = (toBuddhistYear(y) - (year - 1)) * 12 + (m - 10);
  return Math.min(11, Math.max(0, index));
}

function monthsOf(year: number): PlanView['months'] {
  return Array.from({ length: 12 }, (_, index) => {
    const month = (index + 9) % 12;
    return { index, label: `${THAI_MONTHS_SHORT[month] ?? ''} ${index < 3 ? year - 1 : year}` };
  });
}

/** Who may mark an agency done: its ITA staff, or a coordinator of its province. */
export function mayMarkDone(who: Who, agency: Pick<Agency, 'id' | 'provinceId'>): boolean {
  return (
    who.staffAgencyIds.includes(agency.id) ||
    who.roles.some((r) => r.role === 'coordinator' && r.provinceId === agency.provinceId)
  );
}

export async function buildPlanView(
  db: Db,
  provinceId: string,
  year: number,
  who: Who,
  now: Date,
): Promise<PlanView> {
  const today = bangkokDay(now);
  const agencies = await listAgencies(db, provinceId);
  const byId = new Map(agencies.map((a) => [a.id, a]));
  const names = new Map<string, string | null>();
  const nameOf = async (userId: string | null): Promise<string | null> => {
    if (userId === null) return null;
    if (!names.has(userId)) names.set(userId, (await findLineUser(db, userId))?.displayName ?? null);
    return names.get(userId) ?? null;
  };
  // Every status of the year in one query, not one per activity.
  const [planned, planStatuses] = await Promise.all([
    listActivities(db, provinceId, year),
    listPlanStatuses(db, provinceId, year),
  ]);
  const byActivity = statusesByActivity(planStatuses);
  const activities: PlanActivityView[] = [];
  for (const activity of planned) {
    const statuses = byActivity.get(activity.id);
    const rows: PlanAgencyStatus[] = [];
    for (const agencyId of responsibleAgencyIds(activity, agencies)) {
      const agency = byId.get(agencyId);
      const status = statuses?.get(agencyId);
      const done = status?.status === 'done';
      rows.push({
        agencyId,
        name: agency?.nameTh ?? agencyId,
        status: status?.status ?? 'not_started',
        statusLabel: STATUS_LABELS[status?.status ?? 'not_started'],
        doneBy: done ? await nameOf(status.updatedBy) : null,
        doneAt: done ? status.updatedAt : null,
        doneAtLabel: done ? formatThaiDate(new Date(status.updatedAt)) : null,
        overdue: !done && activity.dueOn < today,
        canMarkDone: !done && agency !== undefined && mayMarkDone(who, agency),
      });
    }
    activities.push({
      id: activity.id,
      seq: activity.seq,
      title: activity.titleTh,
      kind: activity.kind,
      startDate: activity.startsOn,
      startLabel: activity.startsOn === null ? null : thaiDay(activity.startsOn),
      dueDate: activity.dueOn,
      dueLabel: thaiDay(activity.dueOn),
      startMonth: fiscalMonthOf(activity.startsOn ?? activity.dueOn, year),
      dueMonth: fiscalMonthOf(activity.dueOn, year),
      responsible: activity.responsible,
      responsibleLabel: RESPONSIBLE_LABELS[activity.responsible],
      agencies: rows,
      doneCount: rows.filter((r) => r.status === 'done').length,
      overdueCount: rows.filter((r) => r.overdue).length,
    });
  }
  return {
    provinceId,
    year,
    today,
    months: monthsOf(year),
    activities,
    can: {
      edit: who.roles.some((r) => r.role === 'coordinator' && r.provinceId === provinceId),
      markDoneAgencyIds: agencies.filter((a) => mayMarkDone(who, a)).map((a) => a.id),
    },
  };
}
