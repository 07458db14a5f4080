// `งาน` / `tasks` and the "เสร็จแล้ว" button: open tasks as Flex bubbles, the confirmation, and polite refusals.
import type { messagingApi } from '@line/bot-sdk';
import { formatThaiDate } from '../../../core/index.ts';
import { cutText, flexText, GREY, kiloBubble, linkButton, text } from '../../line/chat/message-parts.ts';
import type { LineMessage } from '../../line/client.ts';
import { type TaskCard, taskBubble, taskLine } from './reminder-messages.ts';

/** Task bubbles in one carousel; with "and N more" that stays within LINE's 12 bubbles (PLATFORM-NOTES §1.9). */
export const MAX_TASK_BUBBLES = 10;

function moreBubble(count: number): messagingApi.FlexBubble {
  return kiloBubble([
    flexText(`และอีก ${count} งานที่ครบกำหนดทีหลัง`, { color: GREY }),
    flexText('จะแสดงที่นี่เมื่องานที่ครบกำหนดก่อนเสร็จแล้วค่ะ', { size: 'xs' }),
  ]);
}

/** The last bubble: the whole year's plan in the mini-app. */
function planBubble(planUrl: string): messagingApi.FlexBubble {
  return kiloBubble(
    [
      flexText('แผนงาน ITA ทั้งปี', { weight: 'bold' }),
      flexText('ดูทุกกิจกรรมตามเดือน สถานะของทุกหน่วยงาน และกดเสร็จแล้วได้ในมินิแอปค่ะ', { size: 'xs' }),
    ],
    [linkButton('เปิดแผนงาน', planUrl)],
  );
}

/**
 * Open tasks, soonest due first (the overdue ones lead): a line of summary and a carousel with a "เสร็จแล้ว"
 * button on each. `whose` names the agency (a group) or "ของหน่วยงานที่ท่านรับผิดชอบ" (1:1 chat).
 */
export function buildTaskList(cards: readonly TaskCard[], whose: string, planUrl?: string): LineMessage[] {
  if (cards.length === 0) return [text(`${whose} ไม่มีงาน ITA ค้างอยู่ในปีงบประมาณนี้ค่ะ`)];
  const late = cards.filter((c) => c.daysLeft < 0).length;
  const summary = [
    `${whose} มีงาน ITA ที่ยังไม่เสร็จ ${cards.length} งาน${late > 0 ? ` (เลยกำหนด ${late} งาน)` : ''}`,
    'ทำงานใดเสร็จแล้ว กดปุ่ม "เสร็จแล้ว" ใต้งานนั้นได้เลยค่ะ',
  ].join('\n');
  const shown = cards.slice(0, MAX_TASK_BUBBLES);
  const rest = cards.length - shown.length;
  // At most 10 tasks, "and N more" and the plan link: within LINE's 12 bubbles.
  const bubbles = [
    ...shown.map(taskBubble),
    ...(rest > 0 ? [moreBubble(rest)] : []),
    ...(planUrl === undefined ? [] : [planBubble(planUrl)]),
  ];
  const altText = cutText([summary, ...shown.slice(0, 5).map(taskLine)].join('\n'), 400);
  return [text(summary), { type: 'flex', altText, contents: { type: 'carousel', contents: bubbles } }];
}

export interface DoneView {
  seq: number;
  title: string;
  agencyName: string;
  /** Who marked it, as LINE shows them; undefined when not known (e.g. set from the CLI). */
  byName?: string;
  at: Date;
}

function doneWhat(view: Pick<DoneView, 'seq' | 'title' | 'agencyName'>): string {
  return `"ข้อ ${view.seq} ${cutText(view.title, 80)}" ของ${view.agencyName}`;
}

function byWhom(view: DoneView): string {
  const when = `เมื่อ ${formatThaiDate(view.at, 'short', { time: true })}`;
  return view.byName === undefined ? when : `โดย ${cutText(view.byName, 40)} ${when}`;
}

/** The answer to the first press: recorded, by whom and when; reminders for it stop. */
export function buildTaskDone(view: DoneView, undoData?: string): LineMessage[] {
  const message = `ขอบคุณค่ะ บันทึกว่า ${doneWhat(view)} เสร็จแล้ว ${byWhom(view)}\nระบบจะไม่แจ้งเตือนงานนี้อีกค่ะ`;
  if (undoData === undefined) return [text(message)];
  // A press by mistake can be taken back for UNDO_MINUTES; the button says so.
  return [
    text(`${message}\nหากกดผิด กด "ยกเลิก" ได้ภายใน ${UNDO_MINUTES} นาที`, {
      items: [
        {
          type: 'action',
          action: { type: 'postback', label: 'ยกเลิก', data: undoData, displayText: 'ยกเลิกที่บันทึกว่าเสร็จ' },
        },
      ],
    }),
  ];
}

/** How long "ยกเลิก" under "เสร็จแล้ว" works. */
export const UNDO_MINUTES = 10;

/** Undone: the task is open again and its reminders resume. */
export function buildTaskUndone(view: Omit<DoneView, 'at' | 'byName'>): LineMessage[] {
  return [text(`ยกเลิกแล้วค่ะ ${doneWhat(view)} กลับเป็นงานที่ยังไม่เสร็จ ระบบจะแจ้งเตือนตามกำหนดต่อไป`)];
}

/** Too late, already open, or someone else's record: nothing changed. */
export function buildUndoRefused(reason: 'late' | 'open'): LineMessage[] {
  return [
    text(
      reason === 'late'
        ? `ยกเลิกไม่ได้แล้วค่ะ เพราะเกิน ${UNDO_MINUTES} นาทีหลังบันทึก หากงานยังไม่เสร็จจริง โปรดแจ้งผู้ประสานงานจังหวัดให้แก้ในแผนงาน`
        : 'งานนี้ไม่ได้บันทึกว่าเสร็จอยู่แล้วค่ะ พิมพ์ "งาน" เพื่อดูรายการล่าสุด',
    ),
  ];
}

/** A later press: it was already done; the first record stays. */
export function buildTaskAlreadyDone(view: DoneView): LineMessage[] {
  return [text(`${doneWhat(view)} บันทึกไว้แล้วว่าเสร็จ ${byWhom(view)} ค่ะ`)];
}

/** The button's task no longer exists or the agency is no longer responsible for it. */
export function buildTaskGone(): LineMessage[] {
  return [text('ขออภัยค่ะ ไม่พบงานนี้แล้ว อาจถูกลบหรือเปลี่ยนหน่วยงานที่รับผิดชอบ พิมพ์ "งาน" เพื่อดูรายการล่าสุดค่ะ')];
}

/** In a group LINE gives no user id for a member who has not allowed profile access (PLATFORM-NOTES §1.2). */
export function buildDoneNeedsUserId(): LineMessage[] {
  return [
    text(
      [
        'ขออภัยค่ะ LINE ไม่ได้แจ้งว่าใครเป็นผู้กดปุ่มนี้ (ผู้ใช้ยังไม่ได้อนุญาตให้บัญชีทางการเห็นโปรไฟล์ หรือกดจาก LINE บนคอมพิวเตอร์)',
        'ระบบจึงบันทึกงานแทนหน่วยงานไม่ได้ เพราะต้องรู้ว่าใครเป็นผู้ยืนยัน',
        'กรุณาเพิ่มบัญชีนี้เป็นเพื่อนแล้วกดใหม่จาก LINE บนโทรศัพท์ หรือพิมพ์ "งาน" ในแชตส่วนตัวกับบัญชีนี้ค่ะ',
      ].join('\n'),
    ),
  ];
}

/** Someone who is not staff of the agency (nor a coordinator) pressed "เสร็จแล้ว". */
export function buildDoneNotAllowed(agencyName: string): LineMessage[] {
  return [
    text(
      `ขออภัยค่ะ การบันทึกว่างานเสร็จทำได้เฉพาะเจ้าหน้าที่ ITA ของ${agencyName} หรือผู้ประสานงานจังหวัด หากท่านเป็นผู้รับผิดชอบ กรุณาขอสิทธิ์จากผู้ประสานงานจังหวัดค่ะ`,
    ),
  ];
}

export function buildTasksNeedBinding(): LineMessage[] {
  return [
    text(
      [
        'กลุ่มนี้ยังไม่ได้ผูกกับหน่วยงาน จึงยังไม่มีรายการงานค่ะ',
        'ให้ผู้ประสานงานจังหวัดขอรหัสผูกกลุ่มของหน่วยงาน แล้วพิมพ์ในกลุ่มนี้ว่า',
        'ผูกกลุ่ม <รหัส 6 ตัว>',
        'เมื่อผูกแล้ว การแจ้งเตือนกำหนดส่งงาน ITA จะส่งมาที่กลุ่มนี้ค่ะ',
      ].join('\n'),
    ),
  ];
}

export function buildTasksInOfficersGroup(): LineMessage[] {
  return [text('กลุ่มนี้เป็นกลุ่มเจ้าหน้าที่รับเรื่องร้องเรียน ดูงาน ITA ได้ในกลุ่มของหน่วยงานหรือในแชตส่วนตัวกับบัญชีนี้ค่ะ')];
}

export function buildTasksInRoom(): LineMessage[] {
  return [text('คำสั่ง "งาน" ใช้ได้ในกลุ่ม LINE ที่ผูกกับหน่วยงาน หรือในแชตส่วนตัวกับบัญชีนี้ค่ะ')];
}

export function buildTasksNotStaff(): LineMessage[] {
  return [
    text(
      'รายการงาน ITA มีไว้สำหรับเจ้าหน้าที่ผู้รับผิดชอบของหน่วยงานค่ะ หากท่านเป็นผู้รับผิดชอบ ให้ผู้ประสานงานจังหวัดให้สิทธิ์ก่อน (พิมพ์ "สิทธิ์ของฉัน" เพื่อดูรหัสผู้ใช้ของท่าน)',
    ),
  ];
}
