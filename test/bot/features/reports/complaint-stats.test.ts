// The complaint statistics as the reports' A4 page and as a .docx that opens, both with the model's figures and
// its suppression marks ("<3", "x") exactly as given.
import { describe, expect, it } from 'vitest';
import {
  renderComplaintStatsHtml,
  type StatsDocument,
} from '../../../../bot/features/reports/complaint-stats.ts';
import { renderComplaintStatsDocx } from '../../../../bot/features/reports/complaint-stats-docx.ts';
import {
  type ComplaintStats,
  complaintStats,
  type StatsComplaint,
} from '../../../../core/complaints/stats.ts';
import { bangkokTime } from '../../../../core/index.ts';
import { SLA } from '../../../core/reminders/helpers.ts';
import { docxText, readZip } from '../../../support/zip.ts';

const filed = (type: string, agencyId: string, day: number): StatsComplaint => ({
  type,
  status: 'received',
  agencyId,
  createdAt: bangkokTime(2024, 4, day, 10).toISOString(),
  acknowledgedAt: null,
  repliedAt: null,
  closedAt: null,
  reopenedCount: 0,
});

function statsOf(): ComplaintStats {
  const complaints = [
    ...[1, 2, 3, 4, 5].map((d) => filed('service', 'ag-a', d)),
    filed('corruption', 'ag-b', 9),
  ];
  return complaintStats({
    complaints,
    fiscalYear: 2567,
    period: 'year',
    now: bangkokTime(2024, 4, 10, 12),
    sla: SLA,
  });
}

const doc = (): StatsDocument => ({
  scopeName: 'จังหวัดทดสอบ',
  stats: statsOf(),
  agencyNames: new Map([
    ['ag-a', 'เทศบาลทดสอบ'],
    ['ag-b', 'อบต.ทดสอบ'],
  ]),
});

const cellOf = (html: string, label: string) =>
  new RegExp(`<td>${label}</td><td class="num">([^<]*)</td>`).exec(html)?.[1];

describe('renderComplaintStatsHtml', () => {
  it('prints the figures on A4 in Sarabun with the suppressed cells as the model gives them', () => {
    const d = doc();
    expect(d.stats.total).toBe(6);
    expect(d.stats.byType.find((r) => r.key === 'corruption')?.count).toBe('<3');
    const html = renderComplaintStatsHtml(d);
    expect(html).toContain('@page{size:A4');
    expect(html).toContain("font-family:'Sarabun'");
    expect(html).toContain('<h1>สถิติเรื่องร้องเรียน จังหวัดทดสอบ ปีงบประมาณ พ.ศ. 2567 ทั้งปี');
    expect(cellOf(html, 'จำนวนเรื่องทั้งหมด')).toBe('6');
    expect(cellOf(html, 'ทุจริต/ประพฤติมิชอบ')).toBe('&lt;3');
    expect(cellOf(html, 'การให้บริการ')).toBe('x');
    expect(cellOf(html, 'อบต.ทดสอบ')).toBe('&lt;3');
    expect(cellOf(html, 'เม.ย. 2567')).toBe('6');
  });

  it('writes Thai digits when asked', () => {
    const html = renderComplaintStatsHtml(doc(), { digits: 'thai' });
    expect(cellOf(html, 'จำนวนเรื่องทั้งหมด')).toBe('๖');
    expect(cellOf(html, 'ทุจริต/ประพฤติมิชอบ')).toBe('&lt;๓');
    expect(html).toContain('พ.ศ. ๒๕๖๗');
  });
});

describe('renderComplaintStatsDocx', () => {
  it('opens as a .docx in TH Sarabun New holding the same figures', async () => {
    const entries = readZip(await renderComplaintStatsDocx(doc()));
    const xml = entries.get('word/document.xml')?.toString('utf8') ?? '';
    const text = docxText(xml).split('\n');
    expect(text[0]).toMatch(/^สถิติเรื่องร้องเรียน จังหวัดทดสอบ ปีงบประมาณ พ.ศ\. 2567 ทั้งปี/);
    const valueAfter = (label: string) => text[text.indexOf(label) + 1];
    expect(valueAfter('จำนวนเรื่องทั้งหมด')).toBe('6');
    expect(valueAfter('ทุจริต/ประพฤติมิชอบ')).toBe('<3');
    expect(valueAfter('การให้บริการ')).toBe('x');
    expect(entries.get('word/styles.xml')?.toString('utf8')).toContain('TH Sarabun New');
  });
});
