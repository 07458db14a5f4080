// A respondent count that is probably a typo — more IIT answers than the agency has staff, or fewer than last
// reported — is saved only after the reporter confirms it with a button.
import type { messagingApi } from '@line/bot-sdk';
import type { SurveyInstrument } from '../../../core/surveys/targets.ts';
import type { SurveyLink } from '../../../db/queries/survey-links.ts';
import type { LineMessage } from '../../line/client.ts';

export type CountDoubt = { kind: 'over_staff'; staff: number } | { kind: 'lower'; last: number };

/** Why `count` needs a second look, or undefined when it is plausible. */
export function doubtOf(
  link: SurveyLink | undefined,
  instrument: SurveyInstrument,
  count: number,
): CountDoubt | undefined {
  // IIT is answered by the agency's own staff: its population is the staff count (issue 3, targets).
  if (instrument === 'IIT' && link?.population != null && count > link.population)
    return { kind: 'over_staff', staff: link.population };
  if (link?.reportedCount != null && count < link.reportedCount)
    return { kind: 'lower', last: link.reportedCount };
  return undefined;
}

const n = (x: number) => x.toLocaleString('en-US');

/** A confirm template: "บันทึก" saves the count as typed, "ไม่บันทึก" leaves the last one. */
export function buildCountDoubt(
  agencyName: string,
  instrument: SurveyInstrument,
  count: number,
  doubt: CountDoubt,
  data: { save: string; drop: string },
): LineMessage[] {
  const why =
    doubt.kind === 'over_staff'
      ? `มากกว่าจำนวนบุคลากรของหน่วยงาน (${n(doubt.staff)} คน)`
      : `น้อยกว่าที่รายงานไว้ครั้งก่อน (${n(doubt.last)} คน)`;
  const question = `ผู้ตอบแบบวัด ${instrument} ของ${agencyName} ${n(count)} คน ${why} ยืนยันให้บันทึกตามนี้หรือไม่คะ`;
  const template: messagingApi.ConfirmTemplate = {
    type: 'confirm',
    // A confirm template's text holds 240 characters.
    text: question.length > 240 ? `${question.slice(0, 239)}…` : question,
    actions: [
      { type: 'postback', label: 'บันทึก', data: data.save, displayText: `บันทึก ${instrument} ${n(count)} คน` },
      { type: 'postback', label: 'ไม่บันทึก', data: data.drop, displayText: 'ไม่บันทึก' },
    ],
  };
  return [{ type: 'template', altText: question, template }];
}

export const buildCountKept = (instrument: SurveyInstrument): LineMessage[] => [
  {
    type: 'text',
    text: `ไม่ได้บันทึกค่ะ จำนวนผู้ตอบแบบวัด ${instrument} ยังเป็นตามที่รายงานไว้ครั้งก่อน พิมพ์ "รายงาน ${instrument} <จำนวน>" เพื่อรายงานใหม่ได้ค่ะ`,
  },
];
