// `ita plan`: create from the default calendar (twice is harmless), list, move a due date, assign agencies, and
// every bad input ending with exit 2 and one Thai line — on a temporary SQLite file.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOME_PROVINCE_SETTING } from '../../../../bot/line/chat/who.ts';
import { runPlan } from '../../../../bot/tools/cli/commands/plan.ts';
import { bangkokTime } from '../../../../core/index.ts';
import { upsertAgencies } from '../../../../db/queries/agencies.ts';
import { setSetting } from '../../../../db/queries/app-settings.ts';
import { findFiscalYear } from '../../../../db/queries/fiscal-years.ts';
import { type Activity, listActivities } from '../../../../db/queries/plan-activities.ts';
import { upsertProvince } from '../../../../db/queries/provinces.ts';
import { openSqlite } from '../../../../db/sqlite.ts';

/** 15 November 2024: FY2568. */
const NOW = bangkokTime(2024, 11, 15, 10, 0);
let dir: string;
let databasePath: string;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ita-plan-'));
  databasePath = join(dir, 'ita.sqlite');
  const db = openSqlite(databasePath);
  await upsertProvince(db, { id: 'pathum-thani', nameTh: 'ปทุมธานี' }, NOW);
  await upsertAgencies(
    db,
    [
      { id: 'office', provinceId: 'pathum-thani', nameTh: 'จังหวัดปทุมธานี', type: 'provincial_office' },
      { id: 'rangsit', provinceId: 'pathum-thani', nameTh: 'เทศบาลนครรังสิต', type: 'municipality' },
      { id: 'khu-khot', provinceId: 'pathum-thani', nameTh: 'เทศบาลเมืองคูคต', type: 'municipality' },
    ],
    NOW,
  );
  await setSetting(db, HOME_PROVINCE_SETTING, 'pathum-thani', 'test', NOW);
  await db.close();
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function plan(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runPlan(
    args,
    { out: (l) => out.push(l), err: (l) => err.push(l) },
    { databasePath, now: NOW },
  );
  return { code, out, err };
}

async function activities(year = 2568): Promise<Activity[]> {
  const db = openSqlite(databasePath);
  try {
    return await listActivities(db, 'pathum-thani', year);
  } finally {
    await db.close();
  }
}

async function activity(seq: number): Promise<Activity> {
  const found = (await activities()).find((a) => a.seq === seq);
  if (found === undefined) throw new Error(`no activity ${seq}`);
  return found;
}

describe('plan create', () => {
  it('makes the default calendar of the year, and adds nothing the second time', async () => {
    expect(await plan('create', '--year', '2568')).toEqual({
      code: 0,
      out: [
        'แผนงาน ITA ปีงบประมาณ 2568 ของจังหวัดปทุมธานี: เพิ่ม 17 กิจกรรม',
        'ดูรายการด้วย: npm run ita -- plan list --year 2568',
      ],
      err: [],
    });
    const made = await activities();
    expect(made).toHaveLength(17);
    expect(made.find((a) => a.seq === 8)).toMatchObject({
      key: 'default-8',
      kind: 'survey_iit',
      dueOn: '2025-07-01',
      createdBy: 'cli',
    });
    const again = await plan('create', '--year', '๒๕๖๘');
    expect(again.out.slice(0, 2)).toEqual([
      'แผนงาน ITA ปีงบประมาณ 2568 ของจังหวัดปทุมธานี: เพิ่ม 0 กิจกรรม',
      'มีอยู่แล้ว 17 กิจกรรม (ไม่เพิ่มซ้ำ)',
    ]);
    expect(await activities()).toHaveLength(17);
    const db = openSqlite(databasePath);
    expect(await findFiscalYear(db, 'pathum-thani', 2568)).toMatchObject({ frameworkId: expect.any(String) });
    await db.close();
  });
});

describe('plan list', () => {
  it('lists the current fiscal year by default, with dates, who answers, progress and ids', async () => {
    await plan('create', '--year', '2568');
    const iit = await activity(8);
    const { code, out } = await plan('list');
    expect(code).toBe(0);
    expect(out[0]).toBe('แผนงาน ITA ปีงบประมาณ 2568 จังหวัดปทุมธานี (17 กิจกรรม)');
    expect(out).toContain('ข้อ 8  ให้ผู้มีส่วนได้ส่วนเสียภายในตอบแบบวัด IIT ให้แล้วเสร็จ');
    expect(out).toContain(`      1 ม.ค. 2568 – 1 ก.ค. 2568  ทุกหน่วยงาน  เสร็จ 0/3  รหัส ${iit.id}`);
    expect(out.some((l) => l.includes('สำนักงาน ป.ป.ช.') && !l.includes('เสร็จ'))).toBe(true);
    expect(out.some((l) => l.includes('สำนักงานจังหวัด  เสร็จ 0/1'))).toBe(true);
  });

  it('says how to make a plan for a year that has none', async () => {
    expect((await plan('list', '--year', '2570')).out).toEqual([
      'ยังไม่มีแผนงานของปีงบประมาณ 2570 — สร้างด้วย: npm run ita -- plan create --year 2570',
    ]);
  });
});

describe('plan move and assign', () => {
  beforeEach(async () => {
    await plan('create', '--year', '2568');
  });

  it('moves a due date (and a start date), in Thai digits too', async () => {
    const iit = await activity(8);
    const moved = await plan('move', iit.id, '--due', '๒๐๒๕-๐๗-๑๕');
    expect(moved).toEqual({
      code: 0,
      out: [
        'ย้ายกำหนดเสร็จของ ข้อ 8 ให้ผู้มีส่วนได้ส่วนเสียภายในตอบแบบวัด IIT ให้แล้วเสร็จ',
        'จาก 1 ก.ค. 2568 เป็น 15 ก.ค. 2568 แล้ว',
        'การแจ้งเตือนที่ยังไม่ได้ส่งจะนับจากกำหนดใหม่',
      ],
      err: [],
    });
    await plan('move', iit.id, '--due', '2025-08-01', '--start', '2025-02-01');
    expect(await activity(8)).toMatchObject({ dueOn: '2025-08-01', startsOn: '2025-02-01' });
  });

  it('assigns named agencies, then every agency again', async () => {
    const oit = await activity(10);
    const named = await plan('assign', oit.id, '--agencies', 'rangsit, khu-khot,rangsit');
    expect(named.out).toEqual([
      'ข้อ 10 จัดทำข้อมูลและเผยแพร่บนเว็บไซต์ของหน่วยงานตามแบบวัด OIT: ผู้รับผิดชอบ 2 หน่วยงาน — เทศบาลนครรังสิต, เทศบาลเมืองคูคต',
    ]);
    expect(await activity(10)).toMatchObject({ responsible: 'agencies', agencyIds: ['khu-khot', 'rangsit'] });
    expect((await plan('assign', oit.id, '--all')).code).toBe(0);
    expect(await activity(10)).toMatchObject({ responsible: 'all', agencyIds: [] });
  });

  it.each([
    [['move', 'ID', '--due', '2025-02-30'], 'วันที่ --due "2025-02-30" ไม่ถูกต้อง'],
    [['move', 'ID', '--due', '1/7/2568'], 'วันที่ --due "1/7/2568" ไม่ถูกต้อง'],
    [['move', 'ID'], 'ต้องระบุ --due YYYY-MM-DD'],
    [['move', 'ID', '--due', '2024-12-01'], 'วันเริ่ม 1 ม.ค. 2568 อยู่หลังกำหนดเสร็จ 1 ธ.ค. 2567'],
    [['move', 'no-such-id', '--due', '2025-07-15'], 'ไม่พบกิจกรรมรหัส "no-such-id"'],
    [['move', '--due', '2025-07-15'], 'ต้องระบุรหัสกิจกรรม'],
    [['assign', 'ID'], 'ระบุอย่างใดอย่างหนึ่ง: --agencies <id,id,…> หรือ --all'],
    [['assign', 'ID', '--agencies', 'rangsit', '--all'], 'ระบุอย่างใดอย่างหนึ่ง'],
    [['assign', 'ID', '--agencies', 'rangsit,nowhere'], 'ไม่พบหน่วยงานรหัส "nowhere"'],
    [['assign', 'ID', '--agencies', ','], 'ต้องระบุรหัสหน่วยงานหลัง --agencies'],
  ])('refuses %j with one line and exit 2, changing nothing', async (args, message) => {
    const iit = await activity(8);
    const { code, out, err } = await plan(...args.map((a) => (a === 'ID' ? iit.id : a)));
    expect({ code, out }).toEqual({ code: 2, out: [] });
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^ข้อผิดพลาด: /);
    expect(err[0]).toContain(message);
    expect(await activity(8)).toEqual(iit);
  });
});

describe('plan: bad input', () => {
  it.each([
    [['create'], 'ต้องระบุ --year'],
    [['create', '--year', '68'], 'ปีงบประมาณ "68" ไม่ถูกต้อง'],
    [['create', '--year'], 'ต้องระบุค่าหลัง --year'],
    [['create', '--years', '2568'], 'ไม่รู้จักตัวเลือก --years'],
    [['remove', '--year', '2568'], 'ไม่รู้จักคำสั่ง plan "remove"'],
    [['list', '--year', 'สองพัน'], 'ปีงบประมาณ "สองพัน" ไม่ถูกต้อง'],
  ])('%j exits 2 with one Thai line', async (args, message) => {
    const { code, out, err } = await plan(...args);
    expect({ code, out, lines: err.length }).toEqual({ code: 2, out: [], lines: 1 });
    expect(err[0]).toContain(message);
  });

  it('says the database has no province yet', async () => {
    databasePath = join(dir, 'empty.sqlite');
    const { code, err } = await plan('create', '--year', '2568');
    expect({ code, err }).toEqual({
      code: 2,
      err: ['ข้อผิดพลาด: ยังไม่มีจังหวัดในฐานข้อมูล (รัน npm run ita -- demo หรือตั้งค่าก่อน)'],
    });
  });

  it('names the database it cannot open', async () => {
    writeFileSync(join(dir, 'a-file'), 'not a folder');
    databasePath = join(dir, 'a-file', 'ita.sqlite');
    const { code, err } = await plan('list');
    expect(code).toBe(2);
    expect(err).toHaveLength(1);
    expect(err[0]).toContain(databasePath);
  });

  it('prints the usage for --help, and on stderr with exit 2 for nothing at all', async () => {
    const help = await plan('--help');
    expect(help.code).toBe(0);
    expect(help.out[0]).toContain('วิธีใช้:');
    const none = await plan();
    expect({ code: none.code, out: none.out }).toEqual({ code: 2, out: [] });
    expect(none.err[0]).toContain('plan create --year');
  });
});
