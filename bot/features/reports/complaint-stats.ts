// Complaint statistics (issue 5 §4) as the OIT reports' printable A4 page, and the labelled lines that the CLI's
// table and CSV, this page and the .docx (complaint-stats-docx.ts) share. Suppressed cells stay as the model gives.
import { REPORT_PERIOD_LABELS, type ReportPeriod } from '../../../core/complaints/periods.ts';
import type { Cell, ComplaintStats, Durations } from '../../../core/complaints/stats.ts';
import { formatRepliedShare, monthLabelOf } from '../../../core/complaints/stats-labels.ts';
import { statusLabelOf, typeLabelOf } from '../../../core/complaints/status.ts';
import { digitsOf, type RenderOptions } from './format.ts';
import { escapeHtml, renderHtmlPage } from './html.ts';

/** One published figure: its section (total, type, status, agency, month, reply…), key, Thai label, value. */
export type StatsLine = [section: string, key: string, label: string, value: string];

/** What a rendering needs: the statistics, the scope's Thai name and the agencies' names. */
export interface StatsDocument {
  scopeName: string;
  stats: ComplaintStats;
  agencyNames: ReadonlyMap<string, string>;
}

const show = (cell: Cell) => String(cell);
const days = (d: Durations) =>
  d.medianDays === null
    ? 'ไม่แสดง (น้อยกว่าเกณฑ์)'
    : `มัธยฐาน ${d.medianDays} วัน, P90 ${d.p90Days} วัน (${show(d.count)} เรื่อง)`;

/** The statistics as labelled lines, in the order every output lists them. */
export function statsLinesOf(s: ComplaintStats, agencyNames: ReadonlyMap<string, string>): StatsLine[] {
  const share = formatRepliedShare(s.repliedInTimeShare);
  return [
    ['total', '', 'จำนวนเรื่องทั้งหมด', show(s.total)],
    ...s.byType.map((r): StatsLine => ['type', r.key, typeLabelOf(r.key), show(r.count)]),
    ...s.byStatus.map((r): StatsLine => ['status', r.key, statusLabelOf(r.key), show(r.count)]),
    ...s.byAgency.map(
      (r): StatsLine => [
        'agency',
        r.key ?? '',
        r.key === null ? 'ไม่ระบุหน่วยงาน' : (agencyNames.get(r.key) ?? r.key),
        show(r.count),
      ],
    ),
    ...s.byMonth.map((r): StatsLine => ['month', r.key, monthLabelOf(r.key), show(r.count)]),
    ['reply', 'due', 'เรื่องที่ถึงกำหนดตอบผู้ร้อง', show(s.replyDue)],
    ['reply', 'in_time', `ตอบผู้ร้องภายใน ${s.replyDays} วัน`, show(s.repliedInTime)],
    ['reply', 'share', `สัดส่วนที่ตอบภายใน ${s.replyDays} วัน`, share],
    ['acknowledge', 'days', 'ระยะเวลารับทราบเรื่อง', days(s.acknowledge)],
    ['close', 'days', 'ระยะเวลาปิดเรื่อง', days(s.close)],
    ['reopened', '', 'ผู้ร้องขอให้พิจารณาอีกครั้ง', show(s.reopened)],
    ['late', '', 'เกินกำหนดอย่างน้อยหนึ่งขั้นตอน', show(s.late)],
  ];
}

/** Headings of the breakdowns; the CLI's table also uses `reply`. */
export const STATS_SECTION_TITLES: Record<string, string> = {
  type: 'ตามประเภท',
  status: 'ตามสถานะปัจจุบัน',
  agency: 'ตามหน่วยงาน',
  month: 'ตามเดือนที่รับเรื่อง',
  reply: 'การตอบผู้ร้อง',
};

const BREAKDOWNS = ['type', 'status', 'agency', 'month'] as const;

/** The documents' tables: an overview (totals, replies, times), then one per breakdown. */
export function statsTablesOf(lines: readonly StatsLine[]): { title: string; rows: [string, string][] }[] {
  const rowsOf = (keep: (section: string) => boolean) =>
    lines.filter(([section]) => keep(section)).map(([, , label, value]): [string, string] => [label, value]);
  const breakdown = new Set<string>(BREAKDOWNS);
  return [
    { title: 'ภาพรวม', rows: rowsOf((s) => !breakdown.has(s)) },
    ...BREAKDOWNS.map((b) => ({ title: STATS_SECTION_TITLES[b] ?? b, rows: rowsOf((s) => s === b) })),
  ];
}

export const statsTitleOf = (d: StatsDocument): string =>
  `สถิติเรื่องร้องเรียน ${d.scopeName} ปีงบประมาณ พ.ศ. ${d.stats.fiscalYear} ${REPORT_PERIOD_LABELS[d.stats.period]}`;

/** Why some cells read "<3" or "x": said under the title of every output. */
export const suppressionNoteOf = (threshold: number): string =>
  `จำนวน 1–${threshold - 1} เรื่องแสดงเป็น "<${threshold}" และ "x" คือซ่อนเพิ่มเพื่อไม่ให้คำนวณย้อนได้ ไม่มีข้อมูลส่วนบุคคล`;

export const STATS_HEADINGS = ['รายการ', 'จำนวน (เรื่อง)'];

/** The file name of a download: ASCII, so every browser and Word keeps it. */
export function statsFileName(scopeId: string, year: number, period: ReportPeriod, ext: string): string {
  return `ita-complaints-${scopeId.replace(/[^A-Za-z0-9_-]/g, '')}-${year}-${period}.${ext}`;
}

/** The statistics as one printable A4 page, in the reports' style. */
export function renderComplaintStatsHtml(d: StatsDocument, options: RenderOptions = {}): string {
  const t = digitsOf(options);
  const e = (text: string) => escapeHtml(t(text));
  const head = STATS_HEADINGS.map((h) => `<th>${e(h)}</th>`).join('');
  const tables = statsTablesOf(statsLinesOf(d.stats, d.agencyNames)).map(({ title, rows }) => {
    const body = rows.map(
      ([label, value]) => `<tr><td>${e(label)}</td><td class="num">${e(value)}</td></tr>`,
    );
    return `<h2>${e(title)}</h2><table><thead><tr>${head}</tr></thead><tbody>${body.join('')}</tbody></table>`;
  });
  const body = [
    `<h1>${e(statsTitleOf(d))}</h1>`,
    `<p>${e(suppressionNoteOf(d.stats.threshold))}</p>`,
    ...tables,
  ].join('\n');
  return renderHtmlPage(t(statsTitleOf(d)), body, options);
}
