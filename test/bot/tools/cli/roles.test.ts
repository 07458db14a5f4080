// `ita roles …` on a temporary SQLite file: grant, revoke, list, bind codes, and every error path.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { looksLikeCode } from '../../../../bot/features/groups/codes.ts';
import { HOME_PROVINCE_SETTING } from '../../../../bot/line/chat/who.ts';
import { runRoles } from '../../../../bot/tools/cli/commands/roles.ts';
import { DEMO_COORDINATOR_ID } from '../../../../bot/tools/demo/line.ts';
import { loadDemo } from '../../../../bot/tools/demo/load.ts';
import { setSetting } from '../../../../db/queries/app-settings.ts';
import { findBindCode } from '../../../../db/queries/bind-codes.ts';
import { listRoles } from '../../../../db/queries/user-roles.ts';
import { openSqlite } from '../../../../db/sqlite.ts';

const USER = `U${'c'.repeat(32)}`;

let dir: string;
let databasePath: string;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ita-roles-'));
  databasePath = join(dir, 'ita.sqlite');
  const db = openSqlite(databasePath);
  await loadDemo(db, new Date());
  // As the first start does (bot/setup.ts): the demo province is this deployment's own.
  await setSetting(db, HOME_PROVINCE_SETTING, 'pathum-thani', 'test', new Date());
  await db.close();
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runRoles(args, { out: (l) => out.push(l), err: (l) => err.push(l) }, { databasePath });
  return { code, out, err };
}

async function rolesOf(userId: string) {
  const db = openSqlite(databasePath);
  try {
    return (await listRoles(db, userId)).map((r) => `${r.role}:${r.agencyId ?? '-'}`);
  } finally {
    await db.close();
  }
}

describe('roles CLI', () => {
  it('grants, lists and revokes staff of an agency', async () => {
    const granted = await run('grant', USER, 'staff', '--agency', 'nakhon-rangsit');
    expect(granted).toEqual({
      code: 0,
      out: [`ให้สิทธิ์ เจ้าหน้าที่ ITA ของเทศบาลนครรังสิต ของ ${USER} แล้ว`],
      err: [],
    });
    expect((await run('grant', USER, 'staff', '--agency', 'nakhon-rangsit')).out[0]).toContain(
      'ไม่มีการเปลี่ยนแปลง',
    );
    expect(await rolesOf(USER)).toEqual(['staff:nakhon-rangsit']);
    const listed = await run('list', USER);
    expect(listed.out).toEqual(['เจ้าหน้าที่ ITA ของเทศบาลนครรังสิต  (staff nakhon-rangsit)']);
    expect((await run('revoke', USER, 'staff', '--agency', 'nakhon-rangsit')).code).toBe(0);
    expect(await rolesOf(USER)).toEqual([]);
    expect((await run('roles', USER)).out).toEqual([`${USER} ยังไม่มีสิทธิ์ใด`]);
  });

  it('grants a coordinator and a province officer of the home province', async () => {
    expect((await run('grant', USER, 'coordinator')).code).toBe(0);
    expect((await run('grant', USER, 'officer')).code).toBe(0);
    expect(await rolesOf(USER)).toEqual(['coordinator:-', 'officer:-']);
  });

  it('grants in another province with --province', async () => {
    expect((await run('grant', USER, 'coordinator', '--province', 'tak')).out[0]).toContain(
      'ผู้ประสานงานจังหวัดตาก',
    );
    expect((await run('grant', USER, 'staff', '--agency', 'tak-pao', '--province', 'tak')).code).toBe(0);
    expect(await rolesOf(USER)).toEqual(['coordinator:-', 'staff:tak-pao']);
  });

  it('prints a bind code and its expiry in Thai, stored for the agency', async () => {
    const { code, out, err } = await run('bindcode', '--agency', 'nakhon-rangsit');
    expect({ code, err }).toEqual({ code: 0, err: [] });
    const bind =
      /รหัสผูกกลุ่ม: ([A-Z0-9]{6}) {2}\(ใช้ได้ครั้งเดียว ถึง \d{1,2} \S+ 25\d\d \d\d:\d\d น\.\)/.exec(
        out[0] ?? '',
      )?.[1] ?? '';
    expect(looksLikeCode(bind)).toBe(true);
    expect(out[1]).toBe(`ให้สมาชิกพิมพ์ในกลุ่ม LINE: ผูกกลุ่ม ${bind}`);
    const db = openSqlite(databasePath);
    expect(await findBindCode(db, bind)).toMatchObject({
      agencyId: 'nakhon-rangsit',
      kind: 'staff',
      createdBy: 'cli',
    });
    await db.close();
  });

  it('prints an officers code for the province', async () => {
    const { out } = await run('bindcode', '--kind', 'officers');
    const bind = /([A-Z0-9]{6})/.exec(out[0] ?? '')?.[1] ?? '';
    const db = openSqlite(databasePath);
    expect(await findBindCode(db, bind)).toMatchObject({
      agencyId: null,
      kind: 'officers',
      provinceId: 'pathum-thani',
    });
    await db.close();
  });

  it.each([
    [['grant', 'somchai', 'staff', '--agency', 'nakhon-rangsit'], 'รหัสผู้ใช้ "somchai" ไม่ถูกต้อง'],
    [['grant', USER, 'governor'], 'coordinator, staff หรือ officer'],
    [['grant', USER, 'staff'], 'ต้องระบุ --agency'],
    [['grant', USER, 'coordinator', '--agency', 'nakhon-rangsit'], 'ไม่ต้องระบุ --agency'],
    [['grant', USER, 'staff', '--agency', 'atlantis'], 'ไม่พบหน่วยงาน "atlantis"'],
    [['grant', USER, 'staff', '--agency'], 'ต้องระบุค่าหลัง --agency'],
    [['grant', USER, 'staff', '--colour', 'red'], 'ไม่รู้จักตัวเลือก --colour'],
    [['revoke', DEMO_COORDINATOR_ID, 'coordinator'], 'ผู้ประสานงานคนสุดท้าย'],
    [['grant', USER, 'coordinator', '--province', 'atlantis'], 'ไม่พบจังหวัด "atlantis"'],
    [['grant', USER, 'staff', '--agency', 'nakhon-rangsit', '--province', 'tak'], 'ไม่ใช่ "tak"'],
    [['bindcode'], 'ต้องระบุ --agency'],
    [['bindcode', '--agency', 'nakhon-rangsit', '--kind', 'citizens'], '--kind ต้องเป็น staff หรือ officers'],
    [['list', 'nobody'], 'ไม่ถูกต้อง'],
  ])('exits 2 with one line for %j', async (args, message) => {
    const { code, out, err } = await run(...args);
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).toContain(message);
  });

  it('prints the usage for no or an unknown subcommand', async () => {
    for (const args of [[], ['promote', USER]]) {
      const { code, err } = await run(...args);
      expect(code).toBe(2);
      expect(err.join('\n')).toContain('npm run ita -- roles grant');
    }
  });

  it('says which database it could not open', async () => {
    databasePath = join(dir, 'ita.sqlite', 'inside-a-file.sqlite');
    const { code, err } = await run('list', USER);
    expect(code).toBe(2);
    expect(err[0]).toContain('inside-a-file.sqlite');
  });
});
