// Framework FY2567 (FY2568 renumbered the OIT: fy2568.ts): the shortened questionnaires — IIT i1–i15, EIT by indicator, OIT o1–o33.
import type { Framework, IndicatorId, ItemDef } from '../types.ts';
import { genericTitle, INSTRUMENTS, ITA_WEIGHTS, indicatorsOf, topicsOf } from './common.ts';
import { FIVE_LEVELS } from './levels.ts';

function item(code: string, indicator: IndicatorId, title: string | undefined, confirmed: boolean): ItemDef {
  return {
    code,
    indicator,
    title: title ?? genericTitle(code, indicator),
    confirmed: confirmed && title !== undefined,
  };
}

// IIT: 15 items, three per indicator. Only i10–i12 (public property) are quoted, with their
// grouping, in seed 003; the other items' grouping is [unconfirmed] (ita-framework.md).
const IIT_KNOWN: Readonly<Record<number, string>> = {
  10: 'ในหน่วยงานของท่าน มีเจ้าหน้าที่ ที่ขอยืมทรัพย์สินของราชการไปใช้อย่างถูกต้อง มากน้อยเพียงใด',
  11: 'ในหน่วยงานของท่าน มีเจ้าหน้าที่ ที่นำทรัพย์สินของราชการไปใช้เพื่อประโยชน์ส่วนตัว มากน้อยเพียงใด',
  12: 'ในหน่วยงานของท่าน มีการตรวจสอบเพื่อป้องกันการนำทรัพย์สินของราชการไปใช้เพื่อประโยชน์ส่วนตัวเป็นประจำ มากน้อยเพียงใด',
};

// OIT titles quoted in seed 003 (FY2567 codes); o1–o3 are likely but [unconfirmed]; the rest unknown.
const OIT_KNOWN: Readonly<Record<number, string>> = {
  1: 'โครงสร้าง',
  2: 'ข้อมูลผู้บริหาร',
  3: 'อำนาจหน้าที่',
  4: 'ข้อมูลการติดต่อ',
  5: 'ข่าวประชาสัมพันธ์',
  6: 'Q&A',
  8: 'แผนและความก้าวหน้าในการดำเนินงานและการใช้จ่ายงบประมาณประจำปี',
  9: 'รายงานผลการดำเนินงานประจำปี',
  13: 'E-Service',
  14: 'รายงานการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ',
  15: 'ประกาศต่าง ๆ เกี่ยวกับการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ',
  16: 'ความก้าวหน้าการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ',
  17: 'รายงานสรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี',
  20: 'ประมวลจริยธรรมสำหรับเจ้าหน้าที่ของรัฐ',
  21: 'การขับเคลื่อนจริยธรรม',
  22: 'แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ',
  23: 'ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ',
  24: 'ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ',
  27: 'มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน',
};

/** [unconfirmed] split of o1–o33 between indicator 9 (disclosure) and 10 (prevention). */
const LAST_OIT_OF_INDICATOR_9 = 19;

const items: ItemDef[] = [
  ...([1, 2, 3, 4, 5] as const).flatMap((indicator) =>
    [1, 2, 3].map((k) => {
      const n = (indicator - 1) * 3 + k;
      return item(`i${n}`, indicator, IIT_KNOWN[n], indicator === 4);
    }),
  ),
  ...Array.from({ length: 33 }, (_, k) =>
    item(`o${k + 1}`, k + 1 <= LAST_OIT_OF_INDICATOR_9 ? 9 : 10, OIT_KNOWN[k + 1], false),
  ),
];

export const FRAMEWORK_2567: Framework = {
  id: 'ita-2567',
  fromYear: 2567,
  toYear: 2567,
  instruments: INSTRUMENTS,
  weights: ITA_WEIGHTS,
  // EIT has no item codes here (its codes are [unconfirmed]): indicators 6–8 are scored whole.
  // OIT indicators are scored whole too: computing them from a guessed o-code grouping would
  // present a made-up figure; o-codes still name weak items.
  indicators: indicatorsOf(items, [9, 10]),
  items,
  // Seed 003 files o8–o9 → 1, o13 → 2, o4–o6 → 3, i10–i12 → 4, o14–o17 → 5, o20–o21 → 6,
  // o22–o24 → 7; the rest by what the item is about (ita-framework.md "Analysis topics").
  topicOf: topicsOf([
    ['i1', 'i3', 1],
    ['i4', 'i6', 5],
    ['i7', 'i9', 6],
    ['i10', 'i12', 4],
    ['i13', 'i15', 7],
    ['o1', 'o7', 3],
    ['o8', 'o12', 1],
    ['o13', 'o13', 2],
    ['o14', 'o17', 5],
    ['o18', 'o21', 6],
    ['o22', 'o33', 7],
  ]),
  levels: FIVE_LEVELS,
  source: 'แผนขับเคลื่อน ITA ปี 2567 ของจังหวัดพัทลุง รายงานวิเคราะห์ผล ITA ปี 2567 ของ อบจ.ตาก และหน้า OIT ของหน่วยงาน',
  documents: { complaintStats: 'o24', analysis: 'o27', measureResults: 'o27' },
};
