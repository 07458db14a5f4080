// runComplaintRetention(deps, now): the scheduler's retention step (issue 5 §3). Finished complaints are
// deleted once past delete_after (set on closing: closed + the retention period), their history, photos and
// sealed identity with them (ON DELETE CASCADE); the officers' group is warned once, some days before.
import { formatThaiDate } from '../../../core/index.ts';
import { isWorkingTime } from '../../../core/reminders/index.ts';
import { findAgencyById } from '../../../db/queries/agencies.ts';
import { appendAudit } from '../../../db/queries/audit-log.ts';
import { type Complaint, deleteExpiredComplaints, listComplaints } from '../../../db/queries/complaints.ts';
import { forgetComplaintDeliveries } from '../../../db/queries/outbox.ts';
import { reserveSlotWithMessages } from '../../../db/queries/reminder-log.ts';
import type { Deps } from '../../deps.ts';
import { text } from '../../line/chat/message-parts.ts';
import { homeProvinceId } from '../../line/chat/who.ts';
import type { LineMessage } from '../../line/client.ts';
import { loadSettings } from '../settings/settings.ts';
import { officerGroupsFor } from './announce.ts';
import { SLA_KIND } from './sla.ts';

export const RETENTION_KIND = 'retention_warning';
const RETENTION_SOURCE = 'complaint_retention';
const FINISHED = ['closed', 'referred', 'rejected'];
const DAY_MS = 86_400_000;

/**
 * The outbox keeps a push's recipient in clear: for a reporter's status update that is their LINE user id next
 * to the complaint id. Once delivered (or given up), it is forgotten; rows of deleted complaints go entirely.
 */
const COMPLAINT_DELIVERIES = {
  reporterSource: 'complaint',
  sources: ['complaint', 'complaint_sla', RETENTION_SOURCE],
  slots: [SLA_KIND, RETENTION_KIND],
};

export function buildRetentionWarning(c: Complaint, deleteAfter: Date): LineMessage[] {
  return [
    text(
      `แจ้งล่วงหน้า: เรื่องร้องเรียน ${c.trackingCode} ที่ดำเนินการเสร็จแล้ว จะถูกลบออกจากระบบพร้อมรูปภาพและข้อมูลผู้ร้อง ` +
        `ในวันที่ ${formatThaiDate(deleteAfter)} ตามระยะเวลาเก็บรักษาข้อมูล หากต้องเก็บเป็นหลักฐาน ` +
        'โปรดบันทึกไว้ในระบบงานสารบรรณของหน่วยงานก่อนวันดังกล่าวค่ะ',
    ),
  ];
}

export interface RetentionReport {
  warned: number;
  deleted: number;
}

/** Warns (inside working hours) and deletes (at any hour); every step is safe to run twice at once. */
export async function runComplaintRetention(deps: Deps, now: Date): Promise<RetentionReport> {
  const { db } = deps;
  const settings = await loadSettings(db);
  const warned = isWorkingTime(now, settings) ? await warnBeforeDeletion(deps, now, settings) : 0;
  const deleted = await deleteExpiredComplaints(db, now);
  if (deleted > 0) {
    await appendAudit(
      db,
      { actor: 'system', action: 'complaint.retention_delete', detail: { deleted } },
      now,
    );
  }
  await forgetComplaintDeliveries(db, COMPLAINT_DELIVERIES);
  return { warned, deleted };
}

async function warnBeforeDeletion(
  deps: Deps,
  now: Date,
  settings: { complaintRetentionWarnDays: number },
): Promise<number> {
  const provinceId = await homeProvinceId(deps.db);
  if (provinceId === undefined) return 0;
  const horizon = now.getTime() + settings.complaintRetentionWarnDays * DAY_MS;
  const finished = await listComplaints(deps.db, { provinceId, statuses: FINISHED });
  const soon = finished.filter((c) => c.deleteAfter !== null && new Date(c.deleteAfter).getTime() <= horizon);
  let queued = 0;
  for (const c of soon) {
    const deleteAfter = new Date(c.deleteAfter ?? now);
    if (deleteAfter.getTime() <= now.getTime()) continue; // goes now: nothing left to warn about
    const agency = c.agencyId === null ? undefined : await findAgencyById(deps.db, c.agencyId);
    const groups = await officerGroupsFor(deps.db, c, agency);
    if (groups.length === 0) continue;
    const rows = groups.map((g) => ({
      kind: 'push' as const,
      to: g.groupId,
      messages: buildRetentionWarning(c, deleteAfter),
      sourceKind: RETENTION_SOURCE,
      sourceId: c.id,
    }));
    // The slot names the deletion day: a reopened and closed-again complaint is warned again for its new day.
    const key = { kind: RETENTION_KIND, subjectId: c.id, targetId: 'officers', slot: c.deleteAfter ?? '' };
    const { outboxIds } = await reserveSlotWithMessages(deps.db, key, now, rows, now);
    queued += outboxIds.length;
  }
  return queued;
}
