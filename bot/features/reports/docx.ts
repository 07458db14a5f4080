// The reports as .docx (the `docx` package) so staff can finish them in Word: TH Sarabun New 16 pt, A4, Thai tables.
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { AnalysisReport, MeasureResultsReport, Report } from '../../../core/reports/index.ts';
import {
  ANALYSIS_HEADINGS,
  change,
  digitsOf,
  INDICATOR_HEADINGS,
  INSTRUMENT_HEADINGS,
  instrumentCells,
  itemText,
  MEASURE_RESULT_HEADINGS,
  overallLines,
  type RenderOptions,
  score,
} from './format.ts';

export type T = (text: string) => string;

// Thai is complex script: Word picks the `cs` font and size for it, so both are set. 16 pt is the official size.
const FONT = 'TH Sarabun New';
const SIZE = 32;

export const text = (value: string, t: T, bold = false): Paragraph[] =>
  value.split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: t(line), bold })] }));

export const heading = (value: string, t: T, level: 1 | 2 | 3 = 2): Paragraph =>
  new Paragraph({
    heading:
      level === 1 ? HeadingLevel.HEADING_1 : level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
    alignment: level === 1 ? AlignmentType.CENTER : AlignmentType.LEFT,
    children: [new TextRun({ text: t(value), bold: true })],
  });

export function cellOf(
  content: string | Paragraph[],
  t: T,
  options: { bold?: boolean; rowSpan?: number } = {},
) {
  const children = typeof content === 'string' ? text(content, t, options.bold) : content;
  return new TableCell({
    children: children.length > 0 ? children : [new Paragraph('')],
    ...(options.rowSpan !== undefined && options.rowSpan > 1 ? { rowSpan: options.rowSpan } : {}),
  });
}

export function tableOf(headings: readonly string[], rows: TableRow[], t: T): Table {
  const head = new TableRow({
    tableHeader: true,
    children: headings.map((h) => cellOf(h, t, { bold: true })),
  });
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [head, ...rows] });
}

export const plainRow = (cells: readonly string[], t: T): TableRow =>
  new TableRow({ children: cells.map((c) => cellOf(c, t)) });

function analysisRows(report: AnalysisReport, t: T): TableRow[] {
  return report.topics.flatMap((topic) => {
    const measures = topic.measures.length > 0 ? topic.measures : [undefined];
    const span = measures.length;
    return measures.map((m, i) => {
      const lead =
        i === 0
          ? [
              cellOf(`${topic.id}. ${topic.title}`, t, { rowSpan: span }),
              cellOf([...topic.weakParts, ...topic.items.map(itemText)].join('\n'), t, { rowSpan: span }),
              cellOf(topic.findings, t, { rowSpan: span }),
            ]
          : [];
      const rest =
        m === undefined
          ? ['', '', '', ''].map((c) => cellOf(c, t))
          : [
              cellOf(m.title, t),
              cellOf(m.steps.map((s) => `- ${s}`).join('\n'), t),
              cellOf(m.owner, t),
              cellOf(m.periodText, t),
            ];
      return new TableRow({ cantSplit: true, children: [...lead, ...rest] });
    });
  });
}

function analysisChildren(report: AnalysisReport, t: T): (Paragraph | Table)[] {
  return [
    heading(report.title, t, 1),
    ...(report.oitItem === undefined
      ? []
      : text(
          `ข้อมูลนี้เผยแพร่ตามตัวชี้วัด OIT ข้อ ${report.oitItem.code} ${report.oitItem.title} ปีงบประมาณ พ.ศ. ${report.oitItem.forYear}`,
          t,
        )),
    ...(report.frameworkNotice === undefined ? [] : text(report.frameworkNotice, t)),
    ...text(report.intro, t),
    heading(`ผลการประเมิน ITA ปีงบประมาณ พ.ศ. ${report.fiscalYear} ของ${report.agency.name}`, t),
    ...overallLines(report.overall).map((line) => new Paragraph({ bullet: { level: 0 }, text: t(line) })),
    heading('ผลการประเมินรายเครื่องมือ', t),
    tableOf(
      INSTRUMENT_HEADINGS,
      report.instruments.map((line) => plainRow(instrumentCells(line), t)),
      t,
    ),
    heading('ผลการประเมินรายตัวชี้วัด', t),
    tableOf(
      INDICATOR_HEADINGS,
      report.indicators.map((l) => plainRow([String(l.id), l.name, score(l.score), change(l.change)], t)),
      t,
    ),
    heading(report.keepsStandard ? 'หน่วยงานรักษามาตรฐานผลการประเมิน' : 'สรุปผลการประเมิน', t),
    ...text(report.summary, t),
    heading('เกณฑ์ระดับผลการประเมิน', t, 3),
    ...report.levelCriteria.map((line) => new Paragraph({ bullet: { level: 0 }, text: t(line) })),
    ...(['IIT', 'EIT', 'OIT'] as const).flatMap((k) => [
      heading(`ข้อเสนอแนะสำหรับแบบวัด ${k}`, t, 3),
      ...text(report.recommendations[k], t),
    ]),
    heading(`การวิเคราะห์ผลการประเมินเพื่อกำหนดมาตรการ ประจำปีงบประมาณ พ.ศ. ${report.measuresYear}`, t),
    tableOf(ANALYSIS_HEADINGS, analysisRows(report, t), t),
  ];
}

function measuresChildren(report: MeasureResultsReport, t: T): (Paragraph | Table)[] {
  return [
    heading(report.title, t, 1),
    ...text(report.intro, t),
    ...report.groups.flatMap((group) => {
      const rows = group.rows.map(
        (row) =>
          new TableRow({
            cantSplit: true,
            children: [
              cellOf(row.title, t),
              // Evidence links stay as written: digits in a URL must not turn Thai.
              cellOf(
                [
                  ...text(row.done, t),
                  ...text(`สถานะ: ${row.statusLabel}`, t),
                  ...row.evidenceUrls.map((url) => new Paragraph({ children: [new TextRun(url)] })),
                ],
                t,
              ),
              cellOf(`${row.owner}\n${row.periodText}`, t),
              cellOf(row.outcome, t),
            ],
          }),
      );
      const empty = rows.length > 0 ? rows : [plainRow(['ไม่มีมาตรการในแบบวัดนี้', '', '', ''], t)];
      return [heading(group.name, t), tableOf(MEASURE_RESULT_HEADINGS, empty, t)];
    }),
  ];
}

/** The report as the bytes of a .docx file. The analysis table is wide: its section is A4 landscape. */
export async function renderReportDocx(
  report: Report,
  options: RenderOptions = {},
): Promise<Uint8Array<ArrayBuffer>> {
  const t = digitsOf(options);
  const children = report.kind === 'analysis' ? analysisChildren(report, t) : measuresChildren(report, t);
  return packDocx(report.title, children, PageOrientation.LANDSCAPE);
}

/** Paragraphs and tables as .docx bytes: A4, TH Sarabun New 16 pt (shared with complaint-stats-docx.ts). */
export async function packDocx(
  title: string,
  children: (Paragraph | Table)[],
  orientation: (typeof PageOrientation)[keyof typeof PageOrientation] = PageOrientation.PORTRAIT,
): Promise<Uint8Array<ArrayBuffer>> {
  const doc = new Document({
    creator: 'ita-line',
    title,
    styles: {
      default: {
        document: {
          run: {
            font: { ascii: FONT, hAnsi: FONT, cs: FONT, eastAsia: FONT },
            size: SIZE,
            sizeComplexScript: SIZE,
          },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { orientation },
            margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 },
          },
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
