// runComplaintSla(deps, now): the scheduler's service-level step (issue 5 §3). Before and after each deadline
// of an open complaint the officers' group is reminded; after one, the province's coordinators are told too.
// Each (complaint, deadline slot, audience) is reserved with its messages in one batch: queued exactly once.
import { dueSlaSlots, type SlaSlot } from '../../../core/complaints/sla.ts';
import { typeLabelOf } from '../../../core/complaints/status.ts';
import { formatThaiDate } from '../../../core/index.ts';
import { isWorkingTime } from '../../../core/reminders/index.ts';
import { type Agency, findAgencyById } from '../../../db/queries/agencies.ts';
import { type Complaint, listComplaints } from '../../../db/queries/complaints.ts';
import { listReservedSlots, reserveSlotWithMessages } from '../../../db/queries/reminder-log.ts';
import { listRoleHolders } from '../../../db/queries/user-roles.ts';
import type { Deps } from '../../deps.ts';
import { text, thaiDay } from '../../line/chat/message-parts.ts';
import { homeProvinceId } from '../../line/chat/who.ts';
import type { LineMessage } from '../../line/client.ts';
import { liffUrlOf } from '../../line/liff-url.ts';
import { loadSettings } from '../settings/settings.ts';
import { officerGroupsFor } from './announce.ts';

export const SLA_KIND = 'complaint_sla';
/** Still waiting for an officer: the statuses a deadline can run out in. */
const OPEN_STATUSES = ['received', 'acknowledged', 'in_progress', 'reopened'];

const STEP_WORDS: Record<SlaSlot['deadline'], string> = {
  acknowledge: 'รับทราบเรื่อง',
  reply: 'แจ้งผลหรือตอบผู้ร้อง',
  close: 'ปิดเรื่อง',
};

/** The second round's deadlines are counted from the reopening: say so, or the dates look wrong. */
const AGAIN = ' ที่ขอให้พิจารณาอีกครั้ง';

/** For the officers' group: the code (already on the group's card), the step and the day; no content. */
export function buildOfficerSlaReminder(c: Complaint, slot: SlaSlot, url: string): LineMessage[] {
  const step = STEP_WORDS[slot.deadline];
  const which = `เรื่องร้องเรียน ${c.trackingCode}${slot.round === 'reopened' ? AGAIN : ''}`;
  const head =
    slot.when === 'before'
      ? `⏰ ${which} ใกล้ครบกำหนด${step} (ภายใน ${thaiDay(slot.dueOn)})`
      : `❗ ${which} เกินกำหนด${step}แล้ว (ครบกำหนด ${thaiDay(slot.dueOn)})`;
  return [text(`${head}\nประเภท: ${typeLabelOf(c.type)}\nเปิดดูและดำเนินการได้ที่ ${url}`)];
}

/** For coordinators: which agency is late with what — no tracking code, no content. */
export function buildCoordinatorSlaAlert(
  c: Complaint,
  slot: SlaSlot,
  agency: Agency | undefined,
): LineMessage[] {
  const whose = agency?.nameTh ?? 'ศูนย์รับเรื่องของจังหวัด (ไม่ระบุหน่วยงาน)';
  const since =
    slot.round === 'reopened' && c.reopenedAt !== null
      ? `${AGAIN.trim()}เมื่อ ${formatThaiDate(new Date(c.reopenedAt))}`
      : `รับเรื่อง ${formatThaiDate(new Date(c.createdAt))}`;
  return [
    text(
      `แจ้งผู้ประสานงาน: เรื่องร้องเรียนประเภท${typeLabelOf(c.type)}ถึง${whose} (${since}) ` +
        `เกินกำหนด${STEP_WORDS[slot.deadline]} (ครบกำหนด ${thaiDay(slot.dueOn)}) โปรดติดตามกับหน่วยงานค่ะ`,
    ),
  ];
}

interface Due {
  complaint: Complaint;
  slot: SlaSlot;
  target: 'officers' | 'coordinators';
}

/** Queues what is due at `now` (inside working hours only); returns the number of messages queued. */
export async function runComplaintSla(deps: Deps, now: Date): Promise<number> {
  const { db } = deps;
  const settings = await loadSettings(db);
  if (!isWorkingTime(now, settings)) return 0;
  const provinceId = await homeProvinceId(db);
  if (provinceId === undefined) return 0;
  const open = await listComplaints(db, { provinceId, statuses: OPEN_STATUSES });
  const due: Due[] = open.flatMap((complaint) =>
    dueSlaSlots(complaint, now, settings).flatMap((slot) => [
      { complaint, slot, target: 'officers' as const },
      ...(slot.when === 'after' ? [{ complaint, slot, target: 'coordinators' as const }] : []),
    ]),
  );
  if (due.length === 0) return 0;
  // Read once which are already reserved, so a quiet tick writes nothing; the reservation stays the guarantee.
  const pairs = due.map((d) => ({ subjectId: d.complaint.id, slot: d.slot.key }));
  const taken = new Set(
    (await listReservedSlots(db, SLA_KIND, pairs)).map((s) => `${s.subjectId}\n${s.targetId}\n${s.slot}`),
  );
  const coordinators = await listRoleHolders(db, { provinceId, role: 'coordinator' });
  let queued = 0;
  for (const d of due) {
    if (taken.has(`${d.complaint.id}\n${d.target}\n${d.slot.key}`)) continue;
    try {
      queued += await queueOne(
        deps,
        d,
        coordinators.map((r) => r.userId),
        now,
      );
    } catch (error) {
      // One failed write (its batch left nothing behind) must not hold back the others; the next tick retries.
      deps.log.error('complaint reminder not queued', {
        complaintId: d.complaint.id,
        slot: d.slot.key,
        reason: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return queued;
}

async function queueOne(deps: Deps, d: Due, coordinatorIds: string[], now: Date): Promise<number> {
  const { complaint, slot } = d;
  const agency = complaint.agencyId === null ? undefined : await findAgencyById(deps.db, complaint.agencyId);
  let recipients: string[];
  let messages: LineMessage[];
  if (d.target === 'officers') {
    recipients = (await officerGroupsFor(deps.db, complaint, agency)).map((g) => g.groupId);
    const url = liffUrlOf(deps.publicBaseUrl, deps.liff.liffId, `cases/${complaint.id}`);
    messages = buildOfficerSlaReminder(complaint, slot, url);
  } else {
    recipients = coordinatorIds;
    messages = buildCoordinatorSlaAlert(complaint, slot, agency);
  }
  if (recipients.length === 0) return 0; // nobody to tell yet: a later tick tries again
  const rows = recipients.map((to) => ({
    kind: 'push' as const,
    to,
    messages,
    sourceKind: 'complaint_sla',
    sourceId: complaint.id,
  }));
  const key = { kind: SLA_KIND, subjectId: complaint.id, targetId: d.target, slot: slot.key };
  const { outboxIds } = await reserveSlotWithMessages(deps.db, key, slot.plannedFor, rows, now);
  return outboxIds.length;
}
