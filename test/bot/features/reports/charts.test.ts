// The analysis report's charts (instruments and indicators against 85; this year against last, as seed 002 compares
// FY2565 with FY2566) in the HTML page as SVG and in Word as a picture, and the Word layout an assessor expects.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { rasterizeChart } from '../../../../bot/features/reports/chart-raster.ts';
import {
  analysisCharts,
  CHART_COLOURS,
  type Chart,
  chartSvg,
} from '../../../../bot/features/reports/charts.ts';
import {
  fitColumnWidths,
  MARGINS,
  renderReportDocx,
  TEXT_WIDTH,
} from '../../../../bot/features/reports/docx.ts';
import { draftAnalysis } from '../../../../bot/features/reports/drafts.ts';
import { renderReportHtml } from '../../../../bot/features/reports/html.ts';
import { renderChartPng } from '../../../../bot/tools/charts/png.ts';
import type { AnalysisReport } from '../../../../core/reports/index.ts';
import { readZip } from '../../../support/zip.ts';
import { closeAll, openDemoDb, TAK_PAO } from './support.ts';

afterEach(closeAll);

const PHATTHALUNG = 'phatthalung-office';

function chartAt(report: AnalysisReport, n: number): Chart {
  const chart = analysisCharts(report)[n];
  if (chart === undefined) throw new Error(`no chart ${n}`);
  return chart;
}

async function analysis(agencyId: string, year: number): Promise<AnalysisReport> {
  const report = await draftAnalysis(await openDemoDb(), agencyId, year);
  if (typeof report === 'string') throw new Error(report);
  return report;
}

/** A PNG's width, height and RGB pixels (8-bit RGB or RGBA, no interlace, filters undone). */
function decodePng(bytes: Uint8Array): {
  width: number;
  height: number;
  pixel: (x: number, y: number) => string;
} {
  const buf = Buffer.from(bytes);
  expect(buf.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let at = 8;
  let width = 0;
  let height = 0;
  let channels = 3;
  const idat: Buffer[] = [];
  while (at < buf.length) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    const data = buf.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      channels = data[9] === 6 ? 4 : 3;
    }
    if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x] ?? 0;
      const left = x >= channels ? (out[y * stride + x - channels] ?? 0) : 0;
      const up = y > 0 ? (out[(y - 1) * stride + x] ?? 0) : 0;
      const upLeft = x >= channels && y > 0 ? (out[(y - 1) * stride + x - channels] ?? 0) : 0;
      const paeth = () => {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      };
      const predictor = [0, left, up, (left + up) >> 1, paeth()][filter ?? 0] ?? 0;
      out[y * stride + x] = (value + predictor) & 255;
    }
  }
  const hex = (n: number) => n.toString(16).padStart(2, '0');
  return {
    width,
    height,
    pixel: (x, y) => {
      const i = y * stride + x * channels;
      return `#${hex(out[i] ?? 0)}${hex(out[i + 1] ?? 0)}${hex(out[i + 2] ?? 0)}`;
    },
  };
}

describe('the analysis charts', () => {
  it('draws Phatthalung FY2566 against 85: EIT (84.60) red, and FY2565 beside FY2566 per instrument', async () => {
    const report = await analysis(PHATTHALUNG, 2566);
    const charts = analysisCharts(report);
    expect(charts.map((c) => c.id)).toEqual(['against-threshold', 'year-on-year']);
    const svg = chartSvg(chartAt(report, 0));
    // The EIT bar is red and labelled with its figure; IIT and OIT bars are not red.
    const eitRow = svg.indexOf('>EIT</text>');
    expect(eitRow).toBeGreaterThan(0);
    expect(svg.slice(eitRow, eitRow + 200)).toContain(`fill="${CHART_COLOURS.weak}"`);
    expect(svg.slice(eitRow, eitRow + 300)).toContain('>84.60</text>');
    const iitRow = svg.indexOf('>IIT</text>');
    expect(svg.slice(iitRow, iitRow + 200)).toContain(`fill="${CHART_COLOURS.ok}"`);
    expect(svg).toContain('เกณฑ์ 85');
    const yearSvg = chartSvg(chartAt(report, 1));
    expect(yearSvg).toContain('ปี พ.ศ. 2565');
    expect(yearSvg).toContain('ปี พ.ศ. 2566');
    expect(yearSvg).toContain('>คะแนนรวม</text>');
  });

  it('has no year-on-year chart when last year is not on record', async () => {
    const report = await analysis(TAK_PAO, 2567);
    expect(analysisCharts(report).map((c) => c.id)).toEqual(['against-threshold']);
  });

  it('prints the charts as SVG in the HTML page, beside their tables, in Thai digits when asked', async () => {
    const report = await analysis(PHATTHALUNG, 2566);
    const html = renderReportHtml(report, { digits: 'thai' });
    const instruments = html.indexOf('ผลการประเมินรายเครื่องมือ');
    const yearChart = html.indexOf('<figure class="chart" id="chart-year-on-year">');
    const indicators = html.indexOf('ผลการประเมินรายตัวชี้วัด</h2>');
    const thresholdChart = html.indexOf('<figure class="chart" id="chart-against-threshold">');
    expect(instruments).toBeGreaterThan(0);
    expect(yearChart).toBeGreaterThan(instruments);
    expect(indicators).toBeGreaterThan(yearChart);
    expect(thresholdChart).toBeGreaterThan(indicators);
    expect(html).toContain('>๘๔.๖๐</text>');
    expect(html).toContain('ปี พ.ศ. ๒๕๖๕');
    expect(html.match(/<svg /g)?.length).toBe(2);
  });

  it('rasterizes the bars without a native renderer: the EIT bar red, the others blue, on white', async () => {
    const report = await analysis(PHATTHALUNG, 2566);
    const chart = chartAt(report, 0);
    const png = decodePng(await rasterizeChart(chart));
    expect(png.width).toBe(chart.width * 2);
    const bars = chart.shapes.filter((s) => s.kind === 'rect');
    const colours = bars.map((bar) =>
      png.pixel(Math.round(bar.x * 2 + 4), Math.round((bar.y + bar.h / 2) * 2)),
    );
    expect(colours).toEqual(bars.map((bar) => bar.fill));
    expect(colours).toContain(CHART_COLOURS.weak);
    expect(png.pixel(2, 2)).toBe('#ffffff');
  });

  it('renders the chart with its Thai text through resvg on Node', async () => {
    const report = await analysis(PHATTHALUNG, 2566);
    const chart = chartAt(report, 1);
    const withText = await renderChartPng(
      chartSvg(chart, (s) => s, 'resvg'),
      chart,
    );
    const png = decodePng(withText);
    expect(png.width).toBe(chart.width * 2);
    // Text is drawn: some pixel left of the bars (where only labels are) is dark ink.
    let inked = 0;
    for (let y = 0; y < png.height; y += 2)
      for (let x = 40; x < 340; x += 2) if (png.pixel(x, y) < '#606060') inked++;
    expect(inked).toBeGreaterThan(50);
    writeFileSync(join(tmpdir(), 'ita-line-chart-year-on-year.png'), withText);
  });
});

describe('the analysis report in Word', () => {
  async function docx(report: AnalysisReport, withResvg = false) {
    const bytes = await renderReportDocx(report, withResvg ? { renderPng: renderChartPng } : {});
    const entries = readZip(bytes);
    return {
      entries,
      xml: entries.get('word/document.xml')?.toString('utf8') ?? '',
      styles: entries.get('word/styles.xml')?.toString('utf8') ?? '',
    };
  }

  it('holds each chart as an SVG picture with a PNG for Word versions without SVG', async () => {
    for (const withResvg of [false, true]) {
      const { entries, xml } = await docx(await analysis(PHATTHALUNG, 2566), withResvg);
      const media = [...entries.keys()].filter((name) => name.startsWith('word/media/'));
      const svgs = media.filter((name) => name.endsWith('.svg'));
      const pngs = media.filter((name) => name.endsWith('.png'));
      expect(svgs).toHaveLength(2);
      expect(pngs).toHaveLength(2);
      const svg = entries.get(svgs[0] ?? '')?.toString('utf8') ?? '';
      expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      for (const png of pngs) decodePng(entries.get(png) ?? new Uint8Array());
      expect(xml).toContain('svgBlip');
      expect(xml.match(/<pic:pic /g)?.length).toBe(2);
    }
  });

  it('is A4 portrait with the wide analysis table alone in a landscape section, at official margins', async () => {
    const { xml } = await docx(await analysis(PHATTHALUNG, 2566));
    const sizes = [...xml.matchAll(/<w:pgSz ([^>]*)\/>/g)].map((m) => m[1] ?? '');
    expect(sizes).toHaveLength(2);
    expect(sizes[0]).toMatch(/w:w="11906"/);
    expect(sizes[0]).toMatch(/w:h="16838"/);
    expect(sizes[0]).not.toMatch(/landscape/);
    expect(sizes[1]).toMatch(/w:w="16838"/);
    expect(sizes[1]).toMatch(/w:orient="landscape"/);
    const margins = [...xml.matchAll(/<w:pgMar ([^>]*)\/>/g)].map((m) => m[1] ?? '');
    for (const m of margins) {
      expect(m).toContain(`w:left="${MARGINS.left}"`);
      expect(m).toContain(`w:top="${MARGINS.top}"`);
    }
    // The landscape section begins at the analysis heading: the portrait one ends before it.
    const firstSection = xml.indexOf('<w:sectPr');
    expect(xml.indexOf('การวิเคราะห์ผลการประเมินเพื่อกำหนดมาตรการ')).toBeGreaterThan(firstSection);
    expect(xml.indexOf('ผลการประเมินรายตัวชี้วัด')).toBeLessThan(firstSection);
  });

  it('sets black bold headings of 16–18 pt and 16 pt body text in TH Sarabun New', async () => {
    const { styles, xml } = await docx(await analysis(PHATTHALUNG, 2566));
    for (const [id, size] of [
      ['Heading1', 36],
      ['Heading2', 32],
      ['Heading3', 32],
    ] as const) {
      const style = styles.slice(styles.indexOf(`w:styleId="${id}"`));
      const body = style.slice(0, style.indexOf('</w:style>'));
      expect(body).toContain('w:ascii="TH Sarabun New"');
      expect(body).toContain('w:cs="TH Sarabun New"');
      expect(body).toContain(`<w:sz w:val="${size}"/>`);
      expect(body).toContain(`<w:szCs w:val="${size}"/>`);
      expect(body).toContain('<w:color w:val="000000"/>');
      expect(body).toMatch(/<w:b\/>|<w:b w:val="true"\/>/);
      expect(body).toContain('<w:keepNext/>');
    }
    expect(styles).toMatch(/<w:docDefaults>[\s\S]*w:cs="TH Sarabun New"[\s\S]*<w:szCs w:val="32"\/>/);
    // Table rows never break across pages; heading rows repeat.
    const rows = xml.match(/<w:tr>|<w:tr /g)?.length ?? 0;
    expect(xml.match(/<w:cantSplit\/>/g)?.length).toBe(rows);
    expect(xml).toContain('<w:tblHeader/>');
  });

  it('fits column widths to the content and to the page', async () => {
    const { xml } = await docx(await analysis(PHATTHALUNG, 2566));
    const grids = [...xml.matchAll(/<w:tblGrid>([\s\S]*?)<\/w:tblGrid>/g)].map((m) =>
      [...(m[1] ?? '').matchAll(/w:w="(\d+)"/g)].map((w) => Number(w[1])),
    );
    expect(grids).toHaveLength(3);
    const [instruments, indicators, wide] = grids;
    expect(instruments?.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH.portrait);
    expect(wide?.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH.landscape);
    // The indicator's number column is narrow and its name wide.
    expect(indicators?.[0]).toBeLessThan((indicators?.[1] ?? 0) / 3);
    expect(xml).toContain('<w:tblLayout w:type="fixed"/>');
  });

  it('gives a long column more room than a figure column', () => {
    const widths = fitColumnWidths(['ข้อ', 'รายละเอียด', 'คะแนน'], [['1', 'ก'.repeat(50), '92.69']], 9000);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(9000);
    expect(widths[1]).toBeGreaterThan(4 * (widths[2] ?? 0));
  });
});

describe('the printed HTML page', () => {
  it('keeps rows whole, repeats table headings and keeps headings with what follows', async () => {
    const html = renderReportHtml(await analysis(PHATTHALUNG, 2566));
    const print = html.slice(html.indexOf('@media print'));
    expect(print).toMatch(/tr,td,th,figure\.chart,li\{break-inside:avoid;page-break-inside:avoid\}/);
    expect(print).toMatch(/h1,h2,h3\{color:#000;break-after:avoid/);
    expect(print).toContain('thead{display:table-header-group}');
    expect(html).toContain('@page wide{size:A4 landscape');
    expect(html).toContain('<h2 class="wide">');
  });
});
