// Reports drafted from the demo database match the seeds (golden), measures become next year's plan items,
// and the measure-results report reads their status, notes and evidence back.
import { afterEach, describe, expect, it } from 'vitest';
import {
  checkFrameworkFile,
  fileOfFramework,
  storeFramework,
} from '../../../../bot/features/frameworks/framework-file.ts';
import { renderReportDocx } from '../../../../bot/features/reports/docx.ts';
import { draftAnalysis, draftMeasureResults } from '../../../../bot/features/reports/drafts.ts';
import { renderReportHtml } from '../../../../bot/features/reports/html.ts';
import { addMeasuresToPlan } from '../../../../bot/features/reports/to-plan.ts';
import { frameworkFor } from '../../../../core/index.ts';
import { KEEP_STANDARD_FINDING } from '../../../../core/reports/index.ts';
import { setActivityStatus } from '../../../../db/queries/activity-status.ts';
import { listActivities } from '../../../../db/queries/plan-activities.ts';
import { replaceScores } from '../../../../db/queries/scores.ts';
import { docxText, readZip } from '../../../support/zip.ts';
import { closeAll, NOW, openDemoDb, PATHUM_THANI_OFFICE, publishedCase, TAK_PAO } from './support.ts';

afterEach(closeAll);

async function analysis(agencyId: string, year: number) {
  const report = await draftAnalysis(await openDemoDb(), agencyId, year);
  if (typeof report === 'string') throw new Error(report);
  return report;
}

describe('draftAnalysis', () => {
  it('gives Pathum Thani FY2562 the published figures and seed 001 weak items', async () => {
    const c = publishedCase('pathumthani-2562');
    const report = await analysis(PATHUM_THANI_OFFICE, 2562);
    expect(report.overall.score).toBeCloseTo(c.total, 2);
    expect(report.overall.level?.code).toBe(c.level);
    // Only the provincial office has FY2562 scores on record: "ลำดับที่ 1 จาก 1" says nothing and is left out.
    expect(report.overall.rankInProvince).toBeUndefined();
    for (const line of report.indicators) {
      expect(Math.abs((line.score ?? 0) - (c.indicators?.[String(line.id)] ?? -1))).toBeLessThanOrEqual(0.01);
    }
    const weak = report.topics.flatMap((t) => t.items.filter((i) => i.weak).map((i) => i.code));
    expect(weak.sort()).toEqual([...(c.weakItemsBelow85 ?? [])].sort());
    // Only weak items are listed under a topic: public property (i19–i24, lowest i20 88.87) has none.
    expect(report.topics.find((t) => t.id === 4)?.items).toEqual([]);
    expect(report.recommendations.EIT).toContain('ตัวชี้วัดที่ 8 การปรับปรุงการทำงาน (78.94)');
  });

  it('gives Tak PAO FY2567 the "keep the standard" report of seed 003: 99.40, ผ่านดีเยี่ยม, rank 1', async () => {
    const c = publishedCase('tak-pao-2567');
    const report = await analysis(TAK_PAO, 2567);
    expect(Math.abs((report.overall.score ?? 0) - c.total)).toBeLessThanOrEqual(0.01);
    expect(report.overall.level?.label).toBe('ผ่านดีเยี่ยม');
    // Tak PAO is the only agency of Tak on record: its rank comes only from an imported published rank.
    expect(report.overall.rankInProvince).toBeUndefined();
    expect(report.keepsStandard).toBe(true);
    expect(report.topics.every((t) => t.findings === KEEP_STANDARD_FINDING && t.measures.length === 1)).toBe(
      true,
    );
    expect(report.indicators.map((l) => l.score)).toEqual([
      97.78, 100, 100, 100, 100, 99.13, 99.1, 97.05, 100, 100,
    ]);
  });

  it("cites FY2568's O27 as unconfirmed until a confirmed FY2568 framework is imported", async () => {
    const db = await openDemoDb();
    const before = await draftAnalysis(db, TAK_PAO, 2567);
    if (typeof before === 'string') throw new Error(before);
    // FY2567's own framework is the NACC's: no notice of its own, but the item it cites is FY2568's.
    expect(before.frameworkNotice).toBeUndefined();
    expect(before.oitItem).toMatchObject({ code: 'O27', forYear: 2568 });
    const note = 'เลขข้อตามกรอบการประเมินปี 2568 ซึ่งยังไม่ยืนยัน';
    expect(renderReportHtml(before)).toContain(note);
    const beforeDocx = docxText(
      readZip(await renderReportDocx(before))
        .get('word/document.xml')
        ?.toString('utf8') ?? '',
    );
    expect(beforeDocx).toContain(note);

    const builtIn = frameworkFor(2568);
    if (builtIn === undefined) throw new Error('no FY2568 framework');
    // The NACC's manual as a coordinator enters it: the year and every item confirmed.
    const file = fileOfFramework(builtIn, 2568);
    const text = JSON.stringify({
      ...file,
      confirmed: true,
      source: 'คู่มือการประเมิน ITA ปี 2568',
      items: file.items.map((item) => ({ ...item, confirmed: true })),
    });
    const check = checkFrameworkFile(text);
    if (!check.ok) throw new Error(check.errors.join('; '));
    await storeFramework(db, text, check.framework, 'test', NOW);

    const after = await draftAnalysis(db, TAK_PAO, 2567);
    if (typeof after === 'string') throw new Error(after);
    expect(after.oitItem).toMatchObject({ code: 'O27', forYear: 2568 });
    expect(after.oitItem?.unconfirmedNote).toBeUndefined();
    expect(renderReportHtml(after)).not.toContain('ซึ่งยังไม่ยืนยัน');
    const afterDocx = docxText(
      readZip(await renderReportDocx(after))
        .get('word/document.xml')
        ?.toString('utf8') ?? '',
    );
    expect(afterDocx).toContain('ตัวชี้วัด OIT ข้อ O27');
    expect(afterDocx).not.toContain('ซึ่งยังไม่ยืนยัน');
  });

  it('gives the change from last year when the previous year is on record', async () => {
    const db = await openDemoDb();
    const report = await draftAnalysis(db, 'phatthalung-office', 2566);
    if (typeof report === 'string') throw new Error(report);
    expect(report.overall.previousFiscalYear).toBe(2565);
    expect(report.overall.change ?? 0).toBeCloseTo(0.53, 1);
  });

  it('says in Thai when the agency is unknown or has no scores for the year', async () => {
    const db = await openDemoDb();
    expect(await draftAnalysis(db, 'no-such-agency', 2567)).toBe('ไม่พบหน่วยงานรหัส "no-such-agency"');
    expect(await draftAnalysis(db, TAK_PAO, 2566)).toBe(
      'ยังไม่มีผลคะแนน ITA ขององค์การบริหารส่วนจังหวัดตาก ปีงบประมาณ 2566',
    );
    expect(await draftAnalysis(db, TAK_PAO, 2550)).toMatch(/^ไม่มีกรอบการประเมิน/);
  });
});

describe('addMeasuresToPlan', () => {
  it('adds each measure to the next year plan with owner and period, once', async () => {
    const db = await openDemoDb();
    const report = await draftAnalysis(db, TAK_PAO, 2567);
    if (typeof report === 'string') throw new Error(report);
    const first = await addMeasuresToPlan(db, report, NOW, 'test');
    if (typeof first === 'string') throw new Error(first);
    expect(first).toMatchObject({ year: 2568, skipped: 0 });
    expect(first.created).toHaveLength(7);
    const ethics = first.created.find((a) => a.titleTh === 'การขับเคลื่อนจริยธรรมของหน่วยงาน');
    expect(ethics).toMatchObject({
      kind: 'measure',
      responsible: 'agencies',
      agencyIds: [TAK_PAO],
      owner: 'งานการเจ้าหน้าที่ (วินัยและส่งเสริมคุณธรรม)',
      startsOn: '2024-10-01',
      dueOn: '2025-03-31',
    });
    const again = await addMeasuresToPlan(db, report, NOW, 'test');
    expect(again).toMatchObject({ created: [], skipped: 7 });
    expect((await listActivities(db, 'tak', 2568)).length).toBe(7);
  });
});

describe('draftMeasureResults', () => {
  it('reports what was done per instrument, with the score change once the year is scored', async () => {
    const db = await openDemoDb();
    const report = await draftAnalysis(db, TAK_PAO, 2567);
    if (typeof report === 'string') throw new Error(report);
    const planned = await addMeasuresToPlan(db, report, NOW, 'test');
    if (typeof planned === 'string') throw new Error(planned);
    const property = planned.created.find((a) => a.titleTh.startsWith('ควบคุมการใช้ทรัพย์สิน'));
    if (property === undefined) throw new Error('property measure missing');
    await setActivityStatus(
      db,
      {
        activityId: property.id,
        agencyId: TAK_PAO,
        status: 'done',
        by: 'test',
        note: 'สรุปผลการใช้ทรัพย์สินทุกไตรมาสแล้ว',
        evidenceUrl: 'https://tak.example/asset-report.pdf',
      },
      NOW,
    );
    const indicators = {
      '1': 97,
      '2': 100,
      '3': 100,
      '4': 98,
      '5': 100,
      '6': 99,
      '7': 99,
      '8': 97,
      '9': 100,
      '10': 100,
    };
    const rows = Object.entries(indicators).map(([code, score]) => ({
      level: 'indicator' as const,
      code,
      score,
    }));
    await replaceScores(db, { agencyId: TAK_PAO, year: 2568, source: 'cli', scores: rows }, NOW);

    const results = await draftMeasureResults(db, TAK_PAO, 2568);
    if (typeof results === 'string') throw new Error(results);
    expect(results.groups.map((g) => g.instrument)).toEqual(['IIT', 'EIT', 'OIT']);
    expect(results.groups.flatMap((g) => g.rows)).toHaveLength(7);
    const row = results.groups[0]?.rows.find((r) => r.activityId === property.id);
    expect(row).toMatchObject({
      status: 'done',
      done: 'สรุปผลการใช้ทรัพย์สินทุกไตรมาสแล้ว',
      evidenceUrls: ['https://tak.example/asset-report.pdf'],
    });
    expect(row?.outcome).toContain('ตัวชี้วัดที่ 4 การใช้ทรัพย์สินของราชการ ลดลง 2.00 คะแนน (100.00 → 98.00)');
    expect(results.resultKnown).toBe(true);
    // Published under FY2568's measures item, whose framework is from agencies' pages: said in one line.
    expect(results.oitItem).toMatchObject({ code: 'O27', forYear: 2568 });
    expect(results.frameworkNotice).toMatch(/^กรอบการประเมินปี 2568 ยังไม่ยืนยัน/);
    const html = renderReportHtml(results);
    expect(html).toContain('กรอบการประเมินปี 2568 ยังไม่ยืนยัน');
    expect(html).toContain('ตัวชี้วัด OIT ข้อ O27');
    const docx = docxText(
      readZip(await renderReportDocx(results))
        .get('word/document.xml')
        ?.toString('utf8') ?? '',
    );
    expect(docx).toContain('กรอบการประเมินปี 2568 ยังไม่ยืนยัน');
  });

  it('says in Thai when the year has no measures from a report', async () => {
    const db = await openDemoDb();
    expect(await draftMeasureResults(db, TAK_PAO, 2568)).toMatch(/^ยังไม่มีมาตรการขององค์การบริหารส่วนจังหวัดตาก/);
    expect(await draftMeasureResults(db, 'nobody', 2568)).toBe('ไม่พบหน่วยงานรหัส "nobody"');
  });
});
