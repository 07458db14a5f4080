// The OIT complaint statistics: corruption and misconduct only, exact counts (0, 1, 2 printed as such), the
// "none" sentence for 0, monthly rows with quarter and half-year sums, headed with the year's OIT item code.
import { describe, expect, it } from 'vitest';
import {
  complaintItemOf,
  type OitComplaintDocument,
  renderOitComplaintsCsv,
  renderOitComplaintsDocx,
  renderOitComplaintsHtml,
  renderOitComplaintsXlsx,
} from '../../../../bot/features/reports/oit-complaints.ts';
import { readXlsx } from '../../../../bot/features/scores/table.ts';
import { oitComplaintStats } from '../../../../core/complaints/oit-stats.ts';
import type { StatsComplaint } from '../../../../core/complaints/stats.ts';
import { bangkokTime, frameworkFor } from '../../../../core/index.ts';
import { docxText, readZip } from '../../../support/zip.ts';

const filed = (type: string, status: string, month: number, day: number, year = 2024): StatsComplaint => ({
  type,
  status,
  agencyId: 'ag',
  createdAt: bangkokTime(year, month, day, 10).toISOString(),
  acknowledgedAt: null,
  repliedAt: null,
  closedAt: null,
  reopenedCount: 0,
});

// Service complaints never count: the OIT item is about corruption and misconduct only.
const SERVICE = [1, 2, 3, 4, 5].map((d) => filed('service', 'closed', 1, d));

function docOf(corruption: StatsComplaint[], year = 2568): OitComplaintDocument {
  const item = complaintItemOf(frameworkFor(year));
  return {
    scopeName: 'เทศบาลทดสอบ',
    stats: oitComplaintStats([...SERVICE, ...corruption], year, 'h1'),
    ...(item === undefined ? {} : { item }),
  };
}

describe('OIT complaint statistics', () => {
  it('prints the "none" sentence and zeros when there was no corruption complaint', () => {
    const doc = docOf([]);
    expect(doc.stats.none).toBe(true);
    expect(doc.stats.total).toEqual({ total: 0, completed: 0, inProgress: 0 });
    const html = renderOitComplaintsHtml(doc);
    expect(html).toContain('ไม่มีเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ ในปีงบประมาณ พ.ศ. 2568');
    expect(html).toContain('<h1>O19 ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ');
    expect(renderOitComplaintsCsv(doc)).toContain('รวม 6 เดือนแรก,0,0,0');
  });

  it('prints 1 and 2 exactly — never "<3" — split into completed and in progress, by month and quarter', () => {
    const one = docOf([filed('corruption', 'in_progress', 11, 3)]);
    expect(one.stats.total).toEqual({ total: 1, completed: 0, inProgress: 1 });
    const csvOne = renderOitComplaintsCsv(one);
    expect(csvOne).toContain('พ.ย. 2567,1,0,1');
    expect(csvOne).not.toContain('<3');
    expect(csvOne).not.toContain('ไม่มีเรื่องร้องเรียน');

    // FY2568 runs Oct 2024 – Sep 2025: 3 Nov 2024 and 10 Feb 2025 (the second closed).
    const two = docOf([
      filed('corruption', 'in_progress', 11, 3),
      filed('corruption', 'closed', 2, 10, 2025),
    ]);
    expect(two.stats.total).toEqual({ total: 2, completed: 1, inProgress: 1 });
    const rows = Object.fromEntries(
      two.stats.rows.map((r) => [r.label, [r.total, r.completed, r.inProgress]]),
    );
    expect(rows['พ.ย. 2567']).toEqual([1, 0, 1]);
    expect(rows['ก.พ. 2568']).toEqual([1, 1, 0]);
    expect(rows['รวมไตรมาสที่ 1']).toEqual([1, 0, 1]);
    expect(rows['รวมไตรมาสที่ 2']).toEqual([1, 1, 0]);
    expect(rows['รวม 6 เดือนแรก']).toEqual([2, 1, 1]);
    expect(two.stats.rows.filter((r) => r.kind === 'month')).toHaveLength(6);
    expect(renderOitComplaintsHtml(two)).toContain('<td class="num">2</td>');
  });

  it('cites the item of the year: O24 in FY2567, O19 in FY2568', () => {
    expect(docOf([], 2567).item?.code).toBe('O24');
    expect(docOf([], 2568).item?.code).toBe('O19');
  });

  it('writes a .docx that opens and an .xlsx that reads back', async () => {
    const doc = docOf([filed('corruption', 'closed', 12, 1)]);
    const xml =
      readZip(await renderOitComplaintsDocx(doc))
        .get('word/document.xml')
        ?.toString('utf8') ?? '';
    const text = docxText(xml);
    expect(text).toContain('O19 ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ');
    expect(text).toContain('ดำเนินการแล้วเสร็จ');
    const sheet = readXlsx(renderOitComplaintsXlsx(doc));
    if (!sheet.ok) throw new Error(sheet.message);
    expect(sheet.table.rows.find((r) => r.cells[0] === 'ธ.ค. 2567')?.cells).toEqual([
      'ธ.ค. 2567',
      '1',
      '1',
      '0',
    ]);
  });
});
