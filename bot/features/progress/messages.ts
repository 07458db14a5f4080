// The coordinator's "who is behind" Flex message: a summary bubble, then the agencies most behind.
import type { messagingApi } from '@line/bot-sdk';
import { formatThaiDate } from '../../../core/index.ts';
import { surveyProgress } from '../../../core/surveys/progress.ts';
import {
  cutText,
  flexText,
  GREEN,
  GREY,
  kiloBubble,
  linkButton,
  RED,
  thaiDay,
} from '../../line/chat/message-parts.ts';
import type { LineMessage } from '../../line/client.ts';

type Instrument = 'IIT' | 'EIT';
type Overdue = { seq: number; titleTh: string; dueOn: string };

export interface AgencyProgress {
  agencyId: string;
  name: string;
  overdue: Overdue[];
  surveys: { instrument: Instrument; reported: number; target: number | null }[];
}

export interface ProgressView {
  year: number;
  now: Date;
  agencyCount: number;
  activityCount: number;
  overdueActivities: (Overdue & { behind: number })[];
  /** Agencies with overdue work or a survey under target, most behind first. */
  behind: AgencyProgress[];
  surveys: Record<Instrument, { met: number; of: number }>;
}

/** A carousel holds 12 bubbles (PLATFORM-NOTES §1.9): the summary, 10 agencies, and "and N more". */
const MAX_AGENCY_BUBBLES = 10;
/** "45/120 คน (37%)", the share capped at 100 % and any overflow shown apart (issue 4 §4). */
export function surveyText(reported: number, target: number | null): string {
  if (target === null || target <= 0) return `${reported} คน (ยังไม่ได้ตั้งเป้า)`;
  const { percent, overflow } = surveyProgress(reported, target);
  const over = overflow > 0 ? ` เกินเป้า ${overflow}` : '';
  return `${reported}/${target} คน (${percent}%)${over}`;
}

/** Where the mini-app shows the same figures in full (issue 4 §3: "with a link to the LIFF view"). */
export interface ProgressLinks {
  surveys: string;
  plan: string;
}

function summaryBubble(view: ProgressView, links?: ProgressLinks): messagingApi.FlexBubble {
  const late = view.overdueActivities
    .slice(0, 5)
    .map((a) =>
      flexText(`ข้อ ${a.seq} ${cutText(a.titleTh, 40)} — ค้าง ${a.behind} หน่วยงาน`, { size: 'xs', color: RED }),
    );
  const status =
    view.overdueActivities.length === 0
      ? [flexText('ไม่มีงานที่เลยกำหนดค่ะ', { color: GREEN })]
      : [
          flexText(`งานเลยกำหนด ${view.overdueActivities.length} งาน`, { weight: 'bold', color: RED }),
          ...late,
        ];
  const survey = (i: Instrument) =>
    flexText(`${i} ถึงเป้าแล้ว ${view.surveys[i].met}/${view.surveys[i].of} หน่วยงาน`);
  return kiloBubble(
    [
      flexText(`ติดตามงาน ITA ปีงบประมาณ ${view.year}`, { weight: 'bold', size: 'md' }),
      flexText(`ข้อมูล ณ ${formatThaiDate(view.now, 'short', { time: true })} · ${view.agencyCount} หน่วยงาน`, {
        size: 'xs',
        color: GREY,
      }),
      { type: 'separator' },
      ...status,
      { type: 'separator' },
      survey('IIT'),
      survey('EIT'),
    ],
    links === undefined
      ? undefined
      : [linkButton('ดูแบบสำรวจทั้งหมด', links.surveys), linkButton('ดูแผนงานทั้งปี', links.plan)],
  );
}

function agencyBubble(agency: AgencyProgress): messagingApi.FlexBubble {
  const overdue =
    agency.overdue.length === 0
      ? [flexText('ไม่มีงานเลยกำหนด', { size: 'xs', color: GREEN })]
      : [
          flexText(`งานเลยกำหนด ${agency.overdue.length} งาน`, { size: 'xs', weight: 'bold', color: RED }),
          ...agency.overdue
            .slice(0, 3)
            .map((o) =>
              flexText(`• ข้อ ${o.seq} ${cutText(o.titleTh, 36)} (${thaiDay(o.dueOn)})`, { size: 'xs' }),
            ),
          ...(agency.overdue.length > 3
            ? [flexText(`และอีก ${agency.overdue.length - 3} งาน`, { size: 'xs', color: GREY })]
            : []),
        ];
  const surveys = agency.surveys.map((s) =>
    flexText(`${s.instrument} ${surveyText(s.reported, s.target)}`, { size: 'xs' }),
  );
  return kiloBubble([
    flexText(cutText(agency.name, 60), { weight: 'bold', maxLines: 2 }),
    ...overdue,
    ...(surveys.length > 0 ? [{ type: 'separator' } as const, ...surveys] : []),
  ]);
}

function moreBubble(count: number): messagingApi.FlexBubble {
  return kiloBubble([
    flexText(`และอีก ${count} หน่วยงานที่ยังค้างงานหรือแบบสำรวจยังไม่ถึงเป้า`, { color: GREY }),
    flexText('เร่งทุกหน่วยงานที่ยังไม่เสร็จได้ด้วยคำสั่ง "ประกาศ [ยังไม่เสร็จ: <ข้อ>] <ข้อความ>" ค่ะ', { size: 'xs' }),
  ]);
}

/** The Flex carousel: a summary (with buttons to the mini-app when given), then the agencies that are behind. */
export function buildProgress(view: ProgressView, links?: ProgressLinks): LineMessage[] {
  const shown = view.behind.slice(0, MAX_AGENCY_BUBBLES);
  const rest = view.behind.length - shown.length;
  const bubbles = [
    summaryBubble(view, links),
    ...shown.map(agencyBubble),
    ...(rest > 0 ? [moreBubble(rest)] : []),
  ];
  const altText = `ติดตามงาน ITA ปี ${view.year}: งานเลยกำหนด ${view.overdueActivities.length} งาน, หน่วยงานที่ต้องเร่ง ${view.behind.length} แห่ง`;
  return [{ type: 'flex', altText, contents: { type: 'carousel', contents: bubbles } }];
}

export function buildNothingToTrack(year: number): LineMessage[] {
  return [
    {
      type: 'text',
      text: `ปีงบประมาณ ${year} ยังไม่มีแผนงานหรือแบบสำรวจให้ติดตามค่ะ ผู้ดูแลระบบสร้างแผนจากปฏิทินมาตรฐานได้ด้วยคำสั่ง plan create`,
    },
  ];
}

export function buildProgressHint(): LineMessage[] {
  return [{ type: 'text', text: 'พิมพ์ "ติดตาม" อย่างเดียวเพื่อดูความคืบหน้างาน ITA ของทุกหน่วยงานค่ะ' }];
}
