// The renderings hold the report's figures: a printable A4 HTML page and a .docx that opens (read back with a
// small zip reader) with the same figures, in Arabic or Thai digits.
import { afterEach, describe, expect, it } from 'vitest';
import { renderReportDocx } from '../../../../bot/features/reports/docx.ts';
import { draftAnalysis } from '../../../../bot/features/reports/drafts.ts';
import { escapeHtml, renderReportHtml } from '../../../../bot/features/reports/html.ts';
import { type AnalysisReport, applyAnalysisEdits } from '../../../../core/reports/index.ts';
import { docxText, readZip } from '../../../support/zip.ts';
import { closeAll, openDemoDb, PATHUM_THANI_OFFICE, TAK_PAO } from './support.ts';

afterEach(closeAll);

async function analysis(agencyId: string, year: number): Promise<AnalysisReport> {
  const report = await draftAnalysis(await openDemoDb(), agencyId, year);
  if (typeof report === 'string') throw new Error(report);
  return report;
}

async function docxOf(report: AnalysisReport, digits: 'thai' | 'arabic' = 'arabic') {
  const entries = readZip(await renderReportDocx(report, { digits }));
  const xml = entries.get('word/document.xml')?.toString('utf8') ?? '';
  return { entries, xml, text: docxText(xml) };
}

describe('renderReportHtml', () => {
  it('prints on A4 in Sarabun with the figures, weak items and measures', async () => {
    const report = await analysis(PATHUM_THANI_OFFICE, 2562);
    const html = renderReportHtml(report);
    expect(html).toContain('@page{size:A4');
    expect(html).toContain("font-family:'Sarabun'");
    expect(html).toContain('<html lang="th">');
    for (const figure of ['92.69', 'A (ผ่าน)', '78.94', 'e14 ', '(73.54)', 'มาตรการลดขั้นตอนในการให้บริการ']) {
      expect(html).toContain(escapeHtml(figure));
    }
    expect(html).toContain('<div class="weak">e6 ');
  });

  it('writes Thai digits when asked, numbers and years alike', async () => {
    const html = renderReportHtml(await analysis(TAK_PAO, 2567), { digits: 'thai' });
    expect(html).toContain('๙๙.๓๙');
    expect(html).toContain('พ.ศ. ๒๕๖๘');
    expect(html).not.toMatch(/ผลคะแนน 99/);
  });

  it('escapes staff text', async () => {
    const report = applyAnalysisEdits(await analysis(TAK_PAO, 2567), {
      summary: '<script>alert(1)</script>',
    });
    expect(renderReportHtml(report)).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('renderReportDocx', () => {
  it('makes a .docx that opens and holds the same figures as the report', async () => {
    const report = await analysis(PATHUM_THANI_OFFICE, 2562);
    const { entries, text } = await docxOf(report);
    expect(entries.has('[Content_Types].xml')).toBe(true);
    expect(text).toContain(report.title);
    expect(text).toContain('ผลคะแนน 92.69');
    for (const line of report.indicators) expect(text).toContain(line.name);
    for (const weak of ['e14 ', '(73.54)', '(75.70)', 'e6 ']) expect(text).toContain(weak);
    for (const measure of report.topics.flatMap((t) => t.measures)) expect(text).toContain(measure.title);
  });

  it('says Tak PAO keeps its standard, in Thai digits when asked, with TH Sarabun New for Thai', async () => {
    const report = await analysis(TAK_PAO, 2567);
    const { entries, text } = await docxOf(report, 'thai');
    expect(text).toContain('หน่วยงานรักษามาตรฐานผลการประเมิน');
    expect(text).toContain('ผลคะแนน ๙๙.๓๙');
    expect(text).toContain('ผ่านดีเยี่ยม');
    expect(entries.get('word/styles.xml')?.toString('utf8')).toContain('w:cs="TH Sarabun New"');
  });

  it('carries staff edits into the file', async () => {
    const report = applyAnalysisEdits(await analysis(TAK_PAO, 2567), { intro: 'บทนำที่แก้ไขโดยเจ้าหน้าที่' });
    expect((await docxOf(report)).text).toContain('บทนำที่แก้ไขโดยเจ้าหน้าที่');
  });
});
