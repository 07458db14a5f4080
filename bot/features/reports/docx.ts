// The reports as .docx (the `docx` package) so staff can finish them in Word, laid out as Thai official documents
// are: A4 portrait (a landscape section only for a wide table), margins of 3 cm left, 2 cm right and bottom and
// 2.5 cm top, TH Sarabun New 16 pt, black bold headings of 16–18 pt kept with what follows, table rows that never
// break across pages, column widths fitted to their content, Thai digits by choice, and the charts as pictures.
import {
  AlignmentType,
  Document,
  HeadingLevel,
  ImageRun,
  type ISectionOptions,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { thaiDisplayWidth } from '../../../core/index.ts';
import { oitCitationText } from '../../../core/reports/citation.ts';
import type { AnalysisReport, MeasureResultsReport, Report } from '../../../core/reports/index.ts';
import { rasterizeChart } from './chart-raster.ts';
import { analysisCharts, type Chart, chartSvg } from './charts.ts';
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
export const FONT = 'TH Sarabun New';
/** Half-points: body 16 pt, the title 18 pt, section headings 16 pt. */
export const SIZE = 32;
export const TITLE_SIZE = 36;
/** Twips (1 cm = 567): the margins of a Thai official document (ระเบียบงานสารบรรณ). */
export const MARGINS = { top: 1418, bottom: 1134, left: 1701, right: 1134 } as const;
const A4 = { width: 11906, height: 16838 } as const;
/** The width text may take on a portrait and a landscape A4 page, in twips. */
export const TEXT_WIDTH = {
  portrait: A4.width - MARGINS.left - MARGINS.right,
  landscape: A4.height - MARGINS.left - MARGINS.right,
} as const;
const TWIPS_PER_PIXEL = 15;

const fonts = { ascii: FONT, hAnsi: FONT, cs: FONT, eastAsia: FONT };

export const text = (value: string, t: T, bold = false): Paragraph[] =>
  value.split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: t(line), bold })] }));

export const heading = (value: string, t: T, level: 1 | 2 | 3 = 2): Paragraph =>
  new Paragraph({
    heading:
      level === 1 ? HeadingLevel.HEADING_1 : level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
    alignment: level === 1 ? AlignmentType.CENTER : AlignmentType.LEFT,
    keepNext: true,
    keepLines: true,
    children: [new TextRun({ text: t(value), bold: true, color: '000000' })],
  });

export function cellOf(
  content: string | Paragraph[],
  t: T,
  options: { bold?: boolean; rowSpan?: number; width?: number } = {},
) {
  const children = typeof content === 'string' ? text(content, t, options.bold) : content;
  return new TableCell({
    children: children.length > 0 ? children : [new Paragraph('')],
    ...(options.width === undefined ? {} : { width: { size: options.width, type: WidthType.DXA } }),
    ...(options.rowSpan !== undefined && options.rowSpan > 1 ? { rowSpan: options.rowSpan } : {}),
  });
}

/** Longest line of a cell in characters as they print (Thai marks above and below take no room). */
function lineWidth(content: string): number {
  return Math.max(0, ...content.split('\n').map((line) => thaiDisplayWidth(line)));
}

/**
 * Column widths in twips that fit the content: each column gets room by its longest line (headings count
 * less, since they wrap), at least a narrow figure's width and at most what a long text needs to wrap
 * nicely, then scaled to the page.
 */
export function fitColumnWidths(
  headings: readonly string[],
  rows: readonly (readonly string[])[],
  total: number,
): number[] {
  const wants = headings.map((h, col) => {
    const body = Math.max(0, ...rows.map((row) => lineWidth(row[col] ?? '')));
    const head = Math.min(lineWidth(h), 14);
    return Math.min(60, Math.max(5, body, head));
  });
  const sum = wants.reduce((a, b) => a + b, 0);
  const widths = wants.map((w) => Math.floor((total * w) / sum));
  const rest = total - widths.reduce((a, b) => a + b, 0);
  widths[widths.length - 1] = (widths[widths.length - 1] ?? 0) + rest;
  return widths;
}

/**
 * A table with a repeated heading row and rows that never break across pages. With `widths` (twips, e.g.
 * from fitColumnWidths) the columns are fixed at those widths; without, Word sizes them to the page.
 */
export function tableOf(
  headings: readonly string[],
  rows: TableRow[],
  t: T,
  widths?: readonly number[],
): Table {
  const head = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: headings.map((h, col) =>
      cellOf(h, t, { bold: true, ...(widths ? { width: widths[col] } : {}) }),
    ),
  });
  if (widths === undefined)
    return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [head, ...rows] });
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: [...widths],
    layout: TableLayoutType.FIXED,
    rows: [head, ...rows],
  });
}

export const plainRow = (cells: readonly string[], t: T, widths?: readonly number[]): TableRow =>
  new TableRow({
    cantSplit: true,
    children: cells.map((c, col) => cellOf(c, t, widths ? { width: widths[col] } : {})),
  });

/** A table of plain text cells, its columns fitted to the content on a page of `orientation`. */
export function textTable(
  headings: readonly string[],
  rows: readonly (readonly string[])[],
  t: T,
  orientation: 'portrait' | 'landscape' = 'portrait',
): Table {
  const widths = fitColumnWidths(
    headings,
    rows.map((row) => row.map(t)),
    TEXT_WIDTH[orientation],
  );
  return tableOf(
    headings,
    rows.map((row) => plainRow(row, t, widths)),
    t,
    widths,
  );
}

/** A chart as Word shows it: the SVG, with a PNG for Word versions that cannot show SVG; its caption above. */
async function chartParagraphs(chart: Chart, t: T, options: RenderOptions): Promise<Paragraph[]> {
  const png =
    options.renderPng === undefined
      ? await rasterizeChart(chart)
      : await options.renderPng(chartSvg(chart, t, 'resvg'), chart);
  const width = Math.min(chart.width, Math.floor(TEXT_WIDTH.portrait / TWIPS_PER_PIXEL));
  const height = Math.round((chart.height * width) / chart.width);
  return [
    new Paragraph({ keepNext: true, children: [new TextRun({ text: t(chart.title), bold: true })] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [
        new ImageRun({
          type: 'svg',
          data: new TextEncoder().encode(chartSvg(chart, t)),
          fallback: { type: 'png', data: png },
          transformation: { width, height },
          altText: { name: chart.id, title: t(chart.title), description: t(chart.title) },
        }),
      ],
    }),
  ];
}

/** The analysis table's cell texts, as fitColumnWidths measures them (the first row of each topic). */
function analysisTexts(report: AnalysisReport): string[][] {
  return report.topics.flatMap((topic) =>
    (topic.measures.length > 0 ? topic.measures : [undefined]).map((m) => [
      `${topic.id}. ${topic.title}`,
      [...topic.weakParts, ...topic.items.map(itemText)].join('\n'),
      topic.findings,
      m?.title ?? '',
      m?.steps.map((s) => `- ${s}`).join('\n') ?? '',
      m?.owner ?? '',
      m?.periodText ?? '',
    ]),
  );
}

function analysisRows(report: AnalysisReport, t: T, widths: readonly number[]): TableRow[] {
  const w = (col: number) => ({ width: widths[col] });
  return report.topics.flatMap((topic) => {
    const measures = topic.measures.length > 0 ? topic.measures : [undefined];
    const span = measures.length;
    return measures.map((m, i) => {
      const lead =
        i === 0
          ? [
              cellOf(`${topic.id}. ${topic.title}`, t, { rowSpan: span, ...w(0) }),
              cellOf([...topic.weakParts, ...topic.items.map(itemText)].join('\n'), t, {
                rowSpan: span,
                ...w(1),
              }),
              cellOf(topic.findings, t, { rowSpan: span, ...w(2) }),
            ]
          : [];
      const rest =
        m === undefined
          ? ['', '', '', ''].map((c, k) => cellOf(c, t, w(3 + k)))
          : [
              cellOf(m.title, t, w(3)),
              cellOf(m.steps.map((s) => `- ${s}`).join('\n'), t, w(4)),
              cellOf(m.owner, t, w(5)),
              cellOf(m.periodText, t, w(6)),
            ];
      return new TableRow({ cantSplit: true, children: [...lead, ...rest] });
    });
  });
}

const bullets = (lines: readonly string[], t: T): Paragraph[] =>
  lines.map((line) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(t(line))] }));

/** Portrait: the results, tables and charts, summary, criteria and recommendations. Landscape: the wide table. */
async function analysisSections(report: AnalysisReport, t: T, options: RenderOptions): Promise<DocSection[]> {
  const charts = analysisCharts(report);
  const chartOf = async (id: Chart['id']) => {
    const chart = charts.find((c) => c.id === id);
    return chart === undefined ? [] : chartParagraphs(chart, t, options);
  };
  const wide = analysisTexts(report);
  const widths = fitColumnWidths(
    ANALYSIS_HEADINGS,
    wide.map((row) => row.map(t)),
    TEXT_WIDTH.landscape,
  );
  const portrait: (Paragraph | Table)[] = [
    heading(report.title, t, 1),
    ...(report.oitItem === undefined ? [] : text(oitCitationText(report.oitItem), t)),
    ...(report.frameworkNotice === undefined ? [] : text(report.frameworkNotice, t)),
    ...text(report.intro, t),
    heading(`ผลการประเมิน ITA ปีงบประมาณ พ.ศ. ${report.fiscalYear} ของ${report.agency.name}`, t),
    ...bullets(overallLines(report.overall), t),
    heading('ผลการประเมินรายเครื่องมือ', t),
    textTable(INSTRUMENT_HEADINGS, report.instruments.map(instrumentCells), t),
    ...(await chartOf('year-on-year')),
    heading('ผลการประเมินรายตัวชี้วัด', t),
    textTable(
      INDICATOR_HEADINGS,
      report.indicators.map((l) => [String(l.id), l.name, score(l.score), change(l.change)]),
      t,
    ),
    ...(await chartOf('against-threshold')),
    heading(report.keepsStandard ? 'หน่วยงานรักษามาตรฐานผลการประเมิน' : 'สรุปผลการประเมิน', t),
    ...text(report.summary, t),
    heading('เกณฑ์ระดับผลการประเมิน', t, 3),
    ...bullets(report.levelCriteria, t),
    ...(['IIT', 'EIT', 'OIT'] as const).flatMap((k) => [
      heading(`ข้อเสนอแนะสำหรับแบบวัด ${k}`, t, 3),
      ...text(report.recommendations[k], t),
    ]),
  ];
  const landscape: (Paragraph | Table)[] = [
    heading(`การวิเคราะห์ผลการประเมินเพื่อกำหนดมาตรการ ประจำปีงบประมาณ พ.ศ. ${report.measuresYear}`, t),
    tableOf(ANALYSIS_HEADINGS, analysisRows(report, t, widths), t, widths),
  ];
  return [
    { children: portrait, orientation: 'portrait' },
    { children: landscape, orientation: 'landscape' },
  ];
}

function measuresChildren(report: MeasureResultsReport, t: T): (Paragraph | Table)[] {
  const texts = report.groups.flatMap((group) =>
    group.rows.map((row) => [
      row.title,
      [row.done, `สถานะ: ${row.statusLabel}`, ...row.evidenceUrls].join('\n'),
      `${row.owner}\n${row.periodText}`,
      row.outcome,
    ]),
  );
  const widths = fitColumnWidths(
    MEASURE_RESULT_HEADINGS,
    texts.map((row) => row.map(t)),
    TEXT_WIDTH.portrait,
  );
  const w = (col: number) => ({ width: widths[col] });
  return [
    heading(report.title, t, 1),
    ...(report.oitItem === undefined ? [] : text(oitCitationText(report.oitItem), t)),
    ...(report.frameworkNotice === undefined ? [] : text(report.frameworkNotice, t)),
    ...text(report.intro, t),
    ...report.groups.flatMap((group) => {
      const rows = group.rows.map(
        (row) =>
          new TableRow({
            cantSplit: true,
            children: [
              cellOf(row.title, t, w(0)),
              // Evidence links stay as written: digits in a URL must not turn Thai.
              cellOf(
                [
                  ...text(row.done, t),
                  ...text(`สถานะ: ${row.statusLabel}`, t),
                  ...row.evidenceUrls.map((url) => new Paragraph({ children: [new TextRun(url)] })),
                ],
                t,
                w(1),
              ),
              cellOf(`${row.owner}\n${row.periodText}`, t, w(2)),
              cellOf(row.outcome, t, w(3)),
            ],
          }),
      );
      const empty = rows.length > 0 ? rows : [plainRow(['ไม่มีมาตรการในแบบวัดนี้', '', '', ''], t, widths)];
      return [heading(group.name, t), tableOf(MEASURE_RESULT_HEADINGS, empty, t, widths)];
    }),
  ];
}

/** The report as the bytes of a .docx file: A4 portrait, the analysis table in a landscape section of its own. */
export async function renderReportDocx(
  report: Report,
  options: RenderOptions = {},
): Promise<Uint8Array<ArrayBuffer>> {
  const t = digitsOf(options);
  const sections =
    report.kind === 'analysis'
      ? await analysisSections(report, t, options)
      : [{ children: measuresChildren(report, t), orientation: 'portrait' as const }];
  return packSections(report.title, sections);
}

/** One section of a document: its content and the way its pages stand. */
export interface DocSection {
  children: (Paragraph | Table)[];
  orientation: 'portrait' | 'landscape';
}

/** Paragraphs and tables as .docx bytes in one A4 section (shared with the complaint documents). */
export async function packDocx(
  title: string,
  children: (Paragraph | Table)[],
  orientation: 'portrait' | 'landscape' = 'portrait',
): Promise<Uint8Array<ArrayBuffer>> {
  return packSections(title, [{ children, orientation }]);
}

const headingStyle = (size: number) => ({
  run: { font: fonts, size, sizeComplexScript: size, bold: true, boldComplexScript: true, color: '000000' },
  paragraph: { spacing: { before: 240, after: 120 }, keepNext: true, keepLines: true },
});

/** Sections as .docx bytes: TH Sarabun New 16 pt, black bold headings (18 pt title, 16 pt sections). */
export async function packSections(
  title: string,
  sections: readonly DocSection[],
): Promise<Uint8Array<ArrayBuffer>> {
  const doc = new Document({
    creator: 'ita-line',
    title,
    styles: {
      default: {
        document: { run: { font: fonts, size: SIZE, sizeComplexScript: SIZE } },
        title: headingStyle(TITLE_SIZE),
        heading1: headingStyle(TITLE_SIZE),
        heading2: headingStyle(SIZE),
        heading3: headingStyle(SIZE),
      },
    },
    sections: sections.map(
      (section): ISectionOptions => ({
        properties: {
          page: {
            size: {
              width: A4.width,
              height: A4.height,
              orientation:
                section.orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            margin: { ...MARGINS },
          },
        },
        children: section.children,
      }),
    ),
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
