// `ita scores import`: a results table (CSV with quoted names, XLSX, Thai headers) on a temporary demo database;
// published figures win over recomputation (Tak PAO FY2567 prints 99.40), differences above 0.01 warn, nothing
// is stored on a dry run or while a header or an agency is left unresolved.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planResultsImport } from '../../../../bot/features/scores/results-import.ts';
import { buildScorecard } from '../../../../bot/features/scores/scorecard.ts';
import { readCsv, readXlsx, writeXlsx } from '../../../../bot/features/scores/table.ts';
import { runReport } from '../../../../bot/tools/cli/commands/report.ts';
import { runScores } from '../../../../bot/tools/cli/commands/scores.ts';
import { loadDemo } from '../../../../bot/tools/demo/load.ts';
import { listAllAgencies } from '../../../../db/queries/agencies.ts';
import { listScores } from '../../../../db/queries/scores.ts';
import { openSqlite } from '../../../../db/sqlite.ts';

const NOW = new Date('2026-11-23T09:00:00.000Z');
let dir: string;
let databasePath: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ita-scores-'));
  databasePath = join(dir, 'ita.sqlite');
  const db = openSqlite(databasePath);
  await loadDemo(db, NOW);
  await db.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function scores(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runScores(
    args,
    { out: (l) => out.push(l), err: (l) => err.push(l) },
    { databasePath, now: NOW, user: 'test' },
  );
  return { code, out, err };
}

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

// Seed 003: Tak PAO FY2567, ten indicators, total 99.40 ผ่านดีเยี่ยม, 7th nationally among PAOs.
const TAK_ROW =
  '"องค์การบริหารส่วนจังหวัดตาก",2567,99.40,ผ่านดีเยี่ยม,97.78,100,100,100,100,99.13,99.10,97.05,100,100,,7';
const TAK_HEADER =
  'ชื่อหน่วยงาน,ปีงบประมาณ,คะแนนรวม,ระดับผลการประเมิน,ตัวชี้วัดที่ 1,ตัวชี้วัดที่ 2,ตัวชี้วัดที่ 3,ตัวชี้วัดที่ 4,ตัวชี้วัดที่ 5,ตัวชี้วัดที่ 6,ตัวชี้วัดที่ 7,ตัวชี้วัดที่ 8,ตัวชี้วัดที่ 9,ตัวชี้วัดที่ 10,ลำดับระดับประเทศ,ลำดับในกลุ่มหน่วยงาน';

describe('ita scores import', () => {
  it('recomputes Tak PAO FY2567 as 99.39 before the published total is imported', async () => {
    const db = openSqlite(databasePath);
    const card = await buildScorecard(db, 'tak-pao', 2567);
    await db.close();
    if (typeof card === 'string') throw new Error(card);
    expect(card.totalDisplay).toBe('99.39');
  });

  it('checks without storing unless --apply, then Tak PAO card and report print the published 99.40', async () => {
    const path = file('tak.csv', `${TAK_HEADER}\n${TAK_ROW}\n`);
    const dry = await scores('import', path);
    expect(dry.err).toEqual([]);
    expect(dry.code).toBe(0);
    // 99.40 against 99.39 recomputed is the rounding of published figures (0.01): no warning.
    expect(dry.out.join('\n')).not.toContain('คำเตือน');
    expect(dry.out.join('\n')).toContain('ยังไม่บันทึก');
    let db = openSqlite(databasePath);
    expect((await listScores(db, 'tak-pao', 2567)).some((s) => s.level === 'total')).toBe(false);
    await db.close();

    const applied = await scores('import', path, '--apply');
    expect(applied.code).toBe(0);
    db = openSqlite(databasePath);
    const card = await buildScorecard(db, 'tak-pao', 2567);
    await db.close();
    if (typeof card === 'string') throw new Error(card);
    expect(card.totalDisplay).toBe('99.40');
    expect(card.level?.code).toBe('ผ่านดีเยี่ยม');
    expect(card.rank.inGroup).toBe(7);

    const out: string[] = [];
    const code = await runReport(
      [
        'analysis',
        '--agency',
        'tak-pao',
        '--year',
        '2567',
        '--format',
        'html',
        '--out',
        join(dir, 'tak.html'),
      ],
      { out: (l) => out.push(l), err: (l) => out.push(l) },
      { databasePath, now: NOW },
    );
    expect(code).toBe(0);
    const html = (await import('node:fs')).readFileSync(join(dir, 'tak.html'), 'utf8');
    expect(html).toContain('ผลคะแนน 99.40');
    expect(html).not.toContain('ลำดับที่ 1 จาก 1 หน่วยงาน');
    expect(html).toContain('ลำดับที่ 7 ในกลุ่มหน่วยงานประเภทเดียวกัน');
  });

  it('reports every bad cell at once in Thai, with the header as written, and stores nothing', async () => {
    const path = file(
      'bad.csv',
      [
        'agency_id,year,total,EIT,ระดับ',
        'nakhon-rangsit,2570,101,80,ผ่าน',
        'bang-toei-sao,2570,88,abc,ดีมาก',
      ].join('\n'),
    );
    const { code, err } = await scores('import', path, '--apply');
    expect(code).toBe(2);
    expect(err).toEqual(
      expect.arrayContaining([
        'แถว 2 · total: คะแนนรวมต้องเป็นตัวเลข 0 ถึง 100 (ได้รับ "101")',
        'แถว 3 · EIT: คะแนน EITต้องเป็นตัวเลข 0 ถึง 100 (ได้รับ "abc")',
      ]),
    );
    expect(err.join('\n')).not.toMatch(/instruments\.|published\./);
    const db = openSqlite(databasePath);
    expect(await listScores(db, 'nakhon-rangsit', 2570)).toEqual([]);
    await db.close();
  });

  it('asks for a mapping of unknown headers and a match of unknown agencies before storing', async () => {
    const path = file(
      'unknown.csv',
      ['name,year,คะแนนสุทธิ', '"เทศบาลนครรังสิต",2571,90', '"หน่วยงานที่ไม่มี, จำกัด",2571,80'].join('\n'),
    );
    const first = await scores('import', path, '--apply');
    expect(first.code).toBe(2);
    expect(first.err.join('\n')).toContain('ไม่รู้จักคอลัมน์ "คะแนนสุทธิ"');
    // The quoted comma stays in the name.
    expect(first.err.join('\n')).toContain('ไม่พบหน่วยงาน "หน่วยงานที่ไม่มี, จำกัด"');
    const second = await scores('import', path, '--apply', '--map', 'คะแนนสุทธิ=total', '--match', '3=skip');
    expect(second.err).toEqual([]);
    expect(second.code).toBe(0);
    const db = openSqlite(databasePath);
    expect((await listScores(db, 'nakhon-rangsit', 2571)).map((s) => [s.level, s.score])).toEqual([
      ['total', 90],
    ]);
    await db.close();
  });

  it('reads XLSX (a template written by the same library) and warns on a weighted EIT that differs', async () => {
    const bytes = writeXlsx('ผลคะแนน', [
      ['agency_id', 'year', 'iit', 'eit', 'oit', 'total'],
      ['pathum-thani-office', 2562, 96.42, 80.88, 98.75, 92.69],
    ]);
    const table = readXlsx(bytes);
    if (!table.ok) throw new Error(table.message);
    expect(table.table.rows[0]?.cells).toEqual([
      'pathum-thani-office',
      '2562',
      '96.42',
      '80.88',
      '98.75',
      '92.69',
    ]);
    const db = openSqlite(databasePath);
    const agencies = await listAllAgencies(db);
    const plan = planResultsImport(table.table, agencies);
    await db.close();
    expect(plan.ready).toBe(true);
    // Published instruments give 0.3·80.88 = 24.26 weighted and a total of 92.69: nothing to warn about.
    expect(plan.warnings).toEqual([]);
    expect(plan.rows[0]?.totalDisplay).toBe('92.69');
  });

  it('parses quoted CSV cells with commas and line breaks', () => {
    const table = readCsv('name,total\n"ก, ข\nค",90\n');
    if (!table.ok) throw new Error(table.message);
    expect(table.table.rows[0]?.cells).toEqual(['ก, ข\nค', '90']);
  });
});
