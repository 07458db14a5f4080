// The reports as one printable A4 HTML page: Sarabun, Buddhist-era dates, Thai or Arabic digits by choice.

import { oitCitationText } from '../../../core/reports/citation.ts';
import type { AnalysisReport, MeasureResultsReport, Report } from '../../../core/reports/index.ts';
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

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => escapes[c] ?? c);

// Without embedded fonts: Sarabun from the machine when installed (Thai government PCs have TH Sarabun New);
// the fallbacks keep Thai readable elsewhere.
const LOCAL_FONT_FACE =
  "@font-face{font-family:'Sarabun';src:local('Sarabun'),local('Sarabun-Regular'),local('TH Sarabun New'),local('THSarabunNew')}";

// Print: A4 with a Thai official document's margins, the wide analysis table on landscape pages, table rows never
// split across pages (their text is never cut), headings kept with what follows, headings repeated on each page.
const STYLE = `
body{font-family:'Sarabun','TH Sarabun New',Tahoma,sans-serif;font-size:15px;line-height:1.6;color:#111;max-width:60rem;margin:1.5rem auto;padding:0 1rem}
h1{font-size:1.3rem;text-align:center;line-height:1.5}h2{font-size:1.1rem;margin-top:1.5rem}h3{font-size:1rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}th,td{border:1px solid #555;padding:.25rem .4rem;vertical-align:top;text-align:left}
th{background:#eef2f6}td.num{text-align:right;white-space:nowrap}.weak{color:#b42318;font-weight:600}
ul.steps{margin:0;padding-left:1.1rem}.analysis td,.analysis th{font-size:13px}
figure.chart{margin:.5rem 0 1rem}figure.chart figcaption{font-weight:700;margin-bottom:.25rem}figure.chart svg{max-width:100%;height:auto;display:block}
@page{size:A4;margin:2.5cm 2cm 2cm 3cm}@page wide{size:A4 landscape;margin:2cm 2cm 2cm 3cm}
@media print{body{margin:0;max-width:none;padding:0;font-size:16pt}h1{font-size:18pt}h2,h3{font-size:16pt}h1,h2,h3{color:#000;break-after:avoid;page-break-after:avoid;break-inside:avoid}
table.analysis,h2.wide{page:wide}thead{display:table-header-group}tr,td,th,figure.chart,li{break-inside:avoid;page-break-inside:avoid}p{orphans:3;widows:3}a{color:inherit}th{background:none}}`;

type T = (text: string) => string;

function table(headings: readonly string[], rows: readonly string[], t: T, className = ''): string {
  const head = headings.map((h) => `<th>${escapeHtml(t(h))}</th>`).join('');
  return `<table${className ? ` class="${className}"` : ''}><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

const cell = (text: string, t: T, cls = ''): string =>
  `<td${cls ? ` class="${cls}"` : ''}>${escapeHtml(t(text))}</td>`;
const para = (text: string, t: T): string => `<p>${escapeHtml(t(text)).replace(/\n/g, '<br>')}</p>`;
const steps = (list: readonly string[], t: T): string =>
  `<ul class="steps">${list.map((s) => `<li>${escapeHtml(t(s))}</li>`).join('')}</ul>`;

function analysisRows(report: AnalysisReport, t: T): string[] {
  return report.topics.flatMap((topic) => {
    const measures = topic.measures.length > 0 ? topic.measures : [undefined];
    const span = measures.length > 1 ? ` rowspan="${measures.length}"` : '';
    const items = [
      ...topic.weakParts.map((part) => `<div class="weak">${escapeHtml(t(part))}</div>`),
      ...topic.items.map(
        (item) => `<div${item.weak ? ' class="weak"' : ''}>${escapeHtml(t(itemText(item)))}</div>`,
      ),
    ].join('');
    return measures.map((m, i) => {
      const lead =
        i === 0
          ? `<td${span}>${escapeHtml(t(`${topic.id}. ${topic.title}`))}</td><td${span}>${items}</td><td${span}>${escapeHtml(t(topic.findings))}</td>`
          : '';
      const rest =
        m === undefined
          ? '<td></td><td></td><td></td><td></td>'
          : `${cell(m.title, t)}<td>${steps(m.steps, t)}</td>${cell(m.owner, t)}${cell(m.periodText, t)}`;
      return `<tr>${lead}${rest}</tr>`;
    });
  });
}

/** The chart as an inline SVG under its caption (the SVG's text is real text: it prints sharp and can be read). */
function figure(chart: Chart | undefined, t: T): string[] {
  if (chart === undefined) return [];
  return [
    `<figure class="chart" id="chart-${chart.id}"><figcaption>${escapeHtml(t(chart.title))}</figcaption>${chartSvg(chart, t)}</figure>`,
  ];
}

function analysisBody(report: AnalysisReport, t: T): string {
  const charts = analysisCharts(report);
  const chartOf = (id: Chart['id']) =>
    figure(
      charts.find((c) => c.id === id),
      t,
    );
  const instruments = report.instruments.map(
    (line) =>
      `<tr>${instrumentCells(line)
        .map((c, i) => cell(c, t, i > 0 ? 'num' : ''))
        .join('')}</tr>`,
  );
  const indicators = report.indicators.map(
    (line) =>
      `<tr>${cell(String(line.id), t, 'num')}${cell(line.name, t)}${cell(score(line.score), t, line.score !== undefined && line.score < report.weakThreshold ? 'num weak' : 'num')}${cell(change(line.change), t, 'num')}</tr>`,
  );
  const recommendations = (['IIT', 'EIT', 'OIT'] as const).map(
    (k) => `<h3>${escapeHtml(t(`ข้อเสนอแนะสำหรับแบบวัด ${k}`))}</h3>${para(report.recommendations[k], t)}`,
  );
  return [
    ...opening(report, t),
    `<h2>${escapeHtml(t(`ผลการประเมิน ITA ปีงบประมาณ พ.ศ. ${report.fiscalYear} ของ${report.agency.name}`))}</h2>`,
    `<ul>${overallLines(report.overall)
      .map((l) => `<li>${escapeHtml(t(l))}</li>`)
      .join('')}</ul>`,
    `<h2>${escapeHtml(t('ผลการประเมินรายเครื่องมือ'))}</h2>`,
    table(INSTRUMENT_HEADINGS, instruments, t),
    ...chartOf('year-on-year'),
    `<h2>${escapeHtml(t('ผลการประเมินรายตัวชี้วัด'))}</h2>`,
    table(INDICATOR_HEADINGS, indicators, t),
    ...chartOf('against-threshold'),
    `<h2>${escapeHtml(t(report.keepsStandard ? 'หน่วยงานรักษามาตรฐานผลการประเมิน' : 'สรุปผลการประเมิน'))}</h2>`,
    para(report.summary, t),
    `<h3>${escapeHtml(t('เกณฑ์ระดับผลการประเมิน'))}</h3>`,
    `<ul>${report.levelCriteria.map((l) => `<li>${escapeHtml(t(l))}</li>`).join('')}</ul>`,
    ...recommendations,
    `<h2 class="wide">${escapeHtml(t(`การวิเคราะห์ผลการประเมินเพื่อกำหนดมาตรการ ประจำปีงบประมาณ พ.ศ. ${report.measuresYear}`))}</h2>`,
    table(ANALYSIS_HEADINGS, analysisRows(report, t), t, 'analysis'),
  ].join('\n');
}

/** What both reports open with: the title, the OIT item cited, the framework notice and the introduction. */
function opening(report: AnalysisReport | MeasureResultsReport, t: T): string[] {
  return [
    `<h1>${escapeHtml(t(report.title))}</h1>`,
    ...(report.oitItem === undefined ? [] : [para(oitCitationText(report.oitItem), t)]),
    ...(report.frameworkNotice === undefined
      ? []
      : [`<p class="notice">${escapeHtml(t(report.frameworkNotice))}</p>`]),
    para(report.intro, t),
  ];
}

function measuresBody(report: MeasureResultsReport, t: T): string {
  const groups = report.groups.map((group) => {
    const rows = group.rows.map((row) => {
      const links = row.evidenceUrls
        .map((url) => `<div><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></div>`)
        .join('');
      return `<tr>${cell(row.title, t)}<td>${para(row.done, t)}<div>${escapeHtml(t(`สถานะ: ${row.statusLabel}`))}</div>${links}</td><td>${escapeHtml(t(row.owner))}<br>${escapeHtml(t(row.periodText))}</td>${cell(row.outcome, t)}</tr>`;
    });
    const empty = `<tr><td colspan="4">${escapeHtml(t('ไม่มีมาตรการในแบบวัดนี้'))}</td></tr>`;
    return `<h2>${escapeHtml(t(group.name))}</h2>${table(MEASURE_RESULT_HEADINGS, rows.length > 0 ? rows : [empty], t)}`;
  });
  return [...opening(report, t), ...groups].join('\n');
}

/** The whole page, self-contained: opens from a file, prints on A4. */
export function renderReportHtml(report: Report, options: RenderOptions = {}): string {
  const t = digitsOf(options);
  const body = report.kind === 'analysis' ? analysisBody(report, t) : measuresBody(report, t);
  return renderHtmlPage(t(report.title), body, options);
}

/** A titled body in the reports' page: Sarabun, A4 print style (shared with complaint-stats.ts). */
export function renderHtmlPage(title: string, body: string, options: RenderOptions = {}): string {
  return `<!doctype html>
<html lang="th"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${options.fontFaces ?? LOCAL_FONT_FACE}${STYLE}</style></head>
<body>
${body}
</body></html>
`;
}
