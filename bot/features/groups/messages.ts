// Group binding texts: codes for coordinators, confirmations and problems in groups, and the newcomers' help.
import type { messagingApi } from '@line/bot-sdk';
import { formatThaiDate } from '../../../core/index.ts';
import type { Agency } from '../../../db/queries/agencies.ts';
import type { GroupKind } from '../../../db/schema.ts';
import { cutText, text } from '../../line/chat/message-parts.ts';
import type { LineMessage } from '../../line/client.ts';

type QuickReply = messagingApi.QuickReply;

const HELP_REPLY: QuickReply = {
  items: [{ type: 'action', action: { type: 'message', label: 'ช่วยเหลือ', text: 'ช่วยเหลือ' } }],
};

/** A button or quick-reply label for an agency: its short name within LINE's 20 characters. */
export function agencyLabel(agency: Agency): string {
  return cutText(agency.shortName ?? agency.nameTh, 20);
}

/** What a group serves, as said in a sentence. */
export interface GroupTarget {
  kind: GroupKind;
  agency?: Agency;
  provinceName: string;
}

export function describeTarget(target: GroupTarget): string {
  if (target.kind === 'staff') return target.agency?.nameTh ?? `จังหวัด${target.provinceName}`;
  const whose = target.agency?.nameTh ?? `จังหวัด${target.provinceName}`;
  return `กลุ่มเจ้าหน้าที่รับเรื่องร้องเรียนของ${whose}`;
}

export function buildBindCode(target: GroupTarget, code: string, expiresAt: Date): LineMessage[] {
  return [
    text(
      [
        `รหัสผูกกลุ่มสำหรับ ${describeTarget(target)} คือ ${code}`,
        `ใช้ได้ครั้งเดียว ภายใน ${formatThaiDate(expiresAt, 'short', { time: true })}`,
        'เชิญบัญชีนี้เข้ากลุ่ม LINE ของหน่วยงาน แล้วส่งข้อความถัดไปให้สมาชิกคนใดก็ได้พิมพ์ในกลุ่มนั้นค่ะ',
      ].join('\n'),
    ),
    text(`ผูกกลุ่ม ${code}`),
  ];
}

export function buildBindCodeUsage(): LineMessage[] {
  return [
    text(
      [
        'ขอรหัสผูกกลุ่มโดยพิมพ์ชื่อหรือรหัสหน่วยงานต่อท้ายค่ะ เช่น',
        '• รหัสผูกกลุ่ม เทศบาลนครรังสิต',
        '• รหัสผูกกลุ่ม เจ้าหน้าที่รับเรื่อง (กลุ่มรับเรื่องร้องเรียนของจังหวัด)',
        '• รหัสผูกกลุ่ม เจ้าหน้าที่รับเรื่อง เทศบาลนครรังสิต (กลุ่มรับเรื่องร้องเรียนของหน่วยงาน)',
      ].join('\n'),
    ),
  ];
}

export function buildAgencyNotFound(typed: string): LineMessage[] {
  return [text(`ไม่พบหน่วยงาน "${cutText(typed, 60)}" ในจังหวัดค่ะ ลองพิมพ์ชื่อให้สั้นลงหรือใช้คำอื่น เช่น "รังสิต"`)];
}

/** Several agencies match: pick one; each choice types the full command again with the agency's id. */
export function buildAgencyChoices(
  agencies: readonly Agency[],
  more: boolean,
  commandFor: (agency: Agency) => string,
): LineMessage[] {
  const lines = agencies.map((a) => `• ${a.nameTh}`);
  const tail = more ? '\nยังมีหน่วยงานอื่นที่ตรงกันอีก พิมพ์ชื่อให้เจาะจงขึ้นได้ค่ะ' : '';
  const items = agencies.map((a) => ({
    type: 'action' as const,
    action: { type: 'message' as const, label: agencyLabel(a), text: commandFor(a) },
  }));
  return [text(`พบหลายหน่วยงาน กรุณาเลือกค่ะ\n${lines.join('\n')}${tail}`, { items })];
}

export function buildBound(target: GroupTarget, previous?: string): LineMessage[] {
  const name = describeTarget(target);
  const head =
    previous === undefined
      ? `ผูกกลุ่มนี้กับ ${name} เรียบร้อยแล้วค่ะ`
      : `เปลี่ยนการผูกกลุ่มนี้จาก ${previous} เป็น ${name} เรียบร้อยแล้วค่ะ`;
  const what =
    target.kind === 'staff'
      ? 'กลุ่มนี้จะได้รับการแจ้งเตือนกำหนดส่งงาน ITA และประกาศจากผู้ประสานงานจังหวัด'
      : 'กลุ่มนี้จะได้รับแจ้งเมื่อมีเรื่องร้องเรียนใหม่ (รายละเอียดและตัวตนผู้ร้องเปิดดูได้เฉพาะใน LIFF)';
  return [text(`${head}\n${what}\nพิมพ์ "ช่วยเหลือ" เพื่อดูคำสั่งในกลุ่มนี้`, HELP_REPLY)];
}

export function buildAlreadyBound(target: GroupTarget): LineMessage[] {
  return [text(`กลุ่มนี้ผูกกับ ${describeTarget(target)} อยู่แล้วค่ะ ไม่ต้องใช้รหัสนี้ (ยังใช้กับกลุ่มอื่นได้)`)];
}

export type BindProblem = 'missing' | 'unknown' | 'used' | 'expired' | 'user-chat' | 'room' | 'too-many';

const PROBLEMS: Record<BindProblem, string> = {
  missing: 'กรุณาพิมพ์รหัส 6 ตัวต่อท้ายค่ะ เช่น "ผูกกลุ่ม 4KX9QP" (ขอรหัสได้จากผู้ประสานงานจังหวัด)',
  unknown: 'ไม่พบรหัสนี้ค่ะ กรุณาตรวจตัวอักษรอีกครั้ง หรือขอรหัสใหม่จากผู้ประสานงานจังหวัด',
  used: 'รหัสนี้ถูกใช้ไปแล้วค่ะ รหัสหนึ่งใช้ได้ครั้งเดียว กรุณาขอรหัสใหม่จากผู้ประสานงานจังหวัด',
  expired: 'รหัสนี้หมดอายุแล้วค่ะ กรุณาขอรหัสใหม่จากผู้ประสานงานจังหวัด',
  'user-chat': 'คำสั่งนี้ใช้ในกลุ่ม LINE ของหน่วยงานค่ะ เชิญบัญชีนี้เข้ากลุ่ม แล้วพิมพ์ "ผูกกลุ่ม <รหัส>" ในกลุ่มนั้น',
  room: 'ผูกได้เฉพาะกลุ่ม LINE ค่ะ แชตรวมหลายคนที่ไม่ได้สร้างเป็นกลุ่มผูกกับหน่วยงานไม่ได้ กรุณาสร้างกลุ่มแล้วเชิญบัญชีนี้เข้าไป',
  'too-many': 'มีการลองรหัสในกลุ่มนี้หลายครั้งเกินไปค่ะ กรุณารอสักหนึ่งชั่วโมงแล้วลองใหม่',
};

export function buildBindProblem(problem: BindProblem): LineMessage[] {
  return [text(PROBLEMS[problem])];
}

export function buildUnbound(target: GroupTarget): LineMessage[] {
  return [
    text(
      `ยกเลิกการผูกกลุ่มนี้กับ ${describeTarget(target)} แล้วค่ะ กลุ่มนี้จะไม่ได้รับการแจ้งเตือนอีก\nหากต้องการผูกใหม่ ขอรหัสจากผู้ประสานงานจังหวัดแล้วพิมพ์ "ผูกกลุ่ม <รหัส>"`,
    ),
  ];
}

export function buildNotBound(): LineMessage[] {
  return [text('กลุ่มนี้ยังไม่ได้ผูกกับหน่วยงานใดค่ะ')];
}

export function buildUnbindRefused(target: GroupTarget): LineMessage[] {
  return [
    text(`ขออภัยค่ะ การยกเลิกผูกกลุ่มกับ ${describeTarget(target)} ทำได้เฉพาะผู้ประสานงานจังหวัดหรือผู้รับผิดชอบของหน่วยงานนี้`),
  ];
}

export function buildUnbindInUserChat(): LineMessage[] {
  return [text('กรุณาพิมพ์ "ยกเลิกผูกกลุ่ม" ในกลุ่มที่ต้องการยกเลิกค่ะ (หรือนำบัญชีนี้ออกจากกลุ่ม ก็จะหยุดส่งข้อความไปกลุ่มนั้น)')];
}

/** memberJoined: a short word for newcomers on what the bot does here. */
export function buildMemberWelcome(accountName: string, target?: GroupTarget): LineMessage[] {
  const what =
    target === undefined
      ? 'กลุ่มนี้ยังไม่ได้ผูกกับหน่วยงาน ผู้ประสานงานจังหวัดจะให้รหัสสำหรับพิมพ์ "ผูกกลุ่ม <รหัส>"'
      : target.kind === 'staff'
        ? `กลุ่มนี้ผูกกับ ${describeTarget(target)} บัญชีนี้จะแจ้งกำหนดส่งงาน ITA ประกาศจากจังหวัด และลิงก์แบบสำรวจ IIT/EIT`
        : `กลุ่มนี้เป็น${describeTarget(target)} บัญชีนี้จะแจ้งเมื่อมีเรื่องร้องเรียนใหม่`;
  return [text(`ยินดีต้อนรับค่ะ ${accountName} ช่วยงาน ITA ในกลุ่มนี้\n${what}\nพิมพ์ "ช่วยเหลือ" เพื่อดูคำสั่ง`, HELP_REPLY)];
}
