// The card a new complaint puts in the complaint officers' LINE group: code, type, agency and time only — the
// text, photos and identity open in LIFF for that agency's officers (issue 5 §3). Sent through the outbox.
import type { messagingApi } from '@line/bot-sdk';
import { typeLabelOf } from '../../../core/complaints/status.ts';
import { formatThaiDate } from '../../../core/index.ts';
import type { Db } from '../../../db/db.ts';
import type { Agency } from '../../../db/queries/agencies.ts';
import { findAgencyById } from '../../../db/queries/agencies.ts';
import type { Complaint } from '../../../db/queries/complaints.ts';
import { type LineGroup, listAgencyGroups, listBoundGroups } from '../../../db/queries/line-groups.ts';
import { enqueueMessages } from '../../../db/queries/outbox.ts';
import type { Deps } from '../../deps.ts';
import { postbackData } from '../../line/chat/command.ts';
import { flexText, GREY, RED } from '../../line/chat/message-parts.ts';
import type { LineMessage } from '../../line/client.ts';
import { liffUrlOf } from '../../line/liff-url.ts';
import { uuidFrom } from './uuid.ts';

/**
 * The unit that handles complaints about the province's agencies sits in the provincial office (ศูนย์ดำรงธรรม
 * จังหวัด): a complaint about the provincial office itself goes to the province's officers' group, never to
 * the office's own group, and so does one whose agency is unknown or has no officers' group of its own.
 */
export function handledByProvince(agency: Agency | undefined): boolean {
  return agency === undefined || agency.type === 'provincial_office';
}

/** The officers' groups the card goes to: the agency's own, else the province's. */
export async function officerGroupsFor(
  db: Db,
  complaint: Complaint,
  agency: Agency | undefined,
): Promise<LineGroup[]> {
  if (!handledByProvince(agency) && agency !== undefined) {
    const own = (await listAgencyGroups(db, agency.id)).filter((g) => g.kind === 'officers');
    if (own.length > 0) return own;
  }
  const province = await listBoundGroups(db, complaint.provinceId, { kind: 'officers' });
  return province.filter((g) => g.agencyId === null);
}

export function buildComplaintCard(
  complaint: Complaint,
  agency: Agency | undefined,
  detailsUrl: string,
): LineMessage {
  const type = typeLabelOf(complaint.type);
  const filed = formatThaiDate(new Date(complaint.createdAt), 'short', { time: true });
  const row = (label: string, value: string, extra: Partial<messagingApi.FlexText> = {}) => ({
    type: 'box' as const,
    layout: 'baseline' as const,
    spacing: 'sm',
    contents: [flexText(label, { color: GREY, flex: 2 }), flexText(value, { flex: 5, ...extra })],
  });
  const button = (action: messagingApi.Action, style: 'primary' | 'secondary' | 'link') => ({
    type: 'button' as const,
    style,
    height: 'sm' as const,
    action,
  });
  const agencyName = agency?.nameTh ?? 'ไม่ทราบหน่วยงาน (ศูนย์รับเรื่องของจังหวัดพิจารณา)';
  return {
    type: 'flex',
    altText: `เรื่องร้องเรียนใหม่ ${complaint.trackingCode} (${type})`,
    contents: {
      type: 'bubble',
      body: {
        type: 'box',
        layout: 'vertical',
        spacing: 'md',
        contents: [
          flexText('เรื่องร้องเรียนใหม่', { size: 'lg', weight: 'bold' }),
          row('รหัส', complaint.trackingCode, { weight: 'bold' }),
          row('ประเภท', type, complaint.type === 'corruption' ? { color: RED, weight: 'bold' } : {}),
          row('หน่วยงาน', agencyName),
          row('รับเรื่อง', filed),
          flexText('รายละเอียดและผู้ร้องเปิดดูได้ในแอปเฉพาะเจ้าหน้าที่รับเรื่องของหน่วยงานเท่านั้น', {
            size: 'xs',
            color: GREY,
          }),
        ],
      },
      footer: {
        type: 'box',
        layout: 'vertical',
        spacing: 'sm',
        contents: [
          button({ type: 'uri', label: 'เปิดดูรายละเอียด', uri: detailsUrl }, 'primary'),
          button(
            { type: 'postback', label: 'รับทราบ', data: postbackData('complaint.ack', { id: complaint.id }) },
            'secondary',
          ),
          button(
            {
              type: 'postback',
              label: 'รับเรื่องไว้ดำเนินการ',
              data: postbackData('complaint.take', { id: complaint.id }),
            },
            'secondary',
          ),
        ],
      },
    },
  };
}

/**
 * Queues the card for each officers' group; the retry key comes from the complaint and the group, so
 * announcing twice queues nothing new. Returns the groups it went to (none: logged for the operator).
 */
export async function announceComplaint(deps: Deps, complaint: Complaint, now: Date): Promise<string[]> {
  const agency = complaint.agencyId === null ? undefined : await findAgencyById(deps.db, complaint.agencyId);
  const groups = await officerGroupsFor(deps.db, complaint, agency);
  if (groups.length === 0) {
    deps.log.warn('no complaint officers group to announce to', {
      complaintId: complaint.id,
      provinceId: complaint.provinceId,
    });
    return [];
  }
  const url = liffUrlOf(deps.publicBaseUrl, deps.liff.liffId, `cases/${complaint.id}`);
  const card = buildComplaintCard(complaint, agency, url);
  const rows = await Promise.all(
    groups.map(async (g) => ({
      kind: 'push' as const,
      to: g.groupId,
      messages: [card],
      retryKey: await uuidFrom(`complaint-announce:${complaint.id}:${g.groupId}`),
      sourceKind: 'complaint',
      sourceId: complaint.id,
    })),
  );
  await enqueueMessages(deps.db, rows, now);
  return groups.map((g) => g.groupId);
}
