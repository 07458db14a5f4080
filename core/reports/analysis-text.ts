// The analysis report's default prose in the wording of the published reports (seeds 001, 002, 003).
import { INDICATOR_NAMES, INSTRUMENT_NAMES } from '../frameworks/common.ts';
import { formatScore, round2 } from '../round.ts';
import type { IndicatorId, Instrument } from '../types.ts';
import type { IndicatorLine, InstrumentLine, OverallResult, ReportAgency, TopicItem } from './types.ts';

/** Seed 003's finding for a topic with nothing weak, word for word. */
export const KEEP_STANDARD_FINDING =
  'หน่วยงานมีผลการประเมินในระดับที่ดีอยู่แล้วในหัวข้อการประเมินดังกล่าว แต่เพื่อเป็นการรักษามาตรฐานของผลคะแนนให้อยู่ในระดับที่ดี จึงต้องกำหนดมาตรการ/กิจกรรม เพื่อขับเคลื่อนการป้องกันและปราบปรามการทุจริตภายในหน่วยงาน';

/** The instruments' indicator ranges as seed 003 names them ("ตัวชี้วัดที่ 1 - 5"). */
const INDICATOR_RANGE: Readonly<Record<Instrument, string>> = { IIT: '1 - 5', EIT: '6 - 8', OIT: '9 - 10' };

/** "1, 2 และ 3" */
export function joinThai(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} และ ${parts[parts.length - 1]}`;
}

export function reportTitle(agency: ReportAgency, fiscalYear: number, measuresYear: number): string {
  return `รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) ประจำปีงบประมาณ พ.ศ. ${fiscalYear} เพื่อกำหนดมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ${measuresYear} ของ${agency.name}`;
}

export function reportIntro(fiscalYear: number, measuresYear: number): string {
  return `ตามที่สำนักงาน ป.ป.ช. กำหนดให้หน่วยงานแสดงผลการวิเคราะห์การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) ประจำปีงบประมาณ พ.ศ. ${fiscalYear} พร้อมมาตรการเพื่อขับเคลื่อนการส่งเสริมคุณธรรมและความโปร่งใสให้สอดคล้องกับผลการวิเคราะห์ เพื่อใช้ในปีงบประมาณ พ.ศ. ${measuresYear} หน่วยงานจึงได้จัดทำรายงานฉบับนี้ โดยนำข้อคำถามที่มีคะแนนต่ำกว่าเกณฑ์ของทั้งแบบวัด IIT, EIT และ OIT มาวิเคราะห์ตาม 7 ประเด็น และกำหนดมาตรการ ขั้นตอน ผู้รับผิดชอบ และระยะเวลาดำเนินการ ดังนี้`;
}

export function reportSummary(
  overall: OverallResult,
  fiscalYear: number,
  weakItemCount: number,
  weakParts: readonly string[],
  threshold: number,
  levelReason?: string,
): string {
  const parts: string[] = [];
  if (overall.score !== undefined) {
    const level = overall.level === undefined ? '' : ` อยู่ในระดับ ${overall.level.label}`;
    parts.push(
      `หน่วยงานมีผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ${fiscalYear} ${formatScore(overall.score)} คะแนน${level}`,
    );
  } else {
    parts.push(`ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ${fiscalYear} ยังไม่ครบทุกแบบวัด จึงยังไม่มีคะแนนรวม`);
  }
  if (overall.change !== undefined && overall.previousFiscalYear !== undefined) {
    const direction = overall.change >= 0 ? 'เพิ่มขึ้น' : 'ลดลง';
    parts.push(
      `${direction}จากปี พ.ศ. ${overall.previousFiscalYear} ${formatScore(Math.abs(overall.change))} คะแนน`,
    );
  }
  if (levelReason !== undefined) parts.push(`(${levelReason})`);
  if (weakItemCount > 0) {
    parts.push(
      `มีข้อคำถามที่ได้คะแนนต่ำกว่า ${threshold} คะแนน จำนวน ${weakItemCount} ข้อ ซึ่งถือเป็นจุดอ่อนที่หน่วยงานต้องปรับปรุง`,
    );
  }
  if (weakParts.length > 0) {
    parts.push(`${joinThai(weakParts)} ได้คะแนนต่ำกว่า ${threshold} คะแนน ซึ่งถือเป็นจุดอ่อนที่หน่วยงานต้องปรับปรุง`);
  }
  if (weakItemCount === 0 && weakParts.length === 0) {
    parts.push(
      `ไม่มีแบบวัด ตัวชี้วัด หรือข้อคำถามที่ได้คะแนนต่ำกว่า ${threshold} คะแนน หน่วยงานจึงควรรักษามาตรฐานไว้และพัฒนาการทำงานอย่างต่อเนื่อง`,
    );
  }
  return parts.join(' ');
}

/**
 * Seed 003's per-instrument advice: keep the standard when the instrument and its indicators are high,
 * else name the low ones; with only the instrument's score on record, that score speaks.
 */
export function instrumentRecommendation(
  agencyName: string,
  instrument: Instrument,
  instruments: readonly InstrumentLine[],
  indicators: readonly IndicatorLine[],
  threshold: number,
): string {
  const own = indicators.filter((line) => line.instrument === instrument);
  const known = own.filter((line) => line.score !== undefined);
  const whole = instruments.find((line) => line.instrument === instrument)?.score;
  const name = `${INSTRUMENT_NAMES[instrument]} (${instrument})`;
  if (known.length === 0 && whole === undefined) return `ยังไม่มีผลคะแนนตาม${name}`;
  const low = known.filter((line) => round2(line.score ?? 0) < threshold);
  if (low.length > 0) {
    const names = low.map((line) => `ตัวชี้วัดที่ ${line.id} ${line.name} (${formatScore(line.score ?? 0)})`);
    return `${name}: ${joinThai(names)} ได้คะแนนต่ำกว่า ${threshold} คะแนน ควรเร่งปรับปรุงตามมาตรการในรายงานนี้`;
  }
  if (whole !== undefined && round2(whole) < threshold) {
    return `${name} ได้ ${formatScore(whole)} คะแนน ต่ำกว่า ${threshold} คะแนน (ตัวชี้วัดที่ ${INDICATOR_RANGE[instrument]}) ควรเร่งปรับปรุงตามมาตรการในรายงานนี้`;
  }
  const scores = known.length > 0 ? known.map((line) => line.score ?? 0) : [whole ?? 0];
  const reached = scores.every((x) => round2(x) >= 95)
    ? 'ได้คะแนนเกินกว่า 95 คะแนน'
    : `ได้คะแนนไม่ต่ำกว่า ${threshold} คะแนน`;
  const scoreText = whole === undefined ? '' : ` (${instrument} ${formatScore(whole)} คะแนน)`;
  return `${agencyName}ได้ดำเนินการตามตัวชี้วัดที่ ${INDICATOR_RANGE[instrument]} ${reached}${scoreText} ควรรักษามาตรฐานไว้และพัฒนาประสิทธิภาพการทำงานอย่างต่อเนื่อง`;
}

/** What the analysis of one topic found (seed 002's "การวิเคราะห์ผลการประเมิน" column). */
export function topicFindings(
  items: readonly TopicItem[],
  weakParts: readonly string[],
  threshold: number,
): string {
  const weak = items.filter((item) => item.weak && item.score !== undefined);
  if (weak.length === 0 && weakParts.length === 0) return KEEP_STANDARD_FINDING;
  if (weak.length === 0) {
    const unscored = items.filter((item) => item.weak).map((item) => item.code);
    const where = unscored.length === 0 ? '' : ` ซึ่งเกี่ยวข้องกับข้อ ${joinThai(unscored)} ในประเด็นนี้`;
    return `${joinThai(weakParts)} ได้คะแนนต่ำกว่า ${threshold} คะแนน${where} เป็นจุดอ่อนที่หน่วยงานต้องปรับปรุงการดำเนินงานในประเด็นนี้ จึงกำหนดมาตรการ/กิจกรรมเพื่อแก้ไขและพัฒนาให้ดีขึ้นในปีถัดไป`;
  }
  const lowest = weak[0];
  const indicators = [...new Set(weak.map((item) => item.indicator))] as IndicatorId[];
  const codes = joinThai(weak.map((item) => item.code));
  const about = joinThai(indicators.map((id) => INDICATOR_NAMES[id]));
  const low =
    lowest?.score === undefined ? '' : ` (ต่ำสุด ${formatScore(lowest.score)} คะแนน ข้อ ${lowest.code})`;
  return `ข้อ ${codes} ได้คะแนนต่ำกว่า ${threshold} คะแนน${low} เป็นจุดอ่อนด้าน${about} ที่หน่วยงานต้องปรับปรุงการดำเนินงาน จึงกำหนดมาตรการ/กิจกรรมเพื่อแก้ไขและพัฒนาให้ดีขึ้นในปีถัดไป`;
}
