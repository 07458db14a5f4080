// `รายงาน ITA` answers: a card per agency with buttons to its two OIT reports in the mini-app, and the refusals.
import type { messagingApi } from '@line/bot-sdk';
import { flexText, GREY, kiloBubble, linkButton, text } from '../../line/chat/message-parts.ts';
import type { LineMessage } from '../../line/client.ts';

export interface AgencyReports {
  agencyName: string;
  /** The year of the latest published result (the analysis), undefined when none is on record. */
  analysisYear: number | undefined;
  /** This fiscal year: the measures being carried out now. */
  measuresYear: number;
  analysisUrl?: string;
  measuresUrl: string;
}

function reportBubble(r: AgencyReports): messagingApi.FlexBubble {
  const buttons = [
    ...(r.analysisUrl === undefined || r.analysisYear === undefined
      ? []
      : [linkButton(`วิเคราะห์ผลปี ${r.analysisYear}`, r.analysisUrl)]),
    linkButton(`ผลตามมาตรการปี ${r.measuresYear}`, r.measuresUrl),
  ];
  return kiloBubble(
    [
      flexText(r.agencyName, { weight: 'bold', size: 'md' }),
      flexText('รายงานสำหรับเผยแพร่ใน OIT: แก้ไขในแอปแล้วดาวน์โหลดเป็นไฟล์ Word ได้', { color: GREY }),
      ...(r.analysisYear === undefined
        ? [flexText('ยังไม่มีผลคะแนน ITA ของหน่วยงานในระบบ จึงยังจัดทำรายงานการวิเคราะห์ผลไม่ได้')]
        : []),
    ],
    buttons,
  );
}

/** One card per agency (a carousel holds 12); the coordinator also gets the tools page for any other agency. */
export function buildReportLinks(list: readonly AgencyReports[], toolsUrl?: string): LineMessage[] {
  const shown = list.slice(0, 12);
  const bubbles = shown.map(reportBubble);
  if (toolsUrl !== undefined)
    bubbles.push(
      kiloBubble(
        [
          flexText('หน่วยงานอื่นในจังหวัด', { weight: 'bold', size: 'md' }),
          flexText('เลือกหน่วยงานและปีงบประมาณได้ในหน้าเครื่องมือผู้ประสานงาน', { color: GREY }),
        ],
        [linkButton('เลือกหน่วยงาน', toolsUrl)],
      ),
    );
  const names = shown.map((r) => r.agencyName).join(', ');
  return [
    {
      type: 'flex',
      altText: names === '' ? 'รายงาน ITA สำหรับเผยแพร่ใน OIT' : `รายงาน ITA สำหรับเผยแพร่ใน OIT: ${names}`,
      contents:
        bubbles.length === 1 && bubbles[0] !== undefined
          ? bubbles[0]
          : { type: 'carousel', contents: bubbles },
    },
  ];
}

export const buildReportsRefusal = (): LineMessage[] => [
  text(
    'คำสั่ง "รายงาน ITA" ใช้เปิดรายงานการวิเคราะห์ผลและรายงานผลตามมาตรการสำหรับเผยแพร่ใน OIT ใช้ได้เฉพาะผู้รับผิดชอบงาน ITA ของหน่วยงานและผู้ประสานงาน ITA ของจังหวัด หากท่านควรมีสิทธิ์นี้ โปรดติดต่อผู้ประสานงาน ITA ของจังหวัด',
  ),
];

export const buildReportsNotFound = (typed: string): LineMessage[] => [
  text(
    `ไม่พบหน่วยงาน "${typed}" ในจังหวัด โปรดพิมพ์ชื่อหน่วยงานให้ตรงขึ้น เช่น "รายงาน ITA องค์การบริหารส่วนจังหวัด" หรือพิมพ์ "รายงาน ITA" อย่างเดียว`,
  ),
];
