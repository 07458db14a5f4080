// The analysis report's two charts as shapes: the instruments and indicators against the weak line (85), and
// this year against last per instrument (seed 002 compares FY2565 with FY2566 this way). One drawing serves the
// HTML page (inline SVG), the mini-app's report page, Word (the same SVG, with a PNG for Word versions that cannot
// show SVG) and the PNG. Pure: no I/O, so core, the server and the mini-app share it.

import { formatScore } from '../round.ts';
import type { AnalysisReport } from './types.ts';

export type Shape =
  | { kind: 'rect'; x: number; y: number; w: number; h: number; fill: string }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; stroke: string; dash?: boolean }
  | {
      kind: 'text';
      x: number;
      y: number;
      text: string;
      size: number;
      fill: string;
      anchor?: 'start' | 'middle' | 'end';
      bold?: boolean;
    };

export interface Chart {
  id: 'against-threshold' | 'year-on-year';
  /** The caption printed above the picture (also its description for screen readers). */
  title: string;
  width: number;
  height: number;
  shapes: Shape[];
}

/** Dark enough to print in grey scale and to pass WCAG AA contrast on white. */
export const CHART_COLOURS = {
  ok: '#1d4f91',
  weak: '#b42318',
  previous: '#8a94a3',
  ink: '#111111',
  grid: '#c7ccd3',
  threshold: '#b42318',
} as const;

export const CHART_FONT = "'TH Sarabun New','Sarabun',sans-serif";

const WIDTH = 640;
const LABEL_RIGHT = 170;
const PLOT_LEFT = 180;
const PLOT_RIGHT = 580;
const ROW = 24;
const BAR = 14;
const TOP = 34;
const TEXT = 15;

const xOf = (value: number): number =>
  PLOT_LEFT + ((PLOT_RIGHT - PLOT_LEFT) * Math.max(0, Math.min(100, value))) / 100;

/** The 0–100 scale: ticks every 20, and the weak line at the threshold, dashed and labelled. */
function axis(top: number, bottom: number, threshold: number): Shape[] {
  const shapes: Shape[] = [];
  for (let tick = 0; tick <= 100; tick += 20) {
    const x = xOf(tick);
    shapes.push({ kind: 'line', x1: x, y1: top, x2: x, y2: bottom, stroke: CHART_COLOURS.grid });
    shapes.push({
      kind: 'text',
      x,
      y: bottom + 16,
      text: String(tick),
      size: 12,
      fill: CHART_COLOURS.ink,
      anchor: 'middle',
    });
  }
  const x = xOf(threshold);
  shapes.push({
    kind: 'line',
    x1: x,
    y1: top - 6,
    x2: x,
    y2: bottom,
    stroke: CHART_COLOURS.threshold,
    dash: true,
  });
  shapes.push({
    kind: 'text',
    x,
    y: top - 9,
    text: `เกณฑ์ ${threshold}`,
    size: 12,
    fill: CHART_COLOURS.threshold,
    anchor: 'middle',
    bold: true,
  });
  return shapes;
}

function bar(y: number, value: number, fill: string, height = BAR): Shape[] {
  return [
    { kind: 'rect', x: PLOT_LEFT, y, w: Math.max(1, xOf(value) - PLOT_LEFT), h: height, fill },
    {
      kind: 'text',
      x: xOf(value) + 4,
      y: y + height - 2,
      text: formatScore(value),
      size: 12,
      fill: CHART_COLOURS.ink,
    },
  ];
}

const label = (y: number, text: string, bold = false): Shape => ({
  kind: 'text',
  x: LABEL_RIGHT,
  y,
  text,
  size: TEXT,
  fill: CHART_COLOURS.ink,
  anchor: 'end',
  bold,
});

/** Instruments, then indicators, each bar red below the threshold; undefined when nothing has a score. */
function againstThreshold(report: AnalysisReport): Chart | undefined {
  const rows = [
    ...report.instruments.flatMap((line) =>
      line.score === undefined ? [] : [{ label: line.instrument, value: line.score, bold: true }],
    ),
    ...report.indicators.flatMap((line) =>
      line.score === undefined ? [] : [{ label: `ตัวชี้วัดที่ ${line.id}`, value: line.score, bold: false }],
    ),
  ];
  if (rows.length === 0) return undefined;
  const bottom = TOP + rows.length * ROW + 4;
  const shapes: Shape[] = [...axis(TOP - 4, bottom, report.weakThreshold)];
  rows.forEach((row, n) => {
    const y = TOP + n * ROW + (ROW - BAR) / 2;
    const weak = row.value < report.weakThreshold;
    shapes.push(label(y + BAR - 1, row.label, row.bold));
    shapes.push(...bar(y, row.value, weak ? CHART_COLOURS.weak : CHART_COLOURS.ok));
  });
  return {
    id: 'against-threshold',
    title: `คะแนนรายเครื่องมือและรายตัวชี้วัด ปีงบประมาณ พ.ศ. ${report.fiscalYear} เทียบเกณฑ์ ${report.weakThreshold} คะแนน (แถบสีแดง: ต่ำกว่าเกณฑ์)`,
    width: WIDTH,
    height: bottom + 26,
    shapes,
  };
}

/** Each instrument and the total, last year's bar above this year's; undefined without last year's figures. */
function yearOnYear(report: AnalysisReport): Chart | undefined {
  const previousYear = report.overall.previousFiscalYear ?? report.fiscalYear - 1;
  const pairs = [
    ...report.instruments.flatMap((line) =>
      line.score === undefined || line.change === undefined
        ? []
        : [{ label: line.instrument, now: line.score, before: line.score - line.change }],
    ),
    ...(report.overall.score !== undefined && report.overall.previousScore !== undefined
      ? [{ label: 'คะแนนรวม', now: report.overall.score, before: report.overall.previousScore }]
      : []),
  ];
  if (pairs.length === 0) return undefined;
  const group = 2 * BAR + 14;
  const top = TOP + 18;
  const bottom = top + pairs.length * group;
  const shapes: Shape[] = [
    { kind: 'rect', x: PLOT_LEFT, y: 6, w: 14, h: 12, fill: CHART_COLOURS.previous },
    {
      kind: 'text',
      x: PLOT_LEFT + 20,
      y: 17,
      text: `ปี พ.ศ. ${previousYear}`,
      size: 13,
      fill: CHART_COLOURS.ink,
    },
    { kind: 'rect', x: PLOT_LEFT + 130, y: 6, w: 14, h: 12, fill: CHART_COLOURS.ok },
    {
      kind: 'text',
      x: PLOT_LEFT + 150,
      y: 17,
      text: `ปี พ.ศ. ${report.fiscalYear}`,
      size: 13,
      fill: CHART_COLOURS.ink,
    },
    ...axis(top - 4, bottom, report.weakThreshold),
  ];
  pairs.forEach((pair, n) => {
    const y = top + n * group + 4;
    shapes.push(label(y + BAR + 4, pair.label, true));
    shapes.push(...bar(y, pair.before, CHART_COLOURS.previous));
    shapes.push(...bar(y + BAR + 1, pair.now, CHART_COLOURS.ok));
  });
  return {
    id: 'year-on-year',
    title: `เปรียบเทียบผลการประเมินปีงบประมาณ พ.ศ. ${previousYear} กับ พ.ศ. ${report.fiscalYear} รายเครื่องมือ`,
    width: WIDTH,
    height: bottom + 26,
    shapes,
  };
}

/** The charts the report has data for, in the order they are printed. */
export function analysisCharts(report: AnalysisReport): Chart[] {
  return [againstThreshold(report), yearOnYear(report)].filter((c): c is Chart => c !== undefined);
}

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const xml = (text: string): string => text.replace(/[&<>"']/g, (c) => escapes[c] ?? c);
const num = (n: number): string => String(Math.round(n * 10) / 10);

/**
 * The chart as a standalone SVG document. `t` turns digits Thai when the document uses Thai digits.
 * `renderer` 'resvg' splits SARA AM as HarfBuzz does (resvg's shaper leaves it whole and it overlaps).
 */
export function chartSvg(chart: Chart, t: (text: string) => string = (s) => s, renderer?: 'resvg'): string {
  const text = (value: string) => {
    const shown = t(value);
    return renderer === 'resvg' ? shown.replace(/([\u0E48-\u0E4B]?)\u0E33/g, '\u0E4D$1\u0E32') : shown;
  };
  const body = chart.shapes
    .map((s) => {
      if (s.kind === 'rect')
        return `<rect x="${num(s.x)}" y="${num(s.y)}" width="${num(s.w)}" height="${num(s.h)}" fill="${s.fill}"/>`;
      if (s.kind === 'line')
        return `<line x1="${num(s.x1)}" y1="${num(s.y1)}" x2="${num(s.x2)}" y2="${num(s.y2)}" stroke="${s.stroke}" stroke-width="${s.dash ? 2 : 1}"${s.dash ? ' stroke-dasharray="5 3"' : ''}/>`;
      return `<text x="${num(s.x)}" y="${num(s.y)}" font-size="${s.size}" fill="${s.fill}"${s.anchor && s.anchor !== 'start' ? ` text-anchor="${s.anchor}"` : ''}${s.bold ? ' font-weight="700"' : ''}>${xml(text(s.text))}</text>`;
    })
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${chart.width}" height="${chart.height}" viewBox="0 0 ${chart.width} ${chart.height}" role="img" aria-label="${xml(t(chart.title))}" font-family="${xml(CHART_FONT)}">` +
    `<title>${xml(t(chart.title))}</title><rect width="${chart.width}" height="${chart.height}" fill="#ffffff"/>${body}</svg>`
  );
}
