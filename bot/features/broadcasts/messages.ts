// Announcement texts: the message groups receive, the preview with its confirm buttons and audience picker,
// problems with what was typed, and the delivery report.
import type { messagingApi } from '@line/bot-sdk';
import { formatThaiDate } from '../../../core/index.ts';
import { postbackData } from '../../line/chat/command.ts';
import { cutText, flexText, GREY, RED, text, thaiDay } from '../../line/chat/message-parts.ts';
import type { LineMessage } from '../../line/client.ts';
import { costLines, type SendCost } from '../quota/cost.ts';
import { PRESETS } from './audience.ts';

/** LINE's limit on a text message (PLATFORM-NOTES §1.9). */
const TEXT_MAX_CHARS = 5000;

/** Postback action names of the broadcast buttons (bot/features/broadcasts/commands.ts handles them). */
export const BROADCAST_ACTION = {
  send: 'bc-send',
  cancel: 'bc-cancel',
  audience: 'bc-aud',
  pick: 'bc-pick',
} as const;

/** The message every group receives: who it is from, then the coordinator's text as typed. */
export function buildAnnouncement(body: string, provinceName: string): messagingApi.TextMessage {
  return { type: 'text', text: `📢 ประกาศจากผู้ประสานงาน ITA จังหวัด${provinceName}\n\n${body}` };
}

/** How long the coordinator's own text may be once the heading is added. */
export function maxBodyChars(provinceName: string): number {
  return TEXT_MAX_CHARS - buildAnnouncement('', provinceName).text.length;
}

const quick = (label: string, data: string): messagingApi.QuickReplyItem => ({
  type: 'action',
  action: { type: 'postback', label, data, displayText: label },
});

function audiencePicker(id: string): messagingApi.QuickReply {
  const presets = Object.entries(PRESETS).map(([f, p]) =>
    quick(p.label, postbackData(BROADCAST_ACTION.audience, { id, f })),
  );
  return {
    items: [
      ...presets,
      quick('เลือกอำเภอ…', postbackData(BROADCAST_ACTION.pick, { id, by: 'district' })),
      quick('ยังไม่เสร็จงาน…', postbackData(BROADCAST_ACTION.pick, { id, by: 'activity' })),
    ],
  };
}

export interface PreviewInput {
  id: string;
  announcement: messagingApi.TextMessage;
  audience: string;
  count: number;
  /** What LINE will count for it and the month's quota left after it. */
  cost: SendCost;
  /** filterKey of the filter the count was made with. */
  key: string;
}

/** The exact message as groups will see it, then who gets it, how many groups, and ส่ง / ยกเลิก. */
export function buildPreview(input: PreviewInput): LineMessage[] {
  const button = (label: string, data: string, style: 'primary' | 'secondary'): messagingApi.FlexButton => ({
    type: 'button',
    style,
    height: 'sm',
    action: { type: 'postback', label, data, displayText: label },
  });
  const cancel = button('ยกเลิก', postbackData(BROADCAST_ACTION.cancel, { id: input.id }), 'secondary');
  const send = button('ส่ง', postbackData(BROADCAST_ACTION.send, { id: input.id, k: input.key }), 'primary');
  const count =
    input.count > 0
      ? flexText(`จำนวน ${input.count} กลุ่ม`, { weight: 'bold' })
      : flexText('ไม่มีกลุ่มที่ตรงเงื่อนไข กรุณาเลือกผู้รับใหม่จากปุ่มด้านล่าง', { color: RED });
  const price = costLines(input.cost);
  const quota =
    input.count > 0
      ? price.lines.map((line, i) => flexText(line, i > 0 && price.shortBy > 0 ? { color: RED } : {}))
      : [];
  const confirm: messagingApi.FlexMessage = {
    type: 'flex',
    altText: `ยืนยันการส่งประกาศถึง ${input.count} กลุ่ม`,
    contents: {
      type: 'bubble',
      size: 'kilo',
      body: {
        type: 'box',
        layout: 'vertical',
        spacing: 'sm',
        contents: [
          flexText('ยืนยันการส่งประกาศ', { weight: 'bold', size: 'md' }),
          flexText('ข้อความด้านบนคือสิ่งที่แต่ละกลุ่มจะได้รับ', { size: 'xs', color: GREY }),
          flexText(`ผู้รับ: ${input.audience}`),
          count,
          ...quota,
        ],
      },
      footer: {
        type: 'box',
        layout: 'horizontal',
        spacing: 'sm',
        contents: input.count > 0 ? [send, cancel] : [cancel],
      },
    },
    quickReply: audiencePicker(input.id),
  };
  return [input.announcement, confirm];
}

/** Districts to pick from (LINE shows at most 13 quick replies; more are typed as `[อำเภอ: …]`). */
export function buildDistrictChoices(id: string, districts: readonly string[]): LineMessage[] {
  const shown = districts.slice(0, 13);
  const items = shown.map((d, i) =>
    quick(cutText(d, 20), postbackData(BROADCAST_ACTION.audience, { id, d: i })),
  );
  const more = districts.length > 13 ? '\nอำเภออื่นพิมพ์ใหม่ได้ เช่น "ประกาศ [อำเภอ: ชื่ออำเภอ] ข้อความ"' : '';
  if (items.length === 0) return [text('ยังไม่มีข้อมูลอำเภอของหน่วยงานในจังหวัดค่ะ')];
  return [text(`เลือกอำเภอที่จะส่งประกาศถึงค่ะ${more}`, { items })];
}

/** Open activities to pick from: the announcement goes to agencies that have not finished the one chosen. */
export function buildActivityChoices(
  id: string,
  activities: readonly { seq: number; titleTh: string; dueOn: string }[],
): LineMessage[] {
  if (activities.length === 0) return [text('ปีงบประมาณนี้ยังไม่มีงานในแผนที่หน่วยงานต้องทำค่ะ')];
  const shown = activities.slice(0, 13);
  const lines = shown.map((a) => `${a.seq}. ${cutText(a.titleTh, 60)} (กำหนด ${thaiDay(a.dueOn)})`);
  const items = shown.map((a) =>
    quick(`ข้อ ${a.seq}`, postbackData(BROADCAST_ACTION.audience, { id, act: a.seq })),
  );
  return [text(`ส่งถึงหน่วยงานที่ยังไม่เสร็จงานข้อใดคะ\n${lines.join('\n')}`, { items })];
}

export function buildBroadcastUsage(): LineMessage[] {
  return [
    text(
      [
        'พิมพ์ "ประกาศ" ตามด้วยข้อความค่ะ ระบบจะแสดงตัวอย่างและจำนวนกลุ่มให้ยืนยันก่อนส่ง',
        'เลือกผู้รับได้ด้วยวงเล็บเหลี่ยมหน้าข้อความ (ใส่ได้หลายอัน) หรือกดปุ่มเลือกผู้รับในตัวอย่าง เช่น',
        '• ประกาศ ขอเชิญประชุมชี้แจง ITA … (ทุกกลุ่มหน่วยงาน)',
        '• ประกาศ [อปท.] … หรือ [เทศบาล] [อบต.] [อบจ.] [ส่วนราชการ] [ที่ว่าการอำเภอ]',
        '• ประกาศ [อำเภอ: คลองหลวง, ธัญบุรี] …',
        '• ประกาศ [ยังไม่เสร็จ: 5] … (หน่วยงานที่ยังไม่เสร็จงานข้อ 5 ของแผน)',
      ].join('\n'),
    ),
  ];
}

export type BroadcastProblem =
  | { kind: 'too-long'; length: number; max: number }
  | { kind: 'type'; value: string }
  | { kind: 'activity'; value: string }
  | { kind: 'district'; value: string; districts: readonly string[] }
  | { kind: 'no-activity'; seq: number };

export function buildBroadcastProblem(problem: BroadcastProblem): LineMessage[] {
  switch (problem.kind) {
    case 'too-long':
      return [
        text(
          `ข้อความยาว ${problem.length.toLocaleString('th-TH')} ตัวอักษร เกินกว่าที่ LINE ส่งได้ในข้อความเดียว (${problem.max.toLocaleString('th-TH')} ตัวอักษร) กรุณาตัดให้สั้นลง หรือแบ่งเป็นหลายประกาศค่ะ`,
        ),
      ];
    case 'type':
      return [
        text(
          `ไม่รู้จักประเภทหน่วยงาน "${cutText(problem.value, 40)}" ค่ะ ใช้ได้: อปท., อบจ., เทศบาล, อบต., ส่วนราชการ, ที่ว่าการอำเภอ`,
        ),
      ];
    case 'activity':
      return [text(`กรุณาระบุเลขข้อของงานในแผนค่ะ เช่น [ยังไม่เสร็จ: 5] (ได้รับ "${cutText(problem.value, 40)}")`)];
    case 'district':
      return [
        text(
          `ไม่พบอำเภอ "${cutText(problem.value, 40)}" ในข้อมูลหน่วยงานของจังหวัดค่ะ อำเภอที่มี: ${problem.districts.join(', ') || '-'}`,
        ),
      ];
    case 'no-activity':
      return [text(`ไม่พบงานข้อ ${problem.seq} ในแผนปีงบประมาณนี้ที่หน่วยงานต้องทำค่ะ พิมพ์ "ติดตาม" เพื่อดูเลขข้อของงาน`)];
  }
}

export function buildQueued(count: number): LineMessage[] {
  return [text(`รับคำสั่งแล้วค่ะ กำลังส่งประกาศถึง ${count} กลุ่ม จะแจ้งผลการส่งให้ทราบเมื่อเสร็จ`)];
}

/** A button of a broadcast that is no longer a draft (sent, cancelled) or no longer there. */
export function buildBroadcastClosed(state: 'confirmed' | 'sent' | 'cancelled' | 'unknown'): LineMessage[] {
  const why =
    state === 'cancelled'
      ? 'ประกาศนี้ยกเลิกไปแล้วค่ะ'
      : state === 'unknown'
        ? 'ไม่พบประกาศนี้ค่ะ'
        : 'ประกาศนี้ส่งไปแล้วค่ะ (ส่งครั้งเดียวเท่านั้น)';
  return [text(why)];
}

export function buildCancelled(): LineMessage[] {
  return [text('ยกเลิกประกาศนี้แล้วค่ะ ไม่มีการส่งข้อความ')];
}

export function buildStalePreview(): LineMessage[] {
  return [text('ผู้รับของประกาศนี้เปลี่ยนไปแล้วค่ะ กรุณากด "ส่ง" จากตัวอย่างล่าสุด')];
}

/** Shown failures are capped so the report stays one short message whatever the province's size. */
const MAX_FAILED_NAMES = 20;

export function buildBroadcastReport(input: {
  body: string;
  confirmedAt: Date;
  delivered: number;
  failedNames: readonly string[];
}): LineMessage[] {
  const total = input.delivered + input.failedNames.length;
  const lines = [
    `รายงานผลการส่งประกาศเมื่อ ${formatThaiDate(input.confirmedAt, 'short', { time: true })} ค่ะ`,
    `"${cutText(input.body.replace(/\s+/g, ' '), 60)}"`,
    `ส่งสำเร็จ ${input.delivered} จาก ${total} กลุ่ม`,
  ];
  if (input.failedNames.length > 0) {
    const shown = input.failedNames.slice(0, MAX_FAILED_NAMES).map((n) => `• ${n}`);
    const more = input.failedNames.length - shown.length;
    lines.push(`ส่งไม่สำเร็จ ${input.failedNames.length} กลุ่ม:`, ...shown);
    if (more > 0) lines.push(`และอีก ${more} กลุ่ม`);
    lines.push('อาจเป็นเพราะบัญชีถูกนำออกจากกลุ่ม กรุณาตรวจสอบกับหน่วยงานค่ะ');
  }
  return [text(lines.join('\n'))];
}
