// The province-wide ceiling on new complaints an hour (issue 14 §4, setting complaintsPerHourProvince): within
// it each complaint's card goes to its officers' group at once; past it the complaint is still recorded (never
// lost), the coordinators are alerted once that hour, and the scheduler sends each officers' group one card a
// minute listing the complaints held since — a flood fills neither the groups nor the LINE quota.
import { typeLabelOf } from '../../../core/complaints/status.ts';
import { formatThaiDate } from '../../../core/index.ts';
import { findAgencyById } from '../../../db/queries/agencies.ts';
import type { Complaint } from '../../../db/queries/complaints.ts';
import { findComplaintById } from '../../../db/queries/complaints.ts';
import { enqueueMessages } from '../../../db/queries/outbox.ts';
import { hitRateLimit } from '../../../db/queries/rate-limits.ts';
import { reserveSlotWithMessages } from '../../../db/queries/reminder-log.ts';
import { listRoleHolders } from '../../../db/queries/user-roles.ts';
import type { Deps } from '../../deps.ts';
import { liffUrlOf } from '../../line/liff-url.ts';
import { announceComplaint, officerGroupsFor } from './announce.ts';
import { hourBucket } from './limits.ts';
import { uuidFrom } from './uuid.ts';

export const SURGE_KEY_PREFIX = 'complaint-province:';
const HELD_KIND = 'complaint-held';
const BATCHED_KIND = 'complaint-batched';
/** Complaints held longer ago than this are left to the officers' queue in the mini-app. */
const HOLD_WINDOW_MS = 24 * 60 * 60 * 1000;
/** One card lists at most this many; the rest go in the next minute's card. */
const PER_CARD = 20;

/** Announces a new complaint now, or holds it for the next batched card when the province is past its ceiling. */
export async function announceOrHold(
  deps: Deps,
  complaint: Complaint,
  now: Date,
  ceiling: number,
): Promise<void> {
  const count = await hitRateLimit(deps.db, `${SURGE_KEY_PREFIX}${complaint.provinceId}`, hourBucket(now));
  if (count <= ceiling) {
    await announceComplaint(deps, complaint, now);
    return;
  }
  // Held: a reservation without a message marks it; the scheduler's batch picks it up.
  const held = { kind: HELD_KIND, subjectId: complaint.id, targetId: complaint.provinceId, slot: 'new' };
  await reserveSlotWithMessages(deps.db, held, now, [], now);
  if (count === ceiling + 1) await alertCoordinators(deps, complaint.provinceId, ceiling, now);
}

async function alertCoordinators(deps: Deps, provinceId: string, ceiling: number, now: Date): Promise<void> {
  const coordinators = await listRoleHolders(deps.db, { provinceId, role: 'coordinator' });
  const text = [
    `มีเรื่องร้องเรียนใหม่เกิน ${ceiling} เรื่องในชั่วโมงนี้ (${formatThaiDate(now, 'short', { time: true })})`,
    'ระบบยังรับและบันทึกทุกเรื่องตามปกติ แต่จะรวมการแจ้งกลุ่มเจ้าหน้าที่รับเรื่องเป็นรายการทุกหนึ่งนาที',
    'โปรดตรวจสอบว่าเป็นการร้องเรียนจริงหรือการส่งเรื่องซ้ำจำนวนมาก',
  ].join('\n');
  const rows = await Promise.all(
    coordinators.map(async (c) => ({
      kind: 'push' as const,
      to: c.userId,
      messages: [{ type: 'text' as const, text }],
      retryKey: await uuidFrom(`complaint-surge:${provinceId}:${hourBucket(now)}:${c.userId}`),
      sourceKind: 'complaint-surge',
      sourceId: provinceId,
    })),
  );
  if (rows.length > 0) await enqueueMessages(deps.db, rows, now);
  deps.log.warn('complaint ceiling reached: officers cards are batched', { provinceId, ceiling });
}

/** The scheduler's share: one card per officers' group listing the complaints held since the last run. */
export async function sendHeldComplaints(deps: Deps, now: Date): Promise<number> {
  const since = new Date(now.getTime() - HOLD_WINDOW_MS).toISOString();
  const held = await deps.db.kysely
    .selectFrom('reminder_log as h')
    .select('h.subject_id')
    .where('h.kind', '=', HELD_KIND)
    .where('h.reserved_at', '>=', since)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('reminder_log as b')
            .select('b.subject_id')
            .where('b.kind', '=', BATCHED_KIND)
            .whereRef('b.subject_id', '=', 'h.subject_id'),
        ),
      ),
    )
    .orderBy('h.reserved_at')
    .limit(200)
    .execute();
  const byGroup = new Map<string, Complaint[]>();
  const all: Complaint[] = [];
  /** Each complaint's agency name, read once here and reused by the card lines below. */
  const agencyNames = new Map<string, string | undefined>();
  for (const { subject_id } of held) {
    const complaint = await findComplaintById(deps.db, subject_id);
    if (complaint === undefined) continue;
    all.push(complaint);
    const agency =
      complaint.agencyId === null ? undefined : await findAgencyById(deps.db, complaint.agencyId);
    agencyNames.set(complaint.id, agency?.nameTh);
    for (const g of await officerGroupsFor(deps.db, complaint, agency))
      byGroup.set(g.groupId, [...(byGroup.get(g.groupId) ?? []), complaint]);
  }
  let queued = 0;
  const queueUrl = liffUrlOf(deps.publicBaseUrl, deps.liff.liffId, 'cases');
  for (const [groupId, complaints] of byGroup) {
    for (let i = 0; i < complaints.length; i += PER_CARD) {
      const part = complaints.slice(i, i + PER_CARD);
      const lines = part.map(
        (c) => `• ${c.trackingCode} ${typeLabelOf(c.type)} — ${agencyNames.get(c.id) ?? 'ไม่ทราบหน่วยงาน'}`,
      );
      const text = [
        `เรื่องร้องเรียนใหม่ ${part.length} เรื่อง (แจ้งรวมเพราะมีเรื่องเข้ามามากผิดปกติ)`,
        ...lines,
        `เปิดดูรายละเอียดในแอป: ${queueUrl}`,
      ].join('\n');
      const first = part[0]?.id ?? '';
      const key = { kind: BATCHED_KIND, subjectId: first, targetId: groupId, slot: 'card' };
      const message = {
        kind: 'push' as const,
        to: groupId,
        messages: [{ type: 'text' as const, text }],
        sourceKind: 'complaint-batch',
        sourceId: first,
      };
      const { outboxIds } = await reserveSlotWithMessages(deps.db, key, now, [message], now);
      queued += outboxIds.length;
    }
  }
  // Every held complaint is marked batched, including one with no officers' group (its officers see the queue).
  for (const c of all)
    await reserveSlotWithMessages(
      deps.db,
      { kind: BATCHED_KIND, subjectId: c.id, targetId: '', slot: 'done' },
      now,
      [],
      now,
    );
  return queued;
}
