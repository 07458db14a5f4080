// The default ITA calendar of a fiscal year, as data: seed 002's FY2567 calendar (fixed dates) with seed 000's
// steps, moved to any fiscal year. Coordinators edit the plan made from it; nothing here is a rule.
import type { FiscalYear } from '../types.ts';

/** Who must act: every agency, the provincial secretariat, or the NACC (shown on the timeline, never reminded). */
export type Responsible = 'all' | 'coordinator' | 'nacc';

/** What kind of work it is; survey activities show respondent progress in reminders. */
export type ActivityKind = 'general' | 'survey_iit' | 'survey_eit' | 'oit' | 'appeal' | 'analysis';

/** A day of the fiscal year: month 10–12 fall in the calendar year before the fiscal year ends, 1–9 in it. */
interface FyDay {
  month: number;
  day: number | 'end';
}

interface CalendarTemplate {
  seq: number;
  title: string;
  kind: ActivityKind;
  responsible: Responsible;
  starts: FyDay;
  due: FyDay;
}

export interface PlannedActivity {
  seq: number;
  title: string;
  kind: ActivityKind;
  responsible: Responsible;
  /** ISO calendar dates (Gregorian, Asia/Bangkok days), e.g. '2024-07-01'. */
  startsOn: string;
  dueOn: string;
}

const d = (month: number, day: number | 'end'): FyDay => ({ month, day });

// Dates: seed 002 §3 (IIT/EIT due 1 July, OIT published by 31 March and approved by 30 April, appeals 1–15 June,
// results in August); steps without a fixed day take the month's end.
export const DEFAULT_CALENDAR: readonly CalendarTemplate[] = [
  {
    seq: 1,
    title: 'ทบทวนผลการประเมิน ITA ปีที่ผ่านมาและจัดทำแผนขับเคลื่อนการประเมินของจังหวัด',
    kind: 'analysis',
    responsible: 'coordinator',
    starts: d(10, 1),
    due: d(12, 'end'),
  },
  {
    seq: 2,
    title: 'รับฟังการชี้แจงแนวทางการประเมิน ITA จากสำนักงาน ป.ป.ช.',
    kind: 'general',
    responsible: 'all',
    starts: d(12, 1),
    due: d(12, 'end'),
  },
  {
    seq: 3,
    title: 'เผยแพร่ปฏิทินและคู่มือการประเมิน ITA ให้ส่วนราชการรับทราบและถือปฏิบัติ',
    kind: 'general',
    responsible: 'coordinator',
    starts: d(12, 1),
    due: d(12, 'end'),
  },
  {
    seq: 4,
    title: 'ส่งข้อมูลผู้รับผิดชอบการประเมินและจำนวนผู้มีส่วนได้ส่วนเสียภายใน (IIT)',
    kind: 'general',
    responsible: 'all',
    starts: d(12, 1),
    due: d(1, 'end'),
  },
  {
    seq: 5,
    title: 'ลงทะเบียนการประเมิน นำเข้าและอนุมัติข้อมูลผู้มีส่วนได้ส่วนเสียภายในในระบบ ITAS',
    kind: 'general',
    responsible: 'all',
    starts: d(1, 1),
    due: d(1, 'end'),
  },
  {
    seq: 6,
    title: 'เผยแพร่และประชาสัมพันธ์ช่องทางการตอบแบบวัด IIT และ EIT',
    kind: 'general',
    responsible: 'coordinator',
    starts: d(1, 1),
    due: d(1, 'end'),
  },
  {
    seq: 7,
    title: 'ประชุมชี้แจงแนวทางการประเมินและมอบหมายภารกิจการตอบแบบวัด OIT',
    kind: 'general',
    responsible: 'coordinator',
    starts: d(1, 1),
    due: d(1, 'end'),
  },
  {
    seq: 8,
    title: 'ให้ผู้มีส่วนได้ส่วนเสียภายในตอบแบบวัด IIT ให้แล้วเสร็จ',
    kind: 'survey_iit',
    responsible: 'all',
    starts: d(1, 1),
    due: d(7, 1),
  },
  {
    seq: 9,
    title: 'ให้ผู้มีส่วนได้ส่วนเสียภายนอกตอบแบบวัด EIT ให้แล้วเสร็จ',
    kind: 'survey_eit',
    responsible: 'all',
    starts: d(1, 1),
    due: d(7, 1),
  },
  {
    seq: 10,
    title: 'จัดทำข้อมูลและเผยแพร่บนเว็บไซต์ของหน่วยงานตามแบบวัด OIT',
    kind: 'oit',
    responsible: 'all',
    starts: d(1, 1),
    due: d(3, 31),
  },
  {
    seq: 11,
    title: 'ตอบแบบวัด OIT และผู้บริหารอนุมัติในระบบ ITAS',
    kind: 'oit',
    responsible: 'all',
    // Answering opens with the assessment in January (seed 000); approval is due by the end of April.
    starts: d(1, 1),
    due: d(4, 30),
  },
  {
    seq: 12,
    title: 'สำนักงาน ป.ป.ช. ตรวจสอบและให้คะแนนแบบวัด OIT',
    kind: 'general',
    responsible: 'nacc',
    starts: d(5, 1),
    due: d(5, 'end'),
  },
  {
    seq: 13,
    title: 'ชี้แจงเพิ่มเติมผ่านระบบ ITAS กรณีไม่เห็นด้วยกับผลคะแนนแบบวัด OIT',
    kind: 'appeal',
    responsible: 'all',
    starts: d(6, 1),
    due: d(6, 15),
  },
  {
    seq: 14,
    title: 'สำนักงาน ป.ป.ช. พิจารณาข้อชี้แจงและยืนยันผลคะแนนแบบวัด OIT',
    kind: 'general',
    responsible: 'nacc',
    starts: d(6, 16),
    due: d(6, 30),
  },
  {
    seq: 15,
    title: 'สำนักงาน ป.ป.ช. ประมวลผลและจัดทำรายงานผลการประเมิน',
    kind: 'general',
    responsible: 'nacc',
    starts: d(7, 1),
    due: d(7, 'end'),
  },
  {
    seq: 16,
    title: 'สำนักงาน ป.ป.ช. ประกาศและเผยแพร่ผลการประเมิน',
    kind: 'general',
    responsible: 'nacc',
    starts: d(8, 1),
    due: d(8, 'end'),
  },
  {
    seq: 17,
    title: 'วิเคราะห์ผลการประเมินและกำหนดมาตรการส่งเสริมคุณธรรมและความโปร่งใสของปีถัดไป',
    kind: 'analysis',
    responsible: 'all',
    starts: d(8, 15),
    due: d(9, 30),
  },
  {
    // Numbered last so that plans made before it keep their keys; dated with the OIT work it feeds (seed 002
    // step 7: the province's line offices prepare the OIT items assigned to them, January to 31 March).
    seq: 18,
    title: 'ส่งข้อมูลตามแบบวัด OIT ข้อที่ได้รับมอบหมายให้หน่วยงานที่รับการประเมิน (สำนักงานจังหวัด) เพื่อเผยแพร่และตอบในระบบ ITAS',
    kind: 'oit',
    responsible: 'all',
    starts: d(1, 1),
    due: d(3, 31),
  },
];

function isoDate(fiscalYear: FiscalYear, at: FyDay): string {
  // FY (BE) y runs 1 Oct (y − 544) to 30 Sep (y − 543) in the Christian era.
  const year = at.month >= 10 ? fiscalYear - 544 : fiscalYear - 543;
  const day = at.day === 'end' ? new Date(Date.UTC(year, at.month, 0)).getUTCDate() : at.day;
  return `${year}-${String(at.month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The default plan of a fiscal year, from DEFAULT_CALENDAR. */
export function buildDefaultPlan(fiscalYear: FiscalYear): PlannedActivity[] {
  return DEFAULT_CALENDAR.map((t) => ({
    seq: t.seq,
    title: t.title,
    kind: t.kind,
    responsible: t.responsible,
    startsOn: isoDate(fiscalYear, t.starts),
    dueOn: isoDate(fiscalYear, t.due),
  }));
}
