// What the HTML and .docx renderings share: digit choice, figures as published, and the tables' Thai headings.
import { formatChange, formatScore, toThaiDigits } from '../../../core/index.ts';
import type { AnalysisReport, InstrumentLine, OverallResult } from '../../../core/reports/index.ts';
import type { RenderPng } from './charts.ts';

/** Thai digits (๙๒.๖๙) as official documents print them, or Arabic (92.69). */
export type Digits = 'thai' | 'arabic';

export interface RenderOptions {
  digits?: Digits;
  /** @font-face rules embedding Sarabun (fonts.ts, Node only); without them the page uses installed fonts. */
  fontFaces?: string;
  /**
   * Renders a chart's SVG to the PNG Word shows where it cannot show SVG (resvg with Sarabun on Node:
   * tools/charts/png.ts). Without it (Workers) the PNG has the bars and lines but no text.
   */
  renderPng?: RenderPng;
}

/** The text with its digits as chosen. URLs are never passed through this. */
export function digitsOf(options: RenderOptions): (text: string) => string {
  return options.digits === 'thai' ? (text) => toThaiDigits(text) : (text) => text;
}

export const score = (value: number | undefined): string => (value === undefined ? '–' : formatScore(value));
export const change = (value: number | undefined): string =>
  value === undefined ? '–' : formatChange(value);

/** The overall result as seed 003's bullet list: score, level, rank in the province, change from last year. */
export function overallLines(overall: OverallResult): string[] {
  const lines = [`ผลคะแนน ${score(overall.score)}`];
  if (overall.level !== undefined) lines.push(`ระดับ ${overall.level.label}`);
  if (overall.rankInProvince !== undefined) {
    const of = overall.rankedInProvince === undefined ? '' : ` จาก ${overall.rankedInProvince} หน่วยงาน`;
    lines.push(`ผลการประเมินระดับจังหวัด ลำดับที่ ${overall.rankInProvince}${of}`);
  }
  if (overall.rankNational !== undefined)
    lines.push(`ลำดับที่ ${overall.rankNational} ของประเทศ (ตามที่ สำนักงาน ป.ป.ช. ประกาศ)`);
  if (overall.rankInGroup !== undefined)
    lines.push(`ลำดับที่ ${overall.rankInGroup} ในกลุ่มหน่วยงานประเภทเดียวกัน (ตามที่ประกาศ)`);
  if (overall.previousFiscalYear !== undefined && overall.change !== undefined) {
    lines.push(
      `เปลี่ยนแปลงจากปี พ.ศ. ${overall.previousFiscalYear} (${score(overall.previousScore)}) ${change(overall.change)} คะแนน`,
    );
  }
  return lines;
}

export const INSTRUMENT_HEADINGS = ['แบบวัด', 'คะแนน', 'คะแนนถ่วงน้ำหนัก', 'เปลี่ยนแปลงจากปีก่อน'];

export function instrumentCells(line: InstrumentLine): string[] {
  return [`${line.name} (${line.instrument})`, score(line.score), score(line.weighted), change(line.change)];
}

export const INDICATOR_HEADINGS = ['ตัวชี้วัดที่', 'รายละเอียดตัวชี้วัด', 'คะแนน', 'เปลี่ยนแปลงจากปีก่อน'];

export const ANALYSIS_HEADINGS = [
  'หัวข้อการวิเคราะห์',
  'หัวข้อที่ใช้ในการวิเคราะห์',
  'ผลการวิเคราะห์',
  'มาตรการ/กิจกรรม',
  'ขั้นตอนและวิธีการปฏิบัติ',
  'ผู้รับผิดชอบ',
  'ระยะเวลาดำเนินการ',
];

export const MEASURE_RESULT_HEADINGS = [
  'มาตรการหรือกิจกรรม',
  'สรุปผลการดำเนินการตามมาตรการหรือกิจกรรม',
  'ผู้รับผิดชอบ / ระยะเวลาดำเนินการ',
  'ผลลัพธ์หรือความสำเร็จของการดำเนินการ',
];

/** "e15 ข้อคำถาม… (75.70)" as the analysis table lists an item. */
export function itemText(item: AnalysisReport['topics'][number]['items'][number]): string {
  return item.score === undefined
    ? `${item.code} ${item.title}`
    : `${item.code} ${item.title} (${score(item.score)})`;
}

/** The file name of a download: ASCII, so every browser and Word keeps it. */
export function reportFileName(
  kind: 'analysis' | 'measures',
  agencyId: string,
  year: number,
  ext: string,
): string {
  const safe = agencyId.replace(/[^A-Za-z0-9_-]/g, '');
  return `ita-${kind}-${safe}-${year}.${ext}`;
}
