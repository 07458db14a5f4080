// The seven analysis topics every agency files its weaknesses under (DESIGN.md §3, seeds 002 and 003).
import type { IndicatorId, TopicId } from '../types.ts';

export interface AnalysisTopic {
  id: TopicId;
  title: string;
}

/** Titles exactly as in DESIGN.md §3 (seed 002's list). */
export const ANALYSIS_TOPICS: readonly AnalysisTopic[] = [
  { id: 1, title: 'กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ' },
  { id: 2, title: 'การให้บริการและระบบ E-Service' },
  { id: 3, title: 'ช่องทางและรูปแบบการประชาสัมพันธ์เผยแพร่ข้อมูลข่าวสารภาครัฐ' },
  { id: 4, title: 'กระบวนการกำกับดูแลการใช้ทรัพย์สินของราชการ' },
  { id: 5, title: 'กระบวนการสร้างความโปร่งใสในการใช้งบประมาณและการจัดซื้อจัดจ้าง' },
  { id: 6, title: 'กระบวนการควบคุม ตรวจสอบการใช้อำนาจและการบริหารงานบุคคล' },
  { id: 7, title: 'กลไกและมาตรการในการแก้ไขและป้องกันการทุจริตภายในหน่วยงาน' },
];

export function topicTitle(id: TopicId): string {
  return ANALYSIS_TOPICS.find((topic) => topic.id === id)?.title ?? '';
}

/**
 * Which topics an indicator bears on when the framework maps none of its items (EIT from FY2567, or only
 * indicator/instrument scores on record): ita-framework.md "Analysis topics" (e1 → 1, 2; e6–e7 → 3;
 * e14–e15 → 1, 2; IIT indicator → its own topic; OIT disclosure → 1, 2, 3, 5; prevention → 6, 7).
 */
export const INDICATOR_TOPICS: Readonly<Record<IndicatorId, readonly TopicId[]>> = {
  1: [1],
  2: [5],
  3: [6],
  4: [4],
  5: [7],
  6: [1, 2],
  7: [3],
  8: [1, 2],
  9: [1, 2, 3, 5],
  10: [6, 7],
};
