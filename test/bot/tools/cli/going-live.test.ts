// Issue 14's commands on a temporary SQLite file: agencies import/template/list (CSV and Excel, Thai headers,
// dry run, errors by line and column, one transaction), demo refusing real data, settings and holidays with
// their audit, the holiday reminder, key rotation of real complaints, and the online backup.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../../bot/config.ts';
import type { Deps } from '../../../../bot/deps.ts';
import { createComplaintCrypto } from '../../../../bot/features/complaints/crypto.ts';
import { fileComplaint } from '../../../../bot/features/complaints/file.ts';
import { verifyComplaintKey } from '../../../../bot/features/complaints/key-check.ts';
import { listMyComplaints } from '../../../../bot/features/complaints/tracking.ts';
import { remindHolidaysDue } from '../../../../bot/features/settings/holidays.ts';
import { loadSettings } from '../../../../bot/features/settings/settings.ts';
import { runAgencies } from '../../../../bot/tools/cli/commands/agencies.ts';
import { runDemo } from '../../../../bot/tools/cli/commands/demo.ts';
import { rotateKeys, runBackup } from '../../../../bot/tools/cli/commands/operate.ts';
import { runHolidays, runSettings } from '../../../../bot/tools/cli/commands/settings.ts';
import { findAgencyById, listAgencies } from '../../../../db/queries/agencies.ts';
import { listAudit } from '../../../../db/queries/audit-log.ts';
import { grantRole } from '../../../../db/queries/user-roles.ts';
import { openSqlite } from '../../../../db/sqlite.ts';

const HEADER = 'รหัสจังหวัด,ชื่อจังหวัด,รหัสหน่วยงาน,ชื่อหน่วยงาน,ชื่อย่อ,ประเภท,อำเภอ,หน่วยงานต้นสังกัด,จำนวนบุคลากร,รหัส ITAS';
const ROWS = [
  'tak,ตาก,tak-office,สำนักงานจังหวัดตาก,สนจ.ตาก,สำนักงานจังหวัด,เมืองตาก,,45,',
  'tak,ตาก,tak-pao,องค์การบริหารส่วนจังหวัดตาก,อบจ.ตาก,อบจ.,เมืองตาก,,๓๒๐,T-001',
  'tak,ตาก,mae-sot-town,เทศบาลนครแม่สอด,,เทศบาล,แม่สอด,,410,',
];

let dir: string;
let databasePath: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ita-going-live-cli-'));
  databasePath = join(dir, 'ita.sqlite');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

function file(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `\uFEFF${lines.join('\r\n')}\r\n`);
  return path;
}

async function withDb<T>(work: (db: ReturnType<typeof openSqlite>) => Promise<T>): Promise<T> {
  const db = openSqlite(databasePath);
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

describe('ita agencies', () => {
  it('dry-runs by default, applies in one go, then reports renamed, moved and unchanged', async () => {
    const csv = file('agencies.csv', [HEADER, ...ROWS]);
    const dry = capture();
    expect(await runAgencies(['import', csv], dry.io, { databasePath })).toBe(0);
    expect(dry.out.join('\n')).toContain('เพิ่มใหม่ 3');
    expect(dry.out.join('\n')).toContain('ยังไม่ได้บันทึก');
    expect(await withDb((db) => listAgencies(db, 'tak'))).toEqual([]);

    const apply = capture();
    expect(await runAgencies(['import', csv, '--apply'], apply.io, { databasePath })).toBe(0);
    const pao = await withDb((db) =>
      db.kysely.selectFrom('agencies').selectAll().where('id', '=', 'tak-pao').executeTakeFirst(),
    );
    expect(pao).toMatchObject({
      province_id: 'tak',
      type: 'pao',
      staff_count: 320,
      itas_code: 'T-001',
      district: 'เมืองตาก',
    });
    const audit = await withDb((db) => listAudit(db, { subjectType: 'province', subjectId: 'tak' }));
    expect(audit[0]).toMatchObject({ actor: 'cli', action: 'agencies.import', detail: { added: 3 } });

    const changed = file('changed.csv', [
      HEADER,
      ROWS[0] ?? '',
      'tak,ตาก,tak-pao,องค์การบริหารส่วนจังหวัดตาก (ใหม่),อบจ.ตาก,อบจ.,เมืองตาก,,320,T-001',
      'tak,ตาก,mae-sot-town,เทศบาลนครแม่สอด,,เทศบาล,แม่สอด,tak-office,410,',
    ]);
    const second = capture();
    expect(await runAgencies(['import', changed], second.io, { databasePath })).toBe(0);
    const text = second.out.join('\n');
    expect(text).toContain('เปลี่ยนชื่อ  tak-pao');
    expect(text).toContain('ย้ายอำเภอหรือต้นสังกัด  mae-sot-town');
    expect(text).toContain('เพิ่มใหม่ 0 · เปลี่ยนชื่อ 1 · ย้ายอำเภอหรือต้นสังกัด 1 · แก้ไขข้อมูลอื่น 0 · ไม่เปลี่ยนแปลง 1');

    const list = capture();
    expect(await runAgencies(['list'], list.io, { databasePath })).toBe(0);
    expect(list.out[0]).toBe('จังหวัดตาก (tak): 3 หน่วยงาน');
  });

  it('names every bad row by line and column and writes nothing', async () => {
    const csv = file('bad.csv', [
      HEADER,
      ROWS[0] ?? '',
      'tak,ตาก,Tak PAO,องค์การบริหารส่วนจังหวัดตาก,,ดาวอังคาร,,,-3,',
      'tak,ตาก,tak-office,ซ้ำ,,อบต.,,nowhere,,',
    ]);
    const { io, err } = capture();
    expect(await runAgencies(['import', csv, '--apply'], io, { databasePath })).toBe(2);
    const text = err.join('\n');
    expect(text).toContain('บรรทัด 3 คอลัมน์ "รหัสหน่วยงาน"');
    expect(text).toContain('บรรทัด 3 คอลัมน์ "ประเภท"');
    expect(text).toContain('บรรทัด 3 คอลัมน์ "จำนวนบุคลากร"');
    expect(text).toContain('บรรทัด 4 คอลัมน์ "รหัสหน่วยงาน": รหัสหน่วยงาน "tak-office" ซ้ำกับบรรทัด 2');
    expect(text).toContain('ยังไม่ได้บันทึกข้อมูลใด ๆ');
    expect(await withDb((db) => db.kysely.selectFrom('provinces').selectAll().execute())).toEqual([]);
  });

  it('writes an Excel template that imports as it is, with English headers accepted too', async () => {
    const xlsx = join(dir, 'template.xlsx');
    const t = capture();
    expect(await runAgencies(['template', '--out', xlsx], t.io, { databasePath })).toBe(0);
    expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
    const run = capture();
    expect(await runAgencies(['import', xlsx, '--apply'], run.io, { databasePath })).toBe(0);
    expect(await withDb((db) => findAgencyById(db, 'tak-pao'))).toMatchObject({
      nameTh: 'องค์การบริหารส่วนจังหวัดตาก',
    });
    const english = file('en.csv', [
      'province,agency_id,name_th,type,district',
      'tak,tak-sao-1,อบต.หนึ่ง,sao,เมืองตาก',
    ]);
    expect(await runAgencies(['import', english, '--apply'], capture().io, { databasePath })).toBe(0);
    expect(await withDb((db) => findAgencyById(db, 'tak-sao-1'))).toMatchObject({ type: 'sao' });
  });

  it("`ita demo` refuses a database that holds the province's own agencies", async () => {
    expect(
      await runAgencies(['import', file('a.csv', [HEADER, ...ROWS]), '--apply'], capture().io, {
        databasePath,
      }),
    ).toBe(0);
    const { io, err } = capture();
    expect(await runDemo([], io, { databasePath })).toBe(2);
    expect(err.join('\n')).toContain('มีข้อมูลจริงอยู่แล้ว');
    expect(await withDb((db) => findAgencyById(db, 'nakhon-rangsit'))).toBeUndefined();
    // An empty or demo-only database still takes the demo.
    expect(await runDemo([], capture().io, { databasePath: join(dir, 'demo.sqlite') })).toBe(0);
  });
});

describe('ita settings and holidays', () => {
  it('sets through the app schema, exits 2 naming the key and what is allowed, and audits each change', async () => {
    const bad = capture();
    expect(await runSettings(['set', 'complaintCloseDays', 'soon'], bad.io, { databasePath })).toBe(2);
    expect(bad.err[0]).toContain('complaintCloseDays');
    expect(bad.err[0]).toContain('จำนวนเต็ม 1–365');
    const unknown = capture();
    expect(await runSettings(['set', 'noSuchThing', '1'], unknown.io, { databasePath })).toBe(2);
    const ok = capture();
    expect(await runSettings(['set', 'reminderDaysBefore', '5,2,0'], ok.io, { databasePath })).toBe(0);
    expect(await withDb(loadSettings)).toMatchObject({ reminderDaysBefore: [5, 2, 0] });
    const get = capture();
    expect(await runSettings(['get', 'reminderDaysBefore'], get.io, { databasePath })).toBe(0);
    expect(get.out).toEqual(['[5,2,0]']);
    const list = capture();
    expect(await runSettings(['list'], list.io, { databasePath })).toBe(0);
    expect(list.out.some((l) => l.startsWith('complaintsPerHour = 3'))).toBe(true);
    const [entry] = await withDb((db) =>
      listAudit(db, { subjectType: 'setting', subjectId: 'reminderDaysBefore' }),
    );
    expect(entry).toMatchObject({
      actor: 'cli',
      action: 'settings.change',
      detail: { old: [7, 3, 1, 0], new: [5, 2, 0] },
    });
    expect(Number.isNaN(Date.parse(entry?.at ?? ''))).toBe(false);
  });

  it('lists the shipped holidays of a Buddhist-era year with names, adds and removes days', async () => {
    const list = capture();
    expect(await runHolidays(['list', '--year', '2570'], list.io, { databasePath })).toBe(0);
    expect(list.out.join('\n')).toContain('2027-04-13');
    expect(list.out.join('\n')).toContain('วันสงกรานต์');
    expect(await runHolidays(['add', '2028-01-02', 'วันหยุดพิเศษ'], capture().io, { databasePath })).toBe(0);
    expect(await runHolidays(['remove', '2027-12-31'], capture().io, { databasePath })).toBe(0);
    const after = capture();
    expect(await runHolidays(['list', '--year', '2571'], after.io, { databasePath })).toBe(0);
    expect(after.out.join('\n')).toContain('2028-01-02');
    const s = await withDb(loadSettings);
    expect(s).toMatchObject({
      extraHolidays: ['2028-01-02'],
      removedHolidays: ['2027-12-31'],
      holidayNames: { '2028-01-02': 'วันหยุดพิเศษ' },
    });
    expect(await runHolidays(['add', '2028-13-40', 'x'], capture().io, { databasePath })).toBe(2);
  });
});

describe("the reminder to enter next year's holidays", () => {
  it('starts 60 days before the last known year ends, once a week, in working hours, to coordinators', async () => {
    const coordinator = `U${'a'.repeat(32)}`;
    await withDb(async (db) => {
      await runAgencies(['import', file('a.csv', [HEADER, ...ROWS]), '--apply'], capture().io, {
        databasePath,
      });
      await grantRole(
        db,
        { userId: coordinator, role: 'coordinator', provinceId: 'tak', grantedBy: 'test' },
        new Date(),
      );
      const deps = { db } as unknown as Deps;
      const settings = await loadSettings(db);
      const at = (iso: string) => new Date(iso);
      expect(await remindHolidaysDue(deps, at('2027-10-29T09:00:00+07:00'), settings)).toBe(0); // 63 days before
      expect(await remindHolidaysDue(deps, at('2027-11-02T07:00:00+07:00'), settings)).toBe(0); // before hours
      expect(await remindHolidaysDue(deps, at('2027-11-02T09:00:00+07:00'), settings)).toBe(1);
      expect(await remindHolidaysDue(deps, at('2027-11-04T10:00:00+07:00'), settings)).toBe(0); // same week
      expect(await remindHolidaysDue(deps, at('2027-11-06T10:00:00+07:00'), settings)).toBe(0); // Saturday
      expect(await remindHolidaysDue(deps, at('2027-11-08T10:00:00+07:00'), settings)).toBe(1); // next week
      const queued = await db.kysely.selectFrom('outbox').select(['recipient', 'messages']).execute();
      expect(queued.map((q) => q.recipient)).toEqual([coordinator, coordinator]);
      expect(queued[0]?.messages).toContain('2571');
    });
  });
});

describe('keys and backup', () => {
  it('re-seals every complaint identity in one batch, audited, and keeps "my complaints" working', async () => {
    const oldKey = Buffer.alloc(32, 3).toString('base64');
    const newKey = Buffer.alloc(32, 4).toString('base64');
    const reporter = `U${'b'.repeat(32)}`;
    await runAgencies(['import', file('a.csv', [HEADER, ...ROWS]), '--apply'], capture().io, {
      databasePath,
    });
    await withDb(async (db) => {
      const crypto = createComplaintCrypto(oldKey);
      const log = { info: () => {}, warn: () => {}, error: () => {} };
      const deps = {
        db,
        complaintCrypto: crypto,
        log,
        publicBaseUrl: 'https://x.example',
        liff: {},
      } as unknown as Deps;
      await verifyComplaintKey(db, crypto, new Date());
      const filed = await fileComplaint(
        deps,
        {
          provinceId: 'tak',
          channel: 'liff',
          userId: reporter,
          intakeKey: 'k-1',
          type: 'service',
          agencyId: 'tak-pao',
          description: 'รอรับบริการนานกว่าสามชั่วโมงโดยไม่มีเจ้าหน้าที่ให้ข้อมูล',
          identityMode: 'named',
          name: 'สมศรี มีสุข',
          phone: '0812345678',
        },
        new Date(),
        { complaintsPerHour: 3 },
      );
      expect(filed.kind).toBe('filed');
      const { io, out } = capture();
      expect(await rotateKeys(db, io, { current: oldKey, next: newKey })).toBe(0);
      expect(out[0]).toContain('เรื่องร้องเรียน 1 เรื่อง');
      const row = await db.kysely.selectFrom('complaints').selectAll().executeTakeFirstOrThrow();
      const fresh = createComplaintCrypto(newKey);
      expect(JSON.parse(await fresh.open(row.identity_cipher ?? ''))).toEqual({
        name: 'สมศรี มีสุข',
        phone: '0812345678',
      });
      await expect(crypto.open(row.identity_cipher ?? '')).rejects.toThrow();
      expect(await listMyComplaints({ ...deps, complaintCrypto: fresh }, reporter)).toHaveLength(1);
      await expect(verifyComplaintKey(db, crypto, new Date())).rejects.toThrow(/COMPLAINT_KEY/);
      expect(await verifyComplaintKey(db, fresh, new Date())).toBe('ok');
      const [audit] = await listAudit(db, { subjectType: 'complaint_key' });
      expect(audit).toMatchObject({ action: 'complaint.key_rotate', detail: { complaints: 1 } });
    });
  });

  it('copies the database with SQLite online backup while another connection holds it open', async () => {
    await runAgencies(['import', file('a.csv', [HEADER, ...ROWS]), '--apply'], capture().io, {
      databasePath,
    });
    const live = openSqlite(databasePath);
    try {
      const config = parseConfig({ DATABASE_PATH: databasePath });
      if (!config.ok) throw new Error('config');
      const out = join(dir, 'backup.sqlite');
      const { io, out: lines } = capture();
      expect(await runBackup(['--out', out], io, config.config)).toBe(0);
      expect(lines[0]).toContain(out);
      const copy = openSqlite(out);
      expect(await listAgencies(copy, 'tak')).toHaveLength(3);
      await copy.close();
      expect(await runBackup(['--out', out], capture().io, config.config)).toBe(2);
      expect(existsSync(out)).toBe(true);
    } finally {
      await live.close();
    }
  });
});
