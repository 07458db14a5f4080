// `ita framework`: FY2570 views say the framework is unconfirmed; a file imported for FY2570 is used at once.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFrameworkFile, fileOfFramework } from '../../../../bot/features/frameworks/framework-file.ts';
import { draftAnalysis } from '../../../../bot/features/reports/drafts.ts';
import { buildScorecard } from '../../../../bot/features/scores/scorecard.ts';
import { runFramework } from '../../../../bot/tools/cli/commands/framework.ts';
import { FRAMEWORKS } from '../../../../core/index.ts';
import { listAudit } from '../../../../db/queries/audit-log.ts';
import { openSqlite } from '../../../../db/sqlite.ts';
import { loadDemoWithFy2570Scores } from './support.ts';

const NOW = new Date('2026-11-23T09:00:00.000Z');
let dir: string;
let databasePath: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ita-framework-'));
  databasePath = join(dir, 'ita.sqlite');
  const db = openSqlite(databasePath);
  await loadDemoWithFy2570Scores(db, NOW);
  await db.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function framework(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runFramework(
    args,
    { out: (l) => out.push(l), err: (l) => err.push(l) },
    { databasePath, now: NOW, user: 'test', currentYear: 2570 },
  );
  return { code, out, err };
}

describe('ita framework', () => {
  it('lists every year with its status: FY2568 from agencies’ pages, FY2570 assumed', async () => {
    const { code, out } = await framework('list');
    expect(code).toBe(0);
    expect(out.find((l) => l.startsWith('2567 '))).toContain('ยืนยันแล้ว');
    expect(out.find((l) => l.startsWith('2568 '))).toContain('ยังไม่ยืนยัน');
    expect(out.find((l) => l.startsWith('2570 '))).toContain('ใช้โครงสร้างของปี 2568');
    const show = await framework('show', '2568');
    expect(show.out.join('\n')).toContain('สถิติเรื่องร้องเรียนการทุจริต: ข้อ O19');
  });

  it('says FY2570 is unconfirmed on the card and in the report, then uses an imported FY2570 file at once', async () => {
    let db = openSqlite(databasePath);
    const before = await buildScorecard(db, 'nakhon-rangsit', 2570);
    const reportBefore = await draftAnalysis(db, 'nakhon-rangsit', 2570);
    await db.close();
    if (typeof before === 'string' || typeof reportBefore === 'string') throw new Error('no card');
    expect(before.frameworkNotice).toContain('กรอบการประเมินปี 2570 ยังไม่ยืนยัน');
    expect(reportBefore.frameworkNotice).toContain('ยังไม่ยืนยัน');
    expect(before.frameworkId).toBe('ita-2568');

    const shown = await framework('show', '2570', '--json');
    const file = JSON.parse(shown.out.join('\n'));
    expect(file.confirmed).toBe(false);
    // The manual arrives: confirmed, and (say) OIT weighs 50 with IIT 20.
    const manual = {
      ...file,
      id: 'nacc-2570',
      year: 2570,
      source: 'คู่มือการประเมิน ITA ปี 2570 (สมมุติในการทดสอบ)',
      confirmed: true,
      weights: { IIT: 0.2, EIT: 0.3, OIT: 0.5 },
      items: file.items.map((i: object) => ({ ...i, confirmed: true })),
    };
    const path = join(dir, 'fy2570.json');
    writeFileSync(path, JSON.stringify(manual));
    const imported = await framework('import', path);
    expect(imported.err).toEqual([]);
    expect(imported.code).toBe(0);

    db = openSqlite(databasePath);
    const after = await buildScorecard(db, 'nakhon-rangsit', 2570);
    const audit = await listAudit(db, { subjectType: 'framework', subjectId: '2570' });
    await db.close();
    if (typeof after === 'string') throw new Error(after);
    expect(after.frameworkId).toBe('nacc-2570');
    expect(after.frameworkNotice).toBeNull();
    expect(after.totalDisplay).toBe('90.70'); // 0.2·90 + 0.3·84 + 0.5·95
    expect(JSON.stringify(audit)).toContain('framework.import');
  });

  it('holds every built-in year as a framework file that passes the same checks and reads back the same', () => {
    for (const builtIn of FRAMEWORKS) {
      const file = fileOfFramework(builtIn, builtIn.fromYear);
      const check = checkFrameworkFile(JSON.stringify(file));
      if (!check.ok) throw new Error(`${builtIn.id}: ${check.errors.join('; ')}`);
      const back = check.framework;
      expect(back.weights, builtIn.id).toEqual(builtIn.weights);
      expect(
        back.items.map((i) => [i.code, i.indicator, i.confirmed]),
        builtIn.id,
      ).toEqual(builtIn.items.map((i) => [i.code, i.indicator, i.confirmed]));
      expect(back.levels.map((l) => [l.code, l.minTotal, l.minEachInstrument, l.confirmed])).toEqual(
        builtIn.levels.map((l) => [l.code, l.minTotal, l.minEachInstrument, l.confirmed]),
      );
      expect(back.topicOf, builtIn.id).toEqual(builtIn.topicOf);
      expect(back.eitMinSample, builtIn.id).toEqual(builtIn.eitMinSample);
      // Every item and rule carries its evidence grade and source.
      for (const item of file.items)
        expect(typeof item.confirmed, `${builtIn.id} ${item.code}`).toBe('boolean');
      for (const rule of file.levels)
        expect(rule.source.length, `${builtIn.id} ${rule.code}`).toBeGreaterThan(0);
    }
  });

  it('names every problem of a bad file in Thai and stores nothing', async () => {
    const bad = checkFrameworkFile(
      JSON.stringify({
        id: 'x',
        year: 2571,
        source: 'ทดสอบ',
        confirmed: true,
        weights: { IIT: 0.5, EIT: 0.3, OIT: 0.4 },
        indicators: [{ id: 1, name: 'ก', instrument: 'EIT', items: ['i9'] }],
        items: [{ code: 'i1', title: 'ข้อ', indicator: 1, confirmed: true }],
        levels: [{ code: 'A', label: 'A', minTotal: 50, confirmed: true, source: 'x' }],
      }),
    );
    expect(bad.ok).toBe(false);
    const errors = bad.ok ? [] : bad.errors;
    expect(errors).toEqual(
      expect.arrayContaining([
        'ตัวชี้วัดที่ 1 ต้องอยู่ในแบบวัด IIT',
        'ตัวชี้วัดที่ 1 อ้างถึงข้อ i9 ที่ไม่มีในรายการข้อ',
        'ระดับสุดท้ายต้องมี minTotal เป็น 0 เพื่อให้ทุกคะแนนได้ระดับ',
      ]),
    );
    const { code, err } = await framework('import', join(dir, 'missing.json'));
    expect(code).toBe(2);
    expect(err[0]).toContain('เปิดไฟล์');
  });
});
