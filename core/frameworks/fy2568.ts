// Framework FY2568: IIT and EIT as FY2567; OIT renumbered O1–O27 as NACC-assessed agencies published it
// (ita-framework.md "FY2568 and later": medium evidence, so every OIT item is marked unconfirmed).
import type { EitMinSample, Framework, IndicatorId, ItemDef } from '../types.ts';
import { genericTitle, INSTRUMENTS, ITA_WEIGHTS, indicatorsOf, topicsOf } from './common.ts';
import { FIVE_LEVELS } from './levels.ts';

const OIT_SOURCE = 'หน้า OIT ของหน่วยงานที่รับการประเมินปี 2568 (หลักฐานระดับกลาง ยังไม่ยืนยัน)';
const IIT_SOURCE = 'รายงานวิเคราะห์ผล ITA ปี 2567 ของ อบจ.ตาก (i10–i12) ส่วนการจัดกลุ่มข้ออื่นยังไม่ยืนยัน';

// The FY2568 OIT list of one public organisation's "ITA 2568" pages, corroborated in part by a sub-district
// administration's and two universities' pages; O5–O7 not seen (by analogy), O27 probably the measures item.
const OIT_2568: readonly (readonly [number, string | undefined, boolean])[] = [
  [1, 'โครงสร้างและอำนาจหน้าที่', true],
  [2, 'ข้อมูลผู้บริหาร', true],
  [3, 'ข้อมูลการติดต่อ', true],
  [4, 'ข่าวประชาสัมพันธ์', true],
  [5, 'Q&A (โดยอนุมาน ไม่พบในหน้าเว็บที่ตรวจ)', false],
  [6, 'แผนดำเนินงานและการใช้งบประมาณประจำปี และความก้าวหน้า (โดยอนุมาน)', false],
  [7, 'รายงานผลการดำเนินงานประจำปี (โดยอนุมาน)', false],
  [8, 'คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่', true],
  [9, 'คู่มือหรือแนวทางการขอรับบริการ', true],
  [10, 'E-Service', true],
  [11, 'ข้อมูลสถิติการให้บริการ', true],
  [12, 'รายการการจัดซื้อจัดจ้างหรือการจัดหาพัสดุและความก้าวหน้า', true],
  [13, 'รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี', true],
  [14, 'แผนการบริหารและพัฒนาทรัพยากรบุคคล', true],
  [15, 'รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล', true],
  [16, 'ประมวลจริยธรรมและการขับเคลื่อนจริยธรรม', true],
  [17, 'แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ', true],
  [18, 'ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ', true],
  [19, 'ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ', true],
  [20, 'การเปิดโอกาสให้เกิดการมีส่วนร่วม', true],
  [21, 'ประกาศเจตนารมณ์นโยบายไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่ (No Gift Policy)', true],
  [22, 'รายงานการรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยา', true],
  [23, 'การประเมินความเสี่ยงที่อาจเกิดการให้หรือรับสินบน', true],
  [24, 'รายงานผลการดำเนินการเพื่อจัดการความเสี่ยง', true],
  [25, 'แผนปฏิบัติการป้องกันการทุจริต', true],
  [26, 'รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต', true],
  [27, 'มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน (โดยอนุมาน)', false],
];

/** O1–O20 → indicator 9, O21+ → 10: inferred (low). */
const LAST_OIT_OF_INDICATOR_9 = 20;

const IIT_KNOWN: Readonly<Record<number, string>> = {
  10: 'ในหน่วยงานของท่าน มีเจ้าหน้าที่ ที่ขอยืมทรัพย์สินของราชการไปใช้อย่างถูกต้อง มากน้อยเพียงใด',
  11: 'ในหน่วยงานของท่าน มีเจ้าหน้าที่ ที่นำทรัพย์สินของราชการไปใช้เพื่อประโยชน์ส่วนตัว มากน้อยเพียงใด',
  12: 'ในหน่วยงานของท่าน มีการตรวจสอบเพื่อป้องกันการนำทรัพย์สินของราชการไปใช้เพื่อประโยชน์ส่วนตัวเป็นประจำ มากน้อยเพียงใด',
};

const items: ItemDef[] = [
  ...([1, 2, 3, 4, 5] as const).flatMap((indicator) =>
    [1, 2, 3].map((k): ItemDef => {
      const n = (indicator - 1) * 3 + k;
      const title = IIT_KNOWN[n];
      return {
        code: `i${n}`,
        indicator,
        title: title ?? genericTitle(`i${n}`, indicator),
        confirmed: false,
        source: IIT_SOURCE,
      };
    }),
  ),
  ...OIT_2568.map(([n, title]): ItemDef => {
    const indicator: IndicatorId = n <= LAST_OIT_OF_INDICATOR_9 ? 9 : 10;
    return {
      code: `o${n}`,
      indicator,
      title: title ?? genericTitle(`o${n}`, indicator),
      // Seen on more than one agency's pages is still medium evidence: unconfirmed until the NACC's manual.
      confirmed: false,
      source: OIT_SOURCE,
    };
  }),
];

/** EIT part 1 minimum sample per agency group (medium: a table that looks like the FY2568 manual's). */
export const EIT_MIN_SAMPLE_2568: readonly EitMinSample[] = [
  {
    group: 'เทศบาลตำบล ขนาดกลาง (M)',
    min: 70,
    confirmed: false,
    source: 'หน้า ITA ของหน่วยงานที่รับการประเมินปี 2568 (ยังไม่ยืนยัน)',
  },
  {
    group: 'เทศบาลตำบล ขนาดเล็ก (S)',
    min: 60,
    confirmed: false,
    source: 'หน้า ITA ของหน่วยงานที่รับการประเมินปี 2568 (ยังไม่ยืนยัน)',
  },
  {
    group: 'อบต. ขนาดใหญ่ (L)',
    min: 50,
    confirmed: false,
    source: 'หน้า ITA ของหน่วยงานที่รับการประเมินปี 2568 (ยังไม่ยืนยัน)',
  },
  {
    group: 'อบต. ขนาดกลาง (M)',
    min: 40,
    confirmed: false,
    source: 'หน้า ITA ของหน่วยงานที่รับการประเมินปี 2568 (ยังไม่ยืนยัน)',
  },
  {
    group: 'อบต. ขนาดเล็ก (S)',
    min: 30,
    confirmed: false,
    source: 'หน้า ITA ของหน่วยงานที่รับการประเมินปี 2568 (ยังไม่ยืนยัน)',
  },
  {
    group: 'หน่วยงานระดับกรมด้านนโยบาย วิชาการ และเฉพาะทาง',
    min: 100,
    confirmed: false,
    source: 'หน้า ITA ของหน่วยงานที่รับการประเมินปี 2568 (ยังไม่ยืนยัน)',
  },
  {
    group: 'หน่วยงานส่วนกลางที่อนุมัติ อนุญาต หรือให้บริการ',
    min: 400,
    confirmed: false,
    source: 'หน้า ITA ของหน่วยงานที่รับการประเมินปี 2568 (ยังไม่ยืนยัน)',
  },
  {
    group: 'มหาวิทยาลัย',
    min: 400,
    confirmed: false,
    source: 'หน้า ITA ของหน่วยงานที่รับการประเมินปี 2568 (ยังไม่ยืนยัน)',
  },
];

export const FRAMEWORK_2568: Framework = {
  id: 'ita-2568',
  fromYear: 2568,
  toYear: 2568,
  instruments: INSTRUMENTS,
  weights: ITA_WEIGHTS,
  // EIT scored by indicator (no FY2567+ codes found); OIT indicators whole (the split is inferred).
  indicators: indicatorsOf(items, [9, 10]),
  items,
  topicOf: topicsOf([
    ['i1', 'i3', 1],
    ['i4', 'i6', 5],
    ['i7', 'i9', 6],
    ['i10', 'i12', 4],
    ['i13', 'i15', 7],
    ['o1', 'o5', 3],
    ['o6', 'o9', 1],
    ['o10', 'o11', 2],
    ['o12', 'o13', 5],
    ['o14', 'o16', 6],
    ['o17', 'o19', 7],
    ['o20', 'o20', 1],
    ['o21', 'o27', 7],
  ]),
  levels: FIVE_LEVELS,
  confirmed: false,
  source: 'หน้า OIT ของหน่วยงานที่รับการประเมินปี 2568 ยังไม่พบคู่มือของสำนักงาน ป.ป.ช.',
  documents: { complaintStats: 'o19', analysis: 'o27', measureResults: 'o27' },
  eitMinSample: EIT_MIN_SAMPLE_2568,
};
