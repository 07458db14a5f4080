// `ita report complaints …` on a temporary SQLite file: the table, the CSV, the province scope and bad input.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runComplaintReport } from '../../../../bot/tools/cli/commands/report-complaints.ts';
import { bangkokTime } from '../../../../core/index.ts';
import { upsertAgencies } from '../../../../db/queries/agencies.ts';
import { createComplaint } from '../../../../db/queries/complaints.ts';
import { upsertProvince } from '../../../../db/queries/provinces.ts';
import { openSqlite } from '../../../../db/sqlite.ts';
import { codeOf } from '../../features/complaints/officers-fixture.ts';

let dir: string;
let databasePath: string;
const NOW = bangkokTime(2024, 7, 15, 10);

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ita-complaints-'));
  databasePath = join(dir, 'ita.sqlite');
  const db = openSqlite(databasePath);
  await upsertProvince(db, { id: 'rp', nameTh: 'รายงาน' }, NOW);
  await upsertAgencies(
    db,
    [
      { id: 'rp-a', provinceId: 'rp', nameTh: 'เทศบาลรายงาน', type: 'municipality' },
      { id: 'rp-b', provinceId: 'rp', nameTh: 'อบต.รายงาน, ใต้', type: 'sao' },
    ],
    NOW,
  );
  const file = (n: number, agencyId: string, type: string, day: number) =>
    createComplaint(
      db,
      {
        trackingCode: codeOf(n),
        provinceId: 'rp',
        agencyId,
        type,
        channel: 'chat',
        description: 'ความลับของผู้ร้อง',
        identityMode: 'code_only',
      },
      bangkokTime(2024, 4, day, 10),
    );
  for (let i = 1; i <= 4; i++) await file(i, 'rp-a', 'service', i);
  await file(9, 'rp-b', 'corruption', 20);
  await db.close();
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l) };
  const code = await runComplaintReport(args, io, { databasePath, now: NOW });
  return { code, out, err };
}

describe('report complaints', () => {
  it('prints the agency’s table with Thai labels and no complaint text', async () => {
    const { code, out } = await run('--agency', 'rp-a', '--year', '๒๕๖๗', '--period', 'q3');
    expect(code).toBe(0);
    const text = out.join('\n');
    expect(text).toContain('สถิติเรื่องร้องเรียน เทศบาลรายงาน ปีงบประมาณ 2567 ไตรมาสที่ 3');
    expect(text).toMatch(/จำนวนเรื่องทั้งหมด\s+4/);
    expect(text).toMatch(/เม\.ย\. 2567\s+4/);
    expect(text).not.toContain('ความลับ');
  });

  it('writes CSV for the whole province, suppressing the lone corruption case', async () => {
    const { code, out } = await run('--agency', 'rp', '--year', '2567', '--csv');
    expect(code).toBe(0);
    expect(out[0]).toBe('section,key,label,value');
    expect(out).toContain('total,,จำนวนเรื่องทั้งหมด,5');
    expect(out).toContain('type,corruption,ทุจริต/ประพฤติมิชอบ,<3');
    expect(out).toContain('type,service,การให้บริการ,x');
    expect(out).toContain('agency,rp-b,"อบต.รายงาน, ใต้",<3');
  });

  it('writes the A4 page for --format html with the figures and suppression marks', async () => {
    const { code, out } = await run(
      '--agency',
      'rp',
      '--year',
      '2567',
      '--format',
      'html',
      '--digits',
      'thai',
    );
    expect(code).toBe(0);
    const html = out.join('\n');
    expect(html).toContain('@page{size:A4');
    expect(html).toContain('src:url(data:font/woff2;base64,');
    expect(html).toMatch(/จำนวนเรื่องทั้งหมด<\/td><td class="num">๕</);
    expect(html).toMatch(/ทุจริต\/ประพฤติมิชอบ<\/td><td class="num">&lt;๓</);
    expect(html).not.toContain('ความลับ');
  });

  it.each([
    [['--year', '2567'], 'ต้องระบุ --agency'],
    [['--agency', 'rp-a'], 'ต้องระบุ --year'],
    [['--agency', 'rp-a', '--year', '2567', '--period', 'q5'], '--period ต้องเป็น'],
    [['--agency', 'nowhere', '--year', '2567'], 'ไม่พบหน่วยงานหรือจังหวัด'],
    [['--agency', 'rp-a', '--year', '2567', '--pdf'], 'ไม่รู้จักตัวเลือก'],
  ])('exits 2 with a Thai reason for %j', async (args, reason) => {
    const { code, err } = await run(...args);
    expect(code).toBe(2);
    expect(err.join('\n')).toContain(reason);
  });
});
