// `ita report analysis|measures`: JSON, HTML and .docx on a temporary demo database; --plan; bad input → exit 2
// with one Thai line.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runReport } from '../../../../bot/tools/cli/commands/report.ts';
import { loadDemo } from '../../../../bot/tools/demo/load.ts';
import { listActivities } from '../../../../db/queries/plan-activities.ts';
import { openSqlite } from '../../../../db/sqlite.ts';
import { docxText, readZip } from '../../../support/zip.ts';

const NOW = new Date('2026-11-23T09:00:00.000Z');
let dir: string;
let databasePath: string;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ita-report-'));
  databasePath = join(dir, 'ita.sqlite');
  const db = openSqlite(databasePath);
  await loadDemo(db, NOW);
  await db.close();
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runReport(
    args,
    { out: (l) => out.push(l), err: (l) => err.push(l) },
    { databasePath, now: NOW },
  );
  return { code, out, err };
}

describe('ita report', () => {
  it('hands `report complaints` to the complaint statistics (a province with none gives zero counts)', async () => {
    const { code, out, err } = await run('complaints', '--agency', 'pathum-thani', '--year', '2569', '--csv');
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out).toContain('total,,จำนวนเรื่องทั้งหมด,0');
  });

  it('prints the analysis as JSON by default, reading Thai digits in the year', async () => {
    const { code, out, err } = await run('analysis', '--agency', 'tak-pao', '--year', '๒๕๖๗');
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const report = JSON.parse(out.join('\n')) as {
      keepsStandard: boolean;
      overall: { level: { code: string } };
    };
    expect(report.keepsStandard).toBe(true);
    expect(report.overall.level.code).toBe('ผ่านดีเยี่ยม');
  });

  it('writes a .docx that opens, and an HTML page in Thai digits', async () => {
    const docx = join(dir, 'analysis.docx');
    const a = await run(
      'analysis',
      '--agency',
      'pathum-thani-office',
      '--year',
      '2562',
      '--format',
      'docx',
      '--out',
      docx,
    );
    expect(a).toMatchObject({ code: 0, out: [`บันทึกรายงานแล้ว: ${docx}`] });
    const xml = readZip(readFileSync(docx)).get('word/document.xml')?.toString('utf8') ?? '';
    expect(docxText(xml)).toContain('ผลคะแนน 92.69');

    const html = join(dir, 'analysis.html');
    await run(
      'analysis',
      '--agency',
      'pathum-thani-office',
      '--year',
      '2562',
      '--format',
      'html',
      '--digits',
      'thai',
      '--out',
      html,
    );
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('ผลคะแนน ๙๒.๖๙');
    // The saved page embeds Sarabun (Thai and Latin, regular and bold).
    expect(page.match(/src:url\(data:font\/woff2;base64,/g)).toHaveLength(4);
  });

  it('adds the measures to next year plan with --plan, then reports their results', async () => {
    const a = await run('analysis', '--agency', 'tak-pao', '--year', '2567', '--plan');
    expect(a.code).toBe(0);
    expect(a.err).toEqual(['เพิ่มมาตรการเข้าแผนงานปีงบประมาณ 2568 แล้ว 7 รายการ']);
    const db = openSqlite(databasePath);
    expect((await listActivities(db, 'tak', 2568)).map((x) => x.kind)).toEqual(Array(7).fill('measure'));
    await db.close();
    const m = await run('measures', '--agency', 'tak-pao', '--year', '2568');
    expect(m.code).toBe(0);
    const groups = (JSON.parse(m.out.join('\n')) as { groups: { rows: unknown[] }[] }).groups;
    expect(groups.flatMap((g) => g.rows)).toHaveLength(7);
  });

  it.each([
    [
      ['analysis', '--agency', 'tak-pao', '--year', '2566'],
      'ข้อผิดพลาด: ยังไม่มีผลคะแนน ITA ขององค์การบริหารส่วนจังหวัดตาก ปีงบประมาณ 2566',
    ],
    [['analysis', '--agency', 'nobody', '--year', '2567'], 'ข้อผิดพลาด: ไม่พบหน่วยงานรหัส "nobody"'],
    [['analysis', '--agency', 'tak-pao'], 'ข้อผิดพลาด: ต้องระบุ --year เป็นปีงบประมาณ พ.ศ. เช่น --year 2567'],
    [['analysis', '--year', '2567'], 'ข้อผิดพลาด: ต้องระบุ --agency <รหัสหน่วยงาน>'],
    [
      ['analysis', '--agency', 'tak-pao', '--year', '2567', '--format', 'pdf'],
      'ข้อผิดพลาด: รูปแบบ "pdf" ไม่รองรับ (ใช้ docx, html หรือ json)',
    ],
    [
      ['analysis', '--agency', 'tak-pao', '--year', '2567', '--digits', 'roman'],
      'ข้อผิดพลาด: --digits ต้องเป็น thai หรือ arabic',
    ],
    [
      ['measures', '--agency', 'tak-pao', '--year', '2568'],
      'ข้อผิดพลาด: ยังไม่มีมาตรการขององค์การบริหารส่วนจังหวัดตาก ในแผนปีงบประมาณ 2568 (เพิ่มจากรายงานการวิเคราะห์ผลปี 2567 ก่อน)',
    ],
    [['summary'], 'ข้อผิดพลาด: ไม่รู้จักคำสั่ง report "summary" (ใช้ analysis, measures หรือ complaints)'],
  ])('exits 2 with one Thai line for %j', async (args, line) => {
    const { code, out, err } = await run(...args);
    expect({ code, out, err }).toEqual({ code: 2, out: [], err: [line] });
  });
});
