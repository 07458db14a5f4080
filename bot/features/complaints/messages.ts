// What the reporter reads about a filed complaint: the draft's summary, the receipt, the status by code and
// "my complaints". Never an identity beyond the reporter's own summary before filing.

import type { messagingApi } from '@line/bot-sdk';
import { IDENTITY_MODE_LABELS } from '../../../core/complaints/intake-rules.ts';
import { formatThaiPhone } from '../../../core/complaints/phone.ts';
import { COMPLAINT_TYPE_LABELS, statusLabelOf, typeLabelOf } from '../../../core/complaints/status.ts';
import { formatThaiDate } from '../../../core/index.ts';
import type { Complaint } from '../../../db/queries/complaints.ts';
import type { Deps } from '../../deps.ts';
import { postbackData } from '../../line/chat/command.ts';
import { cutText, flexText, GREY, kiloBubble, text } from '../../line/chat/message-parts.ts';
import type { LineMessage } from '../../line/client.ts';
import type { Settings } from '../settings/settings.ts';
import type { Draft } from './intake-steps.ts';
import { nextHour } from './limits.ts';
import type { PublicStatus } from './tracking.ts';

const thaiTime = (at: Date | string) => formatThaiDate(new Date(at), 'short', { time: true });
/** How to track, with the reader's own code as the example when there is one (never a made-up code). */
const trackHint = (code?: string) =>
  code === undefined ? 'พิมพ์ "ติดตาม" ตามด้วยรหัสติดตาม 15 ตัวที่ได้รับตอนแจ้งเรื่อง' : `พิมพ์ "ติดตาม ${code}"`;

export const TRACK_ACTION = 'complaint.track';

/** The postback button that shows a complaint's status by its code. */
export const trackAction = (code: string): messagingApi.PostbackAction => ({
  type: 'postback',
  label: 'ติดตามเรื่องนี้',
  data: postbackData(TRACK_ACTION, { code }),
  displayText: `ติดตาม ${code}`,
});

export async function buildSummary(deps: Deps, draft: Draft, photoCount: number): Promise<string> {
  const lines = [
    'สรุปเรื่องที่จะส่ง',
    `• ประเภท: ${draft.type === undefined ? '-' : COMPLAINT_TYPE_LABELS[draft.type]}`,
    `• หน่วยงาน: ${draft.agencyName ?? 'ไม่ทราบ (ศูนย์รับเรื่องของจังหวัดพิจารณา)'}`,
    `• รายละเอียด: ${cutText(draft.description ?? '', 1_000)}`,
    `• เวลาและสถานที่: ${[draft.occurredAt, draft.place].filter(Boolean).join(' / ') || 'ไม่ระบุ'}`,
    ...(draft.lat === undefined ? [] : [`• ตำแหน่ง: ${draft.lat.toFixed(5)}, ${(draft.lng ?? 0).toFixed(5)}`]),
    `• รูปภาพ: ${photoCount > 0 ? `${photoCount} รูป` : 'ไม่มี'}`,
    `• การระบุตัวตน: ${draft.identityMode === undefined ? '-' : IDENTITY_MODE_LABELS[draft.identityMode]}`,
  ];
  if (draft.sealedName !== undefined && draft.sealedPhone !== undefined) {
    const { open } = deps.complaintCrypto;
    lines.push(`• ชื่อ: ${await open(draft.sealedName)} โทร ${formatThaiPhone(await open(draft.sealedPhone))}`);
  }
  return lines.join('\n');
}

/** The service levels the receipt promises: the province's settings (issue 5 §3). */
export type ReceiptSla = Pick<Settings, 'complaintAckWorkingDays' | 'complaintReplyDays'>;

export function buildReceipt(complaint: Complaint, sla: ReceiptSla): LineMessage[] {
  const follow =
    complaint.identityMode === 'code_only'
      ? 'ท่านเลือกติดตามด้วยรหัสเท่านั้น ระบบจึงไม่เก็บสิ่งใดที่เชื่อมเรื่องนี้กับบัญชี LINE ของท่าน: โปรดจดรหัสไว้ เรื่องนี้จะไม่แสดงใน "เรื่องของฉัน" และจะไม่มีข้อความแจ้งความคืบหน้า'
      : 'เราจะแจ้งความคืบหน้าในแชตนี้ และดูรหัสได้อีกครั้งที่ "เรื่องของฉัน"';
  return [
    text(
      [
        'ได้รับเรื่องร้องเรียนของท่านแล้ว ขอบคุณที่แจ้งค่ะ',
        `รหัสติดตาม: ${complaint.trackingCode}`,
        `รับเรื่องเมื่อ: ${thaiTime(complaint.createdAt)}`,
        `ประเภท: ${typeLabelOf(complaint.type)}`,
        '',
        `ขั้นต่อไป: เจ้าหน้าที่รับเรื่องร้องเรียนของหน่วยงานจะรับทราบเรื่องและแจ้งผลตามระยะเวลาที่กำหนด (โดยปกติรับทราบภายใน ${sla.complaintAckWorkingDays} วันทำการ และตอบภายใน ${sla.complaintReplyDays} วัน)`,
        `ติดตามเรื่อง: กดปุ่ม "ติดตามเรื่องนี้" หรือ${trackHint(complaint.trackingCode)}`,
        follow,
      ].join('\n'),
    ),
    // The code alone, so it can be copied with one long press; the button stays under it.
    text(complaint.trackingCode, {
      items: [{ type: 'action', action: trackAction(complaint.trackingCode) }],
    }),
  ];
}

export function buildLimited(now: Date, limit: number, keptDraft = false): LineMessage[] {
  const at = formatThaiDate(nextHour(now), 'short', { time: true });
  const kept = keptDraft ? ' ร่างของท่านยังเก็บไว้ กด "ยืนยันส่งเรื่อง" อีกครั้งได้หลังเวลานั้น' : '';
  return [
    text(
      `ขออภัยค่ะ แจ้งเรื่องใหม่ได้ไม่เกิน ${limit} เรื่องต่อชั่วโมง โปรดลองอีกครั้งหลัง ${at}${kept} หากเป็นเรื่องเร่งด่วน โทรสายด่วนศูนย์ดำรงธรรม 1567`,
    ),
  ];
}

export function buildStatus(s: PublicStatus): LineMessage[] {
  const lines = [
    `เรื่องรหัส ${s.trackingCode}`,
    `ประเภท: ${s.typeLabel}`,
    `หน่วยงาน: ${s.agencyName ?? 'ไม่ระบุ (ศูนย์รับเรื่องของจังหวัด)'}`,
    `รับเรื่องเมื่อ: ${thaiTime(s.createdAt)}`,
    `สถานะ: ${s.statusLabel}`,
    ...(s.referredTo === null ? [] : [`ส่งต่อให้: ${s.referredTo}`]),
    ...(s.result === null
      ? []
      : [`${s.status === 'rejected' ? 'เหตุผล' : 'ผลการดำเนินการ'}: ${cutText(s.result, 1_000)}`]),
    '',
    'ความคืบหน้า',
    ...s.history
      .slice(-15)
      .map((e) => `• ${thaiTime(e.at)} ${e.label}${e.note ? ` — ${cutText(e.note, 300)}` : ''}`),
  ];
  return [text(lines.join('\n'))];
}

export const buildTrackUsage = (): LineMessage[] => [
  text(`ติดตามเรื่องร้องเรียน: ${trackHint()} หรือพิมพ์ "เรื่องของฉัน" เพื่อดูรหัสของเรื่องที่ท่านแจ้งไว้`),
];

/** Why typed text cannot be a code: the characters that can never be in one, else how many it must have. */
export function malformedCodeReason(badChars: readonly string[], length: number): string {
  const never = `รหัสติดตามไม่มีตัวอักษร ${[...'ILOU'].join(' ')} และเลข 0 1 (เพราะอ่านสับสนกับตัวอื่น)`;
  return badChars.length > 0
    ? `รหัสที่ท่านพิมพ์มี ${badChars.join(' ')} ซึ่งไม่มีในรหัสติดตาม ${never}`
    : `รหัสติดตามมี 15 ตัว (ตัวอักษรภาษาอังกฤษและตัวเลข ไม่นับขีด) แต่ที่ท่านพิมพ์มี ${length} ตัว`;
}

/** A code that cannot be one, in chat: the reason, and where the person's own codes are. */
export function buildMalformedCode(badChars: readonly string[], length: number): LineMessage[] {
  const why = malformedCodeReason(badChars, length);
  return [text(`${why} โปรดตรวจสอบกับรหัสที่ได้รับตอนแจ้งเรื่องแล้วพิมพ์อีกครั้ง หรือพิมพ์ "เรื่องของฉัน" เพื่อดูรหัสของท่าน`)];
}

export const buildUnknownCode = (): LineMessage[] => [
  text('ไม่พบเรื่องที่ใช้รหัสนี้ โปรดตรวจสอบรหัสอีกครั้ง (พิมพ์ตัวเล็กหรือไม่มีขีดก็ได้)'),
];

export function buildWrongCodesLimited(now: Date): LineMessage[] {
  const at = formatThaiDate(nextHour(now), 'short', { time: true });
  return [text(`ใส่รหัสไม่ถูกต้องหลายครั้งเกินไป โปรดลองอีกครั้งหลัง ${at}`)];
}

/** One complaint of "my complaints": code, type, date filed, status, and the track button. */
function myComplaintBubble(c: Complaint): messagingApi.FlexBubble {
  return kiloBubble(
    [
      flexText(c.trackingCode, { weight: 'bold', size: 'md' }),
      flexText(`${typeLabelOf(c.type)} · แจ้งเมื่อ ${thaiTime(c.createdAt)}`, { color: GREY }),
      flexText(`สถานะ: ${statusLabelOf(c.status)}`),
    ],
    [{ type: 'button', style: 'primary', height: 'sm', action: trackAction(c.trackingCode) }],
  );
}

export function buildMyComplaints(list: readonly Complaint[]): LineMessage[] {
  const note = 'เรื่องที่เลือก "รหัสติดตามเท่านั้น" ไม่แสดงที่นี่ เพราะระบบไม่ได้เชื่อมเรื่องนั้นกับบัญชี LINE ของท่าน ติดตามได้ด้วยรหัส';
  if (list.length === 0) return [text(`ยังไม่มีเรื่องร้องเรียนของท่านในระบบ\n${note}\nพิมพ์ "ร้องเรียน" เพื่อแจ้งเรื่องใหม่`)];
  // A carousel holds 12 bubbles; the newest first, as the list comes.
  const shown = list.slice(0, 12);
  const more = list.length > shown.length ? ` (แสดง ${shown.length} เรื่องล่าสุด)` : '';
  const first = list[0]?.trackingCode;
  return [
    text(
      [
        `เรื่องร้องเรียนของท่าน ${list.length} เรื่อง${more}`,
        `กด "ติดตามเรื่องนี้" ใต้เรื่องที่ต้องการ หรือ${trackHint(first)}`,
        note,
      ].join('\n'),
    ),
    {
      type: 'flex',
      altText: `เรื่องร้องเรียนของท่าน ${list.length} เรื่อง: ${shown.map((c) => c.trackingCode).join(', ')}`,
      contents: { type: 'carousel', contents: shown.map(myComplaintBubble) },
    },
  ];
}
