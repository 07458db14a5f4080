// Answers shaped exactly as the API's (typed from ApiType), for the LIFF component tests.
import type { PlanData, ScorecardData } from '../../liff/src/lib/api-types.ts';

export function makeScorecard(overrides: Partial<ScorecardData> = {}): ScorecardData {
  const indicators = [92.5, 88, 95, 90, 79.5, 84.25, 91, 89, 76.4, 100];
  return {
    agency: {
      id: 'pt-test',
      name: 'สำนักงานทดสอบจังหวัดปทุมธานี',
      shortName: 'สนง.ทดสอบ',
      type: 'line_agency',
      typeLabel: 'ส่วนราชการ',
      district: 'เมืองปทุมธานี',
    },
    year: 2567,
    years: [2565, 2566, 2567],
    frameworkId: 'fy2567',
    total: 87.46,
    totalDisplay: '87.46',
    level: { code: 'ผ่าน', label: 'ผ่าน' },
    instruments: [
      { code: 'IIT', name: 'แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน', score: 89, weight: 0.3, weighted: 26.7 },
      { code: 'EIT', name: 'แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก', score: 88.08, weight: 0.3, weighted: 26.42 },
      { code: 'OIT', name: 'แบบวัดการเปิดเผยข้อมูลสาธารณะ', score: 80.2, weight: 0.4, weighted: 32.08 },
    ],
    indicators: indicators.map((score, i) => ({
      id: i + 1,
      code: String(i + 1),
      title: `ตัวชี้วัดทดสอบ ${i + 1}`,
      score,
      instrument: i < 5 ? 'IIT' : i < 8 ? 'EIT' : 'OIT',
    })),
    trend: [
      { year: 2565, total: 80.1, totalDisplay: '80.10', level: 'B (ไม่ผ่าน)' },
      { year: 2566, total: 86.23, totalDisplay: '86.23', level: 'ผ่าน' },
      { year: 2567, total: 87.46, totalDisplay: '87.46', level: 'ผ่าน' },
    ],
    change: { previousYear: 2566, total: 1.23, totalDisplay: '+1.23', level: 'ผ่าน' },
    rank: {
      province: { rank: 3, of: 28 },
      type: { rank: 2, of: 12, typeLabel: 'ส่วนราชการ' },
      national: null,
      inGroup: null,
    },
    weakTopics: [
      {
        id: 4,
        title: 'การเปิดเผยข้อมูล',
        items: [{ code: 'o12', title: 'ข้อมูลการจัดซื้อจัดจ้าง', score: 50, indicator: 9 }],
        measures: [
          {
            id: 'm4-1',
            title: 'เผยแพร่แผนจัดซื้อจัดจ้างบนเว็บไซต์',
            steps: ['รวบรวมแผน', 'เผยแพร่'],
            ownerRole: 'พัสดุ',
          },
        ],
      },
      { id: 1, title: 'การปฏิบัติหน้าที่', items: [], measures: [] },
    ],
    weakCount: 1,
    weakness: {
      instruments: [{ code: 'OIT', name: 'แบบวัดการเปิดเผยข้อมูลสาธารณะ', score: 80.2 }],
      indicators: [
        { id: 5, name: 'ตัวชี้วัดทดสอบ 5', score: 79.5 },
        { id: 6, name: 'ตัวชี้วัดทดสอบ 6', score: 84.25 },
        { id: 9, name: 'ตัวชี้วัดทดสอบ 9', score: 76.4 },
      ],
      levelReason: 'คะแนนรวม 87.46 ได้ระดับผ่าน แต่ไม่ถึงระดับผ่านดี เพราะOIT ได้ 80.20 ต่ำกว่า 85',
      none: false,
    },
    whatItTakes: {
      target: { code: 'ผ่านดี', label: 'ผ่านดี' },
      reachable: true,
      total: { current: 87.46, threshold: 85, gap: 0 },
      instruments: [
        { code: 'IIT', current: 89, needed: 89, gap: 0, floor: 85, alone: null },
        { code: 'EIT', current: 88.08, needed: 88.08, gap: 0, floor: 85, alone: null },
        { code: 'OIT', current: 80.2, needed: 85, gap: 4.8, floor: 85, alone: 85 },
      ],
    },
    frameworkNotice: null,
    inventedNotice: null,
    missing: [],
    ...overrides,
  };
}

type Activity = PlanData['activities'][number];

export function makeActivity(overrides: Partial<Activity> = {}): Activity {
  return {
    id: 'act-1',
    seq: 1,
    title: 'จัดทำแผนปฏิบัติการ ITA',
    kind: 'task',
    startDate: '2024-11-01',
    startLabel: '1 พ.ย. 2567',
    dueDate: '2024-12-31',
    dueLabel: '31 ธ.ค. 2567',
    startMonth: 1,
    dueMonth: 2,
    responsible: 'all',
    responsibleLabel: 'ทุกหน่วยงาน',
    agencies: [
      {
        agencyId: 'a1',
        name: 'หน่วยงานหนึ่ง',
        status: 'done',
        statusLabel: 'เสร็จแล้ว',
        doneBy: 'ธนพล',
        doneAt: '2024-12-01T03:00:00.000Z',
        doneAtLabel: '1 ธ.ค. 2567',
        overdue: false,
        canMarkDone: false,
      },
      {
        agencyId: 'a2',
        name: 'หน่วยงานสอง',
        status: 'not_started',
        statusLabel: 'ยังไม่เริ่ม',
        doneBy: null,
        doneAt: null,
        doneAtLabel: null,
        overdue: true,
        canMarkDone: true,
      },
    ],
    doneCount: 1,
    overdueCount: 1,
    ...overrides,
  };
}

// Fiscal year 2567 as the API lists it (bot/features/plan/status.ts): October 2566 to September 2567.
export const MONTHS: PlanData['months'] = [
  { index: 0, label: 'ต.ค. 2566' },
  { index: 1, label: 'พ.ย. 2566' },
  { index: 2, label: 'ธ.ค. 2566' },
  { index: 3, label: 'ม.ค. 2567' },
  { index: 4, label: 'ก.พ. 2567' },
  { index: 5, label: 'มี.ค. 2567' },
  { index: 6, label: 'เม.ย. 2567' },
  { index: 7, label: 'พ.ค. 2567' },
  { index: 8, label: 'มิ.ย. 2567' },
  { index: 9, label: 'ก.ค. 2567' },
  { index: 10, label: 'ส.ค. 2567' },
  { index: 11, label: 'ก.ย. 2567' },
];
