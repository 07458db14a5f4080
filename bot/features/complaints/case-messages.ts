// What the reporter and the officers read after a complaint is filed: status updates, the rating and reopen
// offer, the EIT invitation, and the officers' group answers. Pure builders; never the text or identity.
import type { messagingApi } from '@line/bot-sdk';
import { statusLabelOf } from '../../../core/complaints/status.ts';
import { formatThaiDate } from '../../../core/index.ts';
import type { Complaint } from '../../../db/queries/complaints.ts';
import { postbackData } from '../../line/chat/command.ts';
import { cutText, text } from '../../line/chat/message-parts.ts';
import type { LineMessage } from '../../line/client.ts';

export const RATE_ACTION = 'complaint.rate';
export const REOPEN_ASK_ACTION = 'complaint.reopen';
export const REOPEN_KEYWORD = 'เปิดเรื่องอีกครั้ง';

const when = (at: string) => formatThaiDate(new Date(at), 'short', { time: true });

/** The quick replies under a closing notice: five ratings and, while allowed, the reopen request. */
function closingQuickReply(complaint: Complaint, mayReopen: boolean): messagingApi.QuickReply {
  const code = complaint.trackingCode;
  const items: messagingApi.QuickReplyItem[] = [1, 2, 3, 4, 5].map((r) => ({
    type: 'action',
    action: {
      type: 'postback',
      label: `${r} ${'★'.repeat(r)}`,
      data: postbackData(RATE_ACTION, { code, r }),
      displayText: `ให้คะแนน ${r} จาก 5`,
    },
  }));
  if (mayReopen)
    items.push({
      type: 'action',
      action: {
        type: 'postback',
        label: 'ขอพิจารณาอีกครั้ง',
        data: postbackData(REOPEN_ASK_ACTION, { code }),
        displayText: 'ขอให้พิจารณาอีกครั้ง',
      },
    });
  return { items };
}

/** The push a status change sends the reporter (named or "anonymous with updates"). */
export function buildStatusUpdate(complaint: Complaint, mayReopen: boolean): LineMessage[] {
  const head = `เรื่องร้องเรียนรหัส ${complaint.trackingCode}\nสถานะ: ${statusLabelOf(complaint.status)} (${when(complaint.updatedAt)})`;
  const detail = (label: string, value: string | null) =>
    value ? `\n${label}: ${cutText(value, 1500)}` : '';
  switch (complaint.status) {
    case 'closed':
      return [
        text(
          `${head}${detail('ผลการดำเนินการ', complaint.result)}\n\nโปรดให้คะแนนการจัดการเรื่องนี้ 1–5 ดาว (5 = ดีมาก)` +
            (mayReopen ? ' หากยังไม่พอใจผล กด "ขอพิจารณาอีกครั้ง" ได้ 1 ครั้งค่ะ' : 'ค่ะ'),
          closingQuickReply(complaint, mayReopen),
        ),
      ];
    case 'referred':
      return [text(`${head}${detail('ส่งต่อให้', complaint.referredTo)}\nหน่วยงานที่รับเรื่องต่อจะดำเนินการต่อไปค่ะ`)];
    case 'rejected':
      return [text(`${head}${detail('เหตุผล', complaint.result)}`)];
    default:
      return [text(`${head}\nท่านติดตามเรื่องได้ทุกเมื่อด้วยการพิมพ์ "ติดตาม ${complaint.trackingCode}" ค่ะ`)];
  }
}

export function buildThanksForRating(
  rating: number,
  eit?: { agencyName: string; url: string },
): LineMessage[] {
  const thanks = `ขอบคุณที่ให้คะแนน ${rating} จาก 5 ค่ะ ความเห็นของท่านช่วยให้หน่วยงานปรับปรุงการให้บริการ`;
  if (eit === undefined) return [text(thanks)];
  return [
    text(
      `${thanks}\n\nขอเชิญตอบแบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT) ของ${eit.agencyName} ` +
        `เพื่อประเมินคุณธรรมและความโปร่งใสของหน่วยงาน (ไม่ต้องระบุชื่อ ใช้เวลาไม่กี่นาที):\n${eit.url}`,
    ),
  ];
}

export const buildAlreadyRated = () => [text('เรื่องนี้ได้รับคะแนนจากท่านแล้ว ขอบคุณค่ะ')];
export const buildNotRatable = () => [text('ให้คะแนนได้เมื่อเรื่องดำเนินการเสร็จสิ้นแล้วค่ะ')];
export const buildUnknownCode = () => [
  text('ไม่พบเรื่องร้องเรียนตามรหัสนี้ค่ะ โปรดตรวจสอบรหัส 15 ตัวอักษรอีกครั้ง (อาจถูกลบตามระยะเวลาเก็บรักษาแล้ว)'),
];

export function buildReopenHowTo(code: string): LineMessage[] {
  return [
    text(
      `หากต้องการให้หน่วยงานพิจารณาเรื่อง ${code} อีกครั้ง โปรดพิมพ์\n${REOPEN_KEYWORD} ${code} ตามด้วยเหตุผล\n` +
        `เช่น "${REOPEN_KEYWORD} ${code} ปัญหายังไม่ได้รับการแก้ไข"\n(ขอได้ 1 ครั้งต่อเรื่องค่ะ)`,
    ),
  ];
}

export const buildReopened = (code: string) => [
  text(`ส่งคำขอให้พิจารณาเรื่อง ${code} อีกครั้งแล้วค่ะ เจ้าหน้าที่จะได้รับแจ้งและแจ้งความคืบหน้าให้ท่านทราบ`),
];

export const buildReopenedForOfficers = (code: string, url: string) => [
  text(`ผู้ร้องขอให้พิจารณาเรื่อง ${code} อีกครั้ง โปรดเปิดดูเหตุผลและดำเนินการได้ที่ ${url}`),
];

/** One line for the officers' group: who did what to which code — never the complaint's text or identity. */
export function buildOfficerDone(action: 'acknowledge' | 'take', code: string, byName: string | undefined) {
  const who = byName ?? 'เจ้าหน้าที่';
  const did = action === 'acknowledge' ? 'รับทราบเรื่อง' : 'รับเรื่องไว้ดำเนินการ';
  return [text(`${who} ${did} ${code} แล้วค่ะ`)];
}

export function buildOfficerAlready(code: string, status: string, byName: string | undefined, at?: string) {
  const by = byName === undefined ? '' : ` โดย ${byName}`;
  const time = at === undefined ? '' : ` เมื่อ ${when(at)}`;
  return [text(`เรื่อง ${code}: ${statusLabelOf(status)}${by}${time} ไม่ต้องดำเนินการซ้ำค่ะ`)];
}

export const buildOfficerOnly = () => [text('ปุ่มนี้สำหรับเจ้าหน้าที่รับเรื่องร้องเรียนของหน่วยงานที่เกี่ยวข้องเท่านั้นค่ะ')];

export const buildComplaintGone = () => [text('ไม่พบเรื่องนี้แล้วค่ะ (อาจถูกลบตามระยะเวลาเก็บรักษา)')];

export const buildNeedsUserId = () => [
  text(
    'ขออภัยค่ะ LINE ไม่ได้แจ้งว่าใครเป็นผู้กดปุ่มนี้ ระบบจึงบันทึกไม่ได้ เพราะต้องรู้ว่าเจ้าหน้าที่คนใดเป็นผู้ดำเนินการ ' +
      'กรุณาเพิ่มบัญชีนี้เป็นเพื่อนแล้วกดใหม่จาก LINE บนโทรศัพท์ หรือเปิดรายละเอียดในแอปค่ะ',
  ),
];
