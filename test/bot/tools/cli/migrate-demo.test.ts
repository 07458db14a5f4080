// The `migrate` and `demo` CLI commands on a temporary SQLite file: output lines, exit codes, error paths.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runDemo } from '../../../../bot/tools/cli/commands/demo.ts';
import { runMigrate } from '../../../../bot/tools/cli/commands/migrate.ts';
import { readMigrationFiles } from '../../../../db/migration-files.ts';
import { openSqlite } from '../../../../db/sqlite.ts';

const NOW = new Date('2026-11-23T09:00:00.000Z');
const dirs: string[] = [];

function tempPath(name = 'ita.sqlite'): string {
  const dir = mkdtempSync(join(tmpdir(), 'ita-cli-'));
  dirs.push(dir);
  return join(dir, 'data', name);
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

/** A path whose folder cannot be created: one of its parents is a file. */
function blockedPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ita-cli-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'file'), 'not a folder');
  return join(dir, 'file', 'data', 'ita.sqlite');
}

describe('ita migrate', () => {
  it('creates the file, names the migrations it applied, then says it is up to date', async () => {
    const path = tempPath();
    const names = readMigrationFiles().map((f) => f.name);
    const first = capture();
    expect(await runMigrate([], first.io, { databasePath: path })).toBe(0);
    expect(first.out).toContain(`ปรับโครงสร้างฐานข้อมูลแล้ว: ${names.join(', ')}`);
    expect(first.err).toEqual([]);
    const second = capture();
    expect(await runMigrate([], second.io, { databasePath: path })).toBe(0);
    expect(second.out).toContain('ฐานข้อมูลเป็นปัจจุบันแล้ว');
  });

  it('fails with one Thai line and exit 2 when the folder cannot be created', async () => {
    const { io, out, err } = capture();
    expect(await runMigrate([], io, { databasePath: blockedPath() })).toBe(2);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^ข้อผิดพลาด: ใช้ฐานข้อมูล ".*" ไม่ได้: ส่วนหนึ่งของเส้นทางเป็นไฟล์/);
  });

  it('fails on a file that is not a database', async () => {
    const path = tempPath();
    await runMigrate([], capture().io, { databasePath: path });
    writeFileSync(path, 'x'.repeat(4096));
    rmSync(`${path}-wal`, { force: true });
    rmSync(`${path}-shm`, { force: true });
    const { io, err } = capture();
    expect(await runMigrate([], io, { databasePath: path })).toBe(2);
    expect(err).toEqual([expect.stringContaining('ไม่ใช่ฐานข้อมูล SQLite')]);
  });

  it('refuses arguments it does not take, and prints usage for --help', async () => {
    const bad = capture();
    expect(await runMigrate(['now'], bad.io, { databasePath: tempPath() })).toBe(2);
    expect(bad.err).toEqual([expect.stringMatching(/^ข้อผิดพลาด: .*"now"/)]);
    const help = capture();
    expect(await runMigrate(['--help'], help.io, { databasePath: tempPath() })).toBe(0);
    expect(help.out[0]).toMatch(/^วิธีใช้:/);
  });
});

describe('ita demo', () => {
  it('migrates, loads the demo and prints the summary in Thai', async () => {
    const path = tempPath();
    const { io, out, err } = capture();
    expect(await runDemo([], io, { databasePath: path }, NOW)).toBe(0);
    expect(err).toEqual([]);
    expect(out[0]).toMatch(/^ปรับโครงสร้างฐานข้อมูลแล้ว: 0001_init\.sql/);
    expect(out).toContain('ใส่ข้อมูลตัวอย่างจังหวัดปทุมธานี ปีงบประมาณ 2570 เรียบร้อยแล้ว');
    expect(out).toContainEqual(expect.stringMatching(/^\s+30 {2}หน่วยงาน$/));
    expect(out).toContainEqual(expect.stringMatching(/^\s+29 {2}กลุ่ม LINE ที่ผูกกับหน่วยงาน$/));
    const db = openSqlite(path);
    const agencies = await db.kysely.selectFrom('agencies').select('id').execute();
    await db.close();
    expect(agencies).toHaveLength(30);
  });

  it('prints the same summary when run again on the same file', async () => {
    const path = tempPath();
    const first = capture();
    const second = capture();
    await runDemo([], first.io, { databasePath: path }, NOW);
    expect(await runDemo([], second.io, { databasePath: path }, NOW)).toBe(0);
    expect(second.out[0]).toBe('ฐานข้อมูลเป็นปัจจุบันแล้ว');
    expect(second.out.slice(1)).toEqual(first.out.slice(1));
  });

  it('takes the time from --now', async () => {
    const { io, out } = capture();
    expect(await runDemo(['--now', '2024-06-24T09:00:00+07:00'], io, { databasePath: tempPath() })).toBe(0);
    expect(out).toContain('ใส่ข้อมูลตัวอย่างจังหวัดปทุมธานี ปีงบประมาณ 2567 เรียบร้อยแล้ว');
  });

  it.each([
    [['--now'], /--now/],
    [['--now', '2024-06-24 09:00'], /ISO-8601/],
    [['--fast'], /"--fast"/],
  ])('refuses %j with exit 2', async (args, message) => {
    const { io, out, err } = capture();
    expect(await runDemo(args, io, { databasePath: tempPath() }, NOW)).toBe(2);
    expect(out).toEqual([]);
    expect(err).toEqual([expect.stringMatching(message)]);
  });

  it('fails with one Thai line and exit 2 when the database cannot be created', async () => {
    const { io, out, err } = capture();
    expect(await runDemo([], io, { databasePath: blockedPath() }, NOW)).toBe(2);
    expect(out).toEqual([]);
    expect(err).toEqual([expect.stringMatching(/^ข้อผิดพลาด: ใช้ฐานข้อมูล/)]);
  });
});
