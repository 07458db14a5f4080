// Broadcasts from the mini-app: the API's filter checked against the province, the preview the chat would
// show (the exact announcement, who gets it, how many groups), and recent broadcasts with delivery counts.
import type { Db } from '../../../db/db.ts';
import { type Broadcast, listBroadcasts } from '../../../db/queries/broadcasts.ts';
import { listOutboxBySource } from '../../../db/queries/outbox.ts';
import { findActivityById } from '../../../db/queries/plan-activities.ts';
import type { AgencyType } from '../../../db/schema.ts';
import { BroadcastFilter, describeAudience, filterKey } from './audience.ts';
import { provinceNameOf } from './draft.ts';
import { buildAnnouncement, maxBodyChars } from './messages.ts';
import { listAgencyActivities, listDistricts, listRecipients } from './recipients.ts';

export interface ApiFilter {
  type?: AgencyType;
  district?: string;
  notDoneActivityId?: string;
}

export interface BroadcastPreview {
  groups: number;
  audience: string;
  /** The message every group receives, heading included. */
  text: string;
  /** The filter's fingerprint, as the chat's send button carries it. */
  key: string;
}

/** The stored filter for the API's one, or a Thai reason (a 400) when a district or activity is not the province's. */
export async function resolveApiFilter(
  db: Db,
  provinceId: string,
  input: ApiFilter,
  now: Date,
): Promise<BroadcastFilter | string> {
  const filter: BroadcastFilter = {};
  if (input.type !== undefined) filter.types = [input.type];
  if (input.district !== undefined) {
    const districts = await listDistricts(db, provinceId);
    const plain = input.district.replace(/^(อำเภอ|อ\.)\s*/, '');
    if (!districts.includes(plain)) return `ไม่พบอำเภอ "${input.district}" (มี ${districts.join(', ')})`;
    filter.districts = [plain];
  }
  if (input.notDoneActivityId !== undefined) {
    const activities = await listAgencyActivities(db, provinceId, now);
    if (!activities.some((a) => a.id === input.notDoneActivityId)) {
      return 'ไม่พบกิจกรรมนี้ในแผนงานปีนี้ที่หน่วยงานต้องทำ';
    }
    filter.activityId = input.notDoneActivityId;
  }
  return filter;
}

/** Too long for one LINE text once the heading is added: the reason, else undefined. */
export async function checkBroadcastText(
  db: Db,
  provinceId: string,
  text: string,
): Promise<string | undefined> {
  const max = maxBodyChars(await provinceNameOf(db, provinceId));
  return text.length > max ? `ข้อความยาว ${text.length} ตัวอักษร เกินที่ส่งได้ (${max})` : undefined;
}

export async function previewOf(
  db: Db,
  provinceId: string,
  text: string,
  filter: BroadcastFilter,
): Promise<BroadcastPreview> {
  const groups = await listRecipients(db, provinceId, filter);
  const activity =
    filter.activityId === undefined ? undefined : await findActivityById(db, filter.activityId);
  return {
    groups: groups.length,
    audience: describeAudience(filter, activity),
    text: buildAnnouncement(text, await provinceNameOf(db, provinceId)).text,
    key: filterKey(filter),
  };
}

export interface BroadcastSummary {
  id: string;
  text: string;
  audience: string;
  state: Broadcast['state'];
  createdAt: string;
  confirmedAt: string | null;
  recipients: number | null;
  delivered: number;
  failed: number;
  pending: number;
}

/** The province's latest broadcasts (drafts left from chat included), newest first, with delivery counts. */
export async function listBroadcastSummaries(
  db: Db,
  provinceId: string,
  limit = 20,
): Promise<BroadcastSummary[]> {
  const summaries: BroadcastSummary[] = [];
  for (const b of await listBroadcasts(db, provinceId, limit)) {
    const rows = await listOutboxBySource(db, { kind: 'broadcast', id: b.id });
    const filter = BroadcastFilter.safeParse(b.filter ?? {});
    summaries.push({
      id: b.id,
      text: b.text,
      audience: filter.success ? describeAudience(filter.data) : 'ไม่ทราบผู้รับ',
      state: b.state,
      createdAt: b.createdAt,
      confirmedAt: b.confirmedAt,
      recipients: b.recipientCount,
      delivered: rows.filter((r) => r.state === 'sent').length,
      failed: rows.filter((r) => r.state === 'failed').length,
      pending: rows.filter((r) => r.state === 'pending' || r.state === 'sending').length,
    });
  }
  return summaries;
}
