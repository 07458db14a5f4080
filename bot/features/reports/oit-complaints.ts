// The OIT complaint statistics as the agency publishes them: headed with the year's OIT item code, one table
// of months with quarter and half-year sums (total, completed, in progress), exact counts, or the "none"
// sentence. HTML (A4), .docx, CSV and XLSX from one model.
import { AlignmentType, Paragraph, type Table, TableRow, TextRun } from 'docx';
import { OIT_PERIOD_LABELS, type OitComplaintStats } from '../../../core/complaints/oit-stats.ts';
import type { Framework } from '../../../core/types.ts';
import { writeXlsx } from '../scores/table.ts';
import { cellOf, heading, packDocx, tableOf, text } from './docx.ts';
import { digitsOf, type RenderOptions } from './format.ts';
import { escapeHtml, renderHtmlPage } from './html.ts';

export interface OitComplaintDocument {
  scopeName: string;
  stats: OitComplaintStats;
  /** "O19 ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", from the year's framework. */
  item?: { code: string; title: string };
  /** One line when the year's framework is unconfirmed. */
  frameworkNotice?: string;
}

export const OIT_HEADINGS = ['เดือน', 'เรื่องร้องเรียนทั้งหมด', 'ดำเนินการแล้วเสร็จ', 'อยู่ระหว่างดำเนินการ'];

/** The item of the year's framework this document fulfils, if the framework names one. */
export function complaintItemOf(framework: Framework | undefined): OitComplaintDocument['item'] {
  const code = framework?.documents?.complaintStats;
  const item = code === undefined ? undefined : framework?.items.find((i) => i.code === code);
  return item === undefined ? undefined : { code: item.code.toUpperCase(), title: item.title };
}

export function oitTitleOf(doc: OitComplaintDocument): string {
  const item = doc.item === undefined ? '' : `${doc.item.code} `;
  return `${item}ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ ${doc.scopeName} ปีงบประมาณ พ.ศ. ${doc.stats.fiscalYear} ${OIT_PERIOD_LABELS[doc.stats.period]}`;
}

function rowsOf(doc: OitComplaintDocument): string[][] {
  return doc.stats.rows.map((r) => [r.label, String(r.total), String(r.completed), String(r.inProgress)]);
}

export function renderOitComplaintsHtml(doc: OitComplaintDocument, options: RenderOptions = {}): string {
  const t = digitsOf(options);
  const body = [
    `<h1>${escapeHtml(t(oitTitleOf(doc)))}</h1>`,
    ...(doc.frameworkNotice === undefined ? [] : [`<p>${escapeHtml(t(doc.frameworkNotice))}</p>`]),
    ...(doc.stats.none
      ? [`<p class="none"><strong>${escapeHtml(t(doc.stats.noneSentence))}</strong></p>`]
      : []),
    `<table><thead><tr>${OIT_HEADINGS.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${doc.stats.rows
      .map((r) => {
        const strong = r.kind === 'month' ? '' : ' style="font-weight:700"';
        const cells = [r.total, r.completed, r.inProgress].map(
          (n) => `<td class="num">${escapeHtml(t(String(n)))}</td>`,
        );
        return `<tr${strong}><td>${escapeHtml(t(r.label))}</td>${cells.join('')}</tr>`;
      })
      .join('')}</tbody></table>`,
    `<p>${escapeHtml(t('นับเฉพาะเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ ตามเดือนที่รับเรื่อง สถานะ ณ วันที่จัดทำรายงาน'))}</p>`,
  ].join('\n');
  return renderHtmlPage(t(oitTitleOf(doc)), body, options);
}

export async function renderOitComplaintsDocx(
  doc: OitComplaintDocument,
  options: RenderOptions = {},
): Promise<Uint8Array<ArrayBuffer>> {
  const t = digitsOf(options);
  const rows = doc.stats.rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: [r.label, String(r.total), String(r.completed), String(r.inProgress)].map((c) =>
          cellOf(c, t, { bold: r.kind !== 'month' }),
        ),
      }),
  );
  const children: (Paragraph | Table)[] = [
    heading(oitTitleOf(doc), t, 1),
    ...(doc.frameworkNotice === undefined ? [] : text(doc.frameworkNotice, t)),
    ...(doc.stats.none
      ? [
          new Paragraph({
            alignment: AlignmentType.LEFT,
            children: [new TextRun({ text: t(doc.stats.noneSentence), bold: true })],
          }),
        ]
      : []),
    tableOf(OIT_HEADINGS, rows, t),
    ...text('นับเฉพาะเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ ตามเดือนที่รับเรื่อง สถานะ ณ วันที่จัดทำรายงาน', t),
  ];
  return packDocx(oitTitleOf(doc), children);
}

const csvField = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/** CSV (UTF-8 with BOM so Excel reads the Thai): the title, the "none" sentence when it applies, the table. */
export function renderOitComplaintsCsv(doc: OitComplaintDocument): string {
  const lines = [
    [oitTitleOf(doc)],
    ...(doc.frameworkNotice === undefined ? [] : [[doc.frameworkNotice]]),
    ...(doc.stats.none ? [[doc.stats.noneSentence]] : []),
    OIT_HEADINGS,
    ...rowsOf(doc),
  ];
  return `\uFEFF${lines.map((l) => l.map(csvField).join(',')).join('\r\n')}\r\n`;
}

export function renderOitComplaintsXlsx(doc: OitComplaintDocument): Uint8Array {
  const rows: (string | number)[][] = [
    [oitTitleOf(doc)],
    ...(doc.frameworkNotice === undefined ? [] : [[doc.frameworkNotice]]),
    ...(doc.stats.none ? [[doc.stats.noneSentence]] : []),
    OIT_HEADINGS,
    ...doc.stats.rows.map((r) => [r.label, r.total, r.completed, r.inProgress]),
  ];
  return writeXlsx('สถิติเรื่องร้องเรียน', rows);
}
