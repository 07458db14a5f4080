// Deadline reminder texts: one task as a Flex bubble with a "เสร็จแล้ว" button, and the coordinators' overdue digest.
import type { messagingApi } from '@line/bot-sdk';
import { formatThaiDate } from '../../../core/index.ts';
import type { SurveyInstrument } from '../../../db/schema.ts';
import { postbackData } from '../../line/chat/command.ts';
import { AMBER, cutText, flexText, GREEN, GREY, RED, text, thaiDay } from '../../line/chat/message-parts.ts';
import type { LineMessage } from '../../line/client.ts';
import { surveyText } from '../progress/messages.ts';

/** The button action that marks a task done: `a=done&act=<activity id>&ag=<agency id>`. */
export const DONE_ACTION = 'done';

/** One agency's open task as shown in a reminder or in `งาน`. */
export interface TaskCard {
  activityId: string;
  agencyId: string;
  agencyName: string;
  seq: number;
  title: string;
  /** 'YYYY-MM-DD'. */
  dueOn: string;
  /** Calendar days from today to the due day: negative when late. */
  daysLeft: number;
  status: 'not_started' | 'in_progress';
  /** Survey activities: respondents reported against the agency's minimum. */
  survey?: { instrument: SurveyInstrument; reported: number | null; target: number | null };
}

/** Re-exported for the plan CLI, which prints plan days the same way. */
export { thaiDay } from '../../line/chat/message-parts.ts';

/** "เหลืออีก 3 วัน", "ครบกำหนดวันนี้", "เลยกำหนดมาแล้ว 2 วัน". */
export function daysLeftText(daysLeft: number): string {
  if (daysLeft > 0) return `เหลืออีก ${daysLeft} วัน`;
  if (daysLeft === 0) return 'ครบกำหนดวันนี้';
  return `เลยกำหนดมาแล้ว ${-daysLeft} วัน`;
}

function headingOf(daysLeft: number): { text: string; color: string } {
  if (daysLeft < 0) return { text: 'งาน ITA เลยกำหนด', color: RED };
  if (daysLeft === 0) return { text: 'งาน ITA ครบกำหนดวันนี้', color: AMBER };
  return { text: 'แจ้งเตือนงาน ITA', color: GREEN };
}

/** "45/120 คน (37%)", capped at 100 % with any overflow apart; or what is missing. */
export function respondentsText(survey: NonNullable<TaskCard['survey']>): string {
  if (survey.reported !== null) return surveyText(survey.reported, survey.target);
  return survey.target === null
    ? 'ยังไม่ได้รายงานยอดและยังไม่ได้ตั้งเป้า'
    : `ยังไม่ได้รายงานยอด (เป้าขั้นต่ำ ${survey.target} คน)`;
}

function surveyLines(survey: NonNullable<TaskCard['survey']>): messagingApi.FlexComponent[] {
  return [
    { type: 'separator' },
    flexText(`ผู้ตอบ ${survey.instrument}: ${respondentsText(survey)}`),
    flexText(`อัปเดตยอดจาก ITAS: พิมพ์ "รายงาน ${survey.instrument} <จำนวน>"`, { size: 'xs', color: GREY }),
  ];
}

/** The task's bubble: what, by when, how long is left, survey progress, and the "เสร็จแล้ว" button. */
export function taskBubble(card: TaskCard): messagingApi.FlexBubble {
  const heading = headingOf(card.daysLeft);
  const data = postbackData(DONE_ACTION, { act: card.activityId, ag: card.agencyId });
  return {
    type: 'bubble',
    size: 'kilo',
    header: {
      type: 'box',
      layout: 'vertical',
      contents: [
        flexText(heading.text, { size: 'xs', color: heading.color, weight: 'bold' }),
        flexText(cutText(card.agencyName, 80), { weight: 'bold', maxLines: 2 }),
      ],
    },
    body: {
      type: 'box',
      layout: 'vertical',
      spacing: 'sm',
      contents: [
        flexText(`ข้อ ${card.seq} ${cutText(card.title, 160)}`, { maxLines: 4 }),
        flexText(`กำหนดเสร็จ ${thaiDay(card.dueOn)}`),
        flexText(daysLeftText(card.daysLeft), {
          weight: 'bold',
          color: card.daysLeft < 0 ? RED : heading.color,
        }),
        ...(card.status === 'in_progress'
          ? [flexText('สถานะ: กำลังดำเนินการ', { size: 'xs', color: GREY })]
          : []),
        ...(card.survey === undefined ? [] : surveyLines(card.survey)),
      ],
    },
    footer: {
      type: 'box',
      layout: 'vertical',
      contents: [
        {
          type: 'button',
          style: 'primary',
          height: 'sm',
          action: { type: 'postback', label: 'เสร็จแล้ว', data, displayText: 'เสร็จแล้ว' },
        },
      ],
    },
  };
}

/** One-line summary of a task, for alt texts and lists. */
export function taskLine(card: TaskCard): string {
  return `ข้อ ${card.seq} ${cutText(card.title, 60)} — กำหนด ${thaiDay(card.dueOn)} (${daysLeftText(card.daysLeft)})`;
}

/** The reminder pushed to an agency's groups. */
export function buildReminder(card: TaskCard): LineMessage[] {
  const altText = cutText(`${headingOf(card.daysLeft).text}: ${card.agencyName} ${taskLine(card)}`, 400);
  return [{ type: 'flex', altText, contents: taskBubble(card) }];
}

/** LINE's carousel limits: 12 bubbles and 50 KB of JSON (PLATFORM-NOTES §1.9); a push takes 5 messages. */
const CAROUSEL_BUBBLES = 12;
const CAROUSEL_BYTES = 48_000;
const PUSH_MESSAGES = 5;

/**
 * One agency's reminders of a day as one push: a carousel of task bubbles (a single task stays one bubble),
 * split into carousels within LINE's 12-bubble and 50 KB limits, at most 5 messages a push. The rest, when a
 * day holds more than a push can carry, goes in the next push of the list.
 */
export function buildReminderPushes(cards: readonly TaskCard[]): LineMessage[][] {
  const [only] = cards;
  if (cards.length === 1 && only !== undefined) return [buildReminder(only)];
  const encoder = new TextEncoder();
  const carousels: messagingApi.FlexBubble[][] = [];
  let current: messagingApi.FlexBubble[] = [];
  let bytes = 0;
  for (const card of cards) {
    const bubble = taskBubble(card);
    const size = encoder.encode(JSON.stringify(bubble)).length;
    if (current.length > 0 && (current.length >= CAROUSEL_BUBBLES || bytes + size > CAROUSEL_BYTES)) {
      carousels.push(current);
      current = [];
      bytes = 0;
    }
    current.push(bubble);
    bytes += size;
  }
  if (current.length > 0) carousels.push(current);
  const messages: LineMessage[] = carousels.map((bubbles, i) => {
    const first = cards[carousels.slice(0, i).reduce((n, c) => n + c.length, 0)];
    const agency = first?.agencyName ?? '';
    const altText = cutText(`แจ้งเตือนงาน ITA ${bubbles.length} รายการ: ${agency}`, 400);
    return { type: 'flex', altText, contents: { type: 'carousel', contents: bubbles } };
  });
  const pushes: LineMessage[][] = [];
  for (let i = 0; i < messages.length; i += PUSH_MESSAGES) pushes.push(messages.slice(i, i + PUSH_MESSAGES));
  return pushes;
}

/** What the coordinators' daily digest lists. */
export interface DigestView {
  now: Date;
  /** Overdue activities, oldest due first: number, name, due day and the agencies behind on it. */
  overdue: { seq: number; title: string; dueOn: string; agencies: string[] }[];
  /** Agencies that have reminders waiting but no bound LINE group to receive them. */
  unreachable: string[];
  /** The plan page of the mini-app (the digest's "ดูแผนงาน" button). */
  planUrl: string;
}

/** Activities listed by name in the digest, agencies named per activity; the rest are counted (a push stays short). */
const DIGEST_ACTIVITY_LINES = 10;
const DIGEST_AGENCY_NAMES = 6;
export const DIGEST_REMIND_ACTION = 'digest_remind';

function overdueLines(view: DigestView): string[] {
  if (view.overdue.length === 0) return ['วันนี้ไม่มีงานที่เลยกำหนดค่ะ'];
  const agencies = new Set(view.overdue.flatMap((a) => a.agencies)).size;
  const shown = view.overdue.slice(0, DIGEST_ACTIVITY_LINES).map((a) => {
    const names = a.agencies.slice(0, DIGEST_AGENCY_NAMES).map((n) => cutText(n, 30));
    const more = a.agencies.length - names.length;
    return [
      `• ข้อ ${a.seq} ${cutText(a.title, 70)} (กำหนด ${thaiDay(a.dueOn)})`,
      `  ยังไม่เสร็จ ${a.agencies.length} หน่วยงาน: ${names.join(', ')}${more > 0 ? ` และอีก ${more} หน่วยงาน` : ''}`,
    ].join('\n');
  });
  const rest = view.overdue.length - shown.length;
  return [
    `งานที่เลยกำหนด ${view.overdue.length} งาน ของ ${agencies} หน่วยงาน`,
    ...shown,
    ...(rest > 0 ? [`และอีก ${rest} งาน`] : []),
  ];
}

/** The daily 1:1 digest to a coordinator; nothing when there is nothing to report. */
export function buildDigest(view: DigestView): LineMessage[] {
  if (view.overdue.length === 0 && view.unreachable.length === 0) return [];
  const names = view.unreachable.slice(0, 15).map((n) => cutText(n, 40));
  const more = view.unreachable.length - names.length;
  const unreachable =
    view.unreachable.length === 0
      ? []
      : [
          '',
          `ยังไม่ได้ผูกกลุ่ม LINE จึงส่งแจ้งเตือนไม่ถึง ${view.unreachable.length} หน่วยงาน:`,
          names.join(', ') + (more > 0 ? ` และอีก ${more} หน่วยงาน` : ''),
          'ขอรหัสผูกกลุ่มได้ด้วยคำสั่ง "รหัสผูกกลุ่ม <ชื่อหน่วยงาน>"',
        ];
  const remind =
    view.overdue.length === 0
      ? []
      : ['', 'กด "เตือนหน่วยงาน" เพื่อส่งแจ้งเตือนงานที่เลยกำหนดไปยังกลุ่ม LINE ของหน่วยงานเหล่านี้อีกครั้ง'];
  const lines = [
    `สรุปงาน ITA ที่เลยกำหนด ณ ${formatThaiDate(view.now)}`,
    ...overdueLines(view),
    ...unreachable,
    ...remind,
  ];
  const items: messagingApi.QuickReplyItem[] = [
    { type: 'action', action: { type: 'uri', label: 'ดูแผนงาน', uri: view.planUrl } },
    ...(view.overdue.length === 0
      ? []
      : [
          {
            type: 'action' as const,
            action: {
              type: 'postback' as const,
              label: 'เตือนหน่วยงาน',
              data: postbackData(DIGEST_REMIND_ACTION),
              displayText: 'เตือนหน่วยงานที่งานเลยกำหนด',
            },
          },
        ]),
    { type: 'action', action: { type: 'message', label: 'ติดตาม', text: 'ติดตาม' } },
  ];
  return [{ type: 'text', text: cutText(lines.join('\n'), 5000), quickReply: { items } }];
}

/** The answer to "เตือนหน่วยงาน": how many groups were reminded, or why none. */
export function buildRemindQueued(groups: number, agencies: number): LineMessage[] {
  return [
    text(
      groups === 0
        ? 'ไม่มีแจ้งเตือนที่ต้องส่งค่ะ (งานที่เลยกำหนดเสร็จแล้ว ส่งเตือนไปแล้ววันนี้ หรือหน่วยงานยังไม่ได้ผูกกลุ่ม LINE)'
        : `ส่งแจ้งเตือนงานที่เลยกำหนดไปยังกลุ่ม LINE ของ ${agencies} หน่วยงาน (${groups} ข้อความ) แล้วค่ะ ระบบส่งเตือนด้วยปุ่มนี้ได้วันละครั้งต่องาน`,
    ),
  ];
}
