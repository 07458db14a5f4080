// The questions of the chat intake, one per step, each with its quick replies (≤ 13, labels ≤ 20 characters:
// PLATFORM-NOTES §1.9). Pure builders: the flow (intake.ts) decides which one to ask.
import type { messagingApi } from '@line/bot-sdk';
import { IDENTITY_MODE_LABELS, INTAKE_RULES } from '../../../core/complaints/intake-rules.ts';
import { COMPLAINT_TYPE_LABELS, COMPLAINT_TYPES } from '../../../core/complaints/status.ts';
import type { Agency } from '../../../db/queries/agencies.ts';
import { postbackData } from '../../line/chat/command.ts';
import { cutText, flexText, GREY, kiloBubble, text } from '../../line/chat/message-parts.ts';
import type { LineMessage } from '../../line/client.ts';

export type Step =
  | 'type'
  | 'agency'
  | 'description'
  | 'whenWhere'
  | 'photos'
  | 'identity'
  | 'name'
  | 'phone'
  | 'confirm'
  /** "แก้ไข" from the summary: which answer to change (then back to the summary). */
  | 'edit';

export const FLOW_ACTION = 'complaint.flow';

type Item = messagingApi.QuickReplyItem;

/** A button that answers `step` with `choice`; `k` ties it to this draft, so an old button is recognised. */
export function choiceItem(draftKey: string, step: Step, choice: string, label: string, shown = label): Item {
  return {
    type: 'action',
    action: {
      type: 'postback',
      label: cutText(label, 20),
      data: postbackData(FLOW_ACTION, { s: step, c: choice, k: draftKey }),
      displayText: cutText(shown, 300),
    },
  };
}

const typed = (label: string, said = label): Item => ({
  type: 'action',
  action: { type: 'message', label, text: said },
});
export const CANCEL_ITEM = typed('ยกเลิก');

const ask = (t: string, items: Item[]) => text(t, { items: [...items, CANCEL_ITEM] });

export function buildPrivacyNotice(privacyUrl: string): LineMessage {
  return text(
    [
      'ก่อนเริ่ม โปรดทราบวิธีที่เราดูแลข้อมูลของท่าน (พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล)',
      '• เก็บ: ประเภทเรื่อง หน่วยงาน รายละเอียด เวลา/สถานที่ รูปภาพ และชื่อกับเบอร์โทรศัพท์เฉพาะเมื่อท่านเลือกระบุชื่อ',
      '• ผู้เห็น: เฉพาะเจ้าหน้าที่รับเรื่องร้องเรียนของหน่วยงานที่เกี่ยวข้อง (หรือศูนย์รับเรื่องของจังหวัด) ชื่อและเบอร์โทรศัพท์เข้ารหัสไว้ และทุกครั้งที่เปิดดูจะถูกบันทึก',
      '• ระยะเวลา: เก็บจนปิดเรื่องแล้วประมาณ 2 ปี แล้วลบทั้งหมด ร่างที่ไม่ได้ส่งจะถูกลบภายใน 24 ชั่วโมง',
      '• เลือกได้ว่าจะระบุชื่อ ไม่ระบุชื่อแต่รับแจ้งผลทาง LINE หรือใช้เพียงรหัสติดตาม (หน่วยงานไม่ทราบตัวตนของท่าน แต่ LINE ในฐานะผู้ให้บริการแชตยังทราบว่าใครส่งข้อความ)',
      `อ่านรายละเอียด: ${privacyUrl}`,
      'พิมพ์ "ยกเลิก" ได้ทุกขั้นตอน',
    ].join('\n'),
  );
}

export function askType(k: string): LineMessage {
  return ask(
    'ขั้นที่ 1: เรื่องที่ต้องการแจ้งเป็นประเภทใด',
    COMPLAINT_TYPES.map((t) => choiceItem(k, 'type', t, COMPLAINT_TYPE_LABELS[t])),
  );
}

/** The agency question: type a name (or part of it), or "ไม่ทราบ". */
export function askAgency(k: string, lead?: string): LineMessage {
  const intro = lead ?? 'ขั้นที่ 2: เรื่องนี้เกี่ยวกับหน่วยงานใด พิมพ์ชื่อหน่วยงาน (บางส่วนก็ได้ เช่น "รังสิต") หรือกด "ไม่ทราบ"';
  return ask(intro, [choiceItem(k, 'agency', 'unknown', 'ไม่ทราบ')]);
}

/**
 * Several agencies match: a carousel with each one's full name (never an insider abbreviation cut to a button's
 * 20 characters) and a button to choose it, then the question again with "ไม่ทราบ".
 */
export function askAgencyChoice(k: string, matches: readonly Agency[], more: boolean): LineMessage[] {
  const bubbles = matches.slice(0, 12).map((a) =>
    kiloBubble(
      [
        flexText(a.nameTh, { size: 'md', weight: 'bold' }),
        ...(a.district === null ? [] : [flexText(`อำเภอ${a.district}`, { color: GREY })]),
      ],
      [
        {
          type: 'button',
          style: 'primary',
          height: 'sm',
          action: {
            type: 'postback',
            label: 'เลือกหน่วยงานนี้',
            data: postbackData(FLOW_ACTION, { s: 'agency', c: a.id, k }),
            displayText: cutText(a.nameTh, 300),
          },
        },
      ],
    ),
  );
  const names = matches.map((a) => a.nameTh).join(', ');
  return [
    {
      type: 'flex',
      altText: cutText(`หน่วยงานที่พบ: ${names}`, 400),
      contents: { type: 'carousel', contents: bubbles },
    },
    askAgency(
      k,
      `พบหลายหน่วยงาน โปรดเลื่อนดูและกด "เลือกหน่วยงานนี้" ใต้ชื่อที่ถูกต้อง${more ? ' (แสดงบางส่วน พิมพ์ชื่อให้เจาะจงขึ้นได้)' : ''} หรือพิมพ์ชื่อใหม่`,
    ),
  ];
}

export function askDescription(): LineMessage {
  const { descriptionMin: min, descriptionMax: max } = INTAKE_RULES;
  return ask(
    `ขั้นที่ 3: โปรดเล่าเหตุการณ์ที่เกิดขึ้น ใคร ทำอะไร อย่างไร (${min}–${max.toLocaleString('en-US')} ตัวอักษร ในข้อความเดียว)`,
    [],
  );
}

export function askWhenWhere(k: string): LineMessage {
  return ask(
    'ขั้นที่ 4 (ไม่บังคับ): เกิดขึ้นเมื่อไรและที่ไหน พิมพ์สั้น ๆ เช่น "5 มิ.ย. ช่วงบ่าย ที่ว่าการอำเภอ" หรือกด "ส่งตำแหน่ง" หรือ "ข้าม"',
    [
      { type: 'action', action: { type: 'location', label: 'ส่งตำแหน่ง' } },
      choiceItem(k, 'whenWhere', 'skip', 'ข้าม'),
    ],
  );
}

export function askPhotos(k: string, count: number, lead?: string): LineMessage {
  const max = INTAKE_RULES.maxPhotos;
  const head =
    lead ??
    `ขั้นที่ 5 (ไม่บังคับ): แนบรูปภาพประกอบได้ไม่เกิน ${max} รูป รูปละไม่เกิน ${INTAKE_RULES.maxPhotoBytes / 1_000_000} เมกะไบต์`;
  const tail = count > 0 ? `ได้รับแล้ว ${count}/${max} รูป ส่งเพิ่มหรือกด "เสร็จ"` : 'ส่งรูปได้เลย หรือกด "ข้าม"';
  const items: Item[] =
    count < max
      ? [
          { type: 'action', action: { type: 'cameraRoll', label: 'เลือกรูป' } },
          { type: 'action', action: { type: 'camera', label: 'ถ่ายรูป' } },
        ]
      : [];
  items.push(choiceItem(k, 'photos', 'done', count > 0 ? 'เสร็จ' : 'ข้าม'));
  return ask(`${head}\n${tail}`, items);
}

export function askIdentity(k: string): LineMessage {
  return ask(
    [
      'ขั้นที่ 6: ท่านต้องการระบุตัวตนแบบใด',
      `• ระบุชื่อ — ${IDENTITY_MODE_LABELS.named} (เจ้าหน้าที่ติดต่อกลับได้ แจ้งผลทาง LINE)`,
      `• ไม่ระบุชื่อ+แจ้งผล — ${IDENTITY_MODE_LABELS.anonymous_updates}`,
      `• รหัสติดตามเท่านั้น — ${IDENTITY_MODE_LABELS.code_only} (ระบบไม่เก็บสิ่งใดที่เชื่อมเรื่องกับบัญชี LINE ของท่าน)`,
    ].join('\n'),
    [
      choiceItem(k, 'identity', 'named', 'ระบุชื่อ'),
      choiceItem(k, 'identity', 'anonymous_updates', 'ไม่ระบุชื่อ+แจ้งผล'),
      choiceItem(k, 'identity', 'code_only', 'รหัสติดตามเท่านั้น'),
    ],
  );
}

export const askName = (): LineMessage => ask('โปรดพิมพ์ชื่อและนามสกุลของท่าน', []);

export const askPhone = (): LineMessage =>
  ask('โปรดพิมพ์เบอร์โทรศัพท์ที่เจ้าหน้าที่ติดต่อกลับได้ (มือถือ 10 หลัก หรือเบอร์บ้าน/สำนักงาน 9 หลัก)', []);

export function askConfirm(k: string, summary: string): LineMessage {
  return ask(`${summary}\n\nตรวจสอบแล้วถูกต้อง กด "ยืนยันส่งเรื่อง" หากต้องการเปลี่ยนคำตอบใด กด "แก้ไข"`, [
    choiceItem(k, 'confirm', 'yes', 'ยืนยันส่งเรื่อง'),
    choiceItem(k, 'confirm', 'edit', 'แก้ไข'),
  ]);
}

/** The answers "แก้ไข" offers, by the step that asks them again, with the word a person may type instead. */
export const EDITABLE: readonly { step: Step; label: string }[] = [
  { step: 'type', label: 'ประเภทเรื่อง' },
  { step: 'agency', label: 'หน่วยงาน' },
  { step: 'description', label: 'รายละเอียด' },
  { step: 'whenWhere', label: 'เวลาและสถานที่' },
  { step: 'photos', label: 'รูปภาพ' },
  { step: 'identity', label: 'การระบุตัวตน' },
  { step: 'name', label: 'ชื่อและเบอร์โทรศัพท์' },
];

/** Which answer to change; `named`: the name and phone are among them. */
export function askEdit(k: string, named: boolean): LineMessage {
  const offered = EDITABLE.filter((e) => e.step !== 'name' || named);
  return ask('ต้องการแก้ไขคำตอบใด เลือกจากปุ่มด้านล่าง แก้แล้วระบบจะกลับมาที่สรุปเรื่องให้ตรวจอีกครั้ง', [
    ...offered.map((e) => choiceItem(k, 'edit', e.step, e.label)),
    choiceItem(k, 'edit', 'back', 'กลับไปที่สรุป'),
  ]);
}

export function buildIntakeHelp(): LineMessage {
  return text(
    [
      'ท่านกำลังแจ้งเรื่องร้องเรียน ตอบทีละคำถาม หรือกดปุ่มด้านล่าง',
      '• พิมพ์ "ยกเลิก" เพื่อยกเลิกและลบร่างทั้งหมด',
      '• ระหว่างนี้ยังพิมพ์คำสั่งอื่นได้ เช่น "เรื่องของฉัน" หรือ "ติดตาม <รหัส>" แล้วกลับมาตอบคำถามต่อ',
      '• ร่างที่ไม่ได้ส่งจะถูกลบเองภายใน 24 ชั่วโมง',
    ].join('\n'),
  );
}
