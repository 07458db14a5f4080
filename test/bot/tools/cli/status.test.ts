// Issue 14 §5: `npm run ita -- status` run as the operator runs it (a child process of bot/tools/cli/ita.ts on a
// SQLite file): what it prints on an empty database, after set-up with a backlog and a quota pause, and with the
// wrong COMPLAINT_KEY — counts, times and reasons only, never a LINE id or a message.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createComplaintCrypto } from '../../../../bot/features/complaints/crypto.ts';
import { verifyComplaintKey } from '../../../../bot/features/complaints/key-check.ts';
import { pauseOutbox } from '../../../../bot/line/outbox/index.ts';
import { SCHEDULER_LAST_RUN_SETTING } from '../../../../bot/scheduler.ts';
import { readMigrationFiles } from '../../../../db/migration-files.ts';
import { setSetting } from '../../../../db/queries/app-settings.ts';
import { enqueueMessages } from '../../../../db/queries/outbox.ts';
import { openSqlite } from '../../../../db/sqlite.ts';

const ROOT = resolve(import.meta.dirname, '../../../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const KEY = Buffer.alloc(32, 7).toString('base64');
const OTHER_KEY = Buffer.alloc(32, 8).toString('base64');
const CITIZEN = `U${'c'.repeat(32)}`;
const GROUP = `C${'0'.repeat(31)}1`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ita-status-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `npm run ita -- status` with real LINE credentials (the CLI itself never calls LINE for this). */
async function status(databasePath: string, key: string): Promise<{ code: number; out: string }> {
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    DATABASE_PATH: databasePath,
    LINE_CHANNEL_SECRET: 'status-secret',
    LINE_CHANNEL_ACCESS_TOKEN: 'status-token',
    COMPLAINT_KEY: key,
    PUBLIC_BASE_URL: 'https://ita.example.go.th',
  };
  try {
    const { stdout } = await promisify(execFile)(TSX, ['bot/tools/cli/ita.ts', 'status'], { cwd: ROOT, env });
    return { code: 0, out: stdout };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string };
    return { code: failed.code ?? -1, out: failed.stdout ?? '' };
  }
}

const LATEST =
  readMigrationFiles()
    .at(-1)
    ?.name.replace(/\.sql$/, '') ?? '';

describe('ita status', () => {
  it('on an empty database: the schema, nothing waiting, sending on, no scheduler run, no key check yet', async () => {
    const { code, out } = await status(join(dir, 'empty.sqlite'), KEY);
    expect(code).toBe(0);
    expect(out.trim().split('\n')).toEqual([
      'สถานะ: ปกติ',
      `โครงสร้างฐานข้อมูล: ${LATEST}`,
      'ข้อความรอส่ง: 0 (กำลังส่ง 0, ส่งไม่สำเร็จ 0)',
      'การส่งข้อความ: เปิดอยู่',
      'ตัวจัดกำหนดเวลาทำงานล่าสุด: ยังไม่เคยทำงาน',
      'กุญแจเรื่องร้องเรียน (COMPLAINT_KEY): ยังไม่บันทึก (ระบบยังไม่เคยเริ่ม)',
    ]);
  }, 30_000);

  it('after set-up: the backlog and its age, the quota pause and since when, the last run, the key check', async () => {
    const databasePath = join(dir, 'running.sqlite');
    const db = openSqlite(databasePath);
    const queuedAt = new Date('2027-03-01T02:00:00.000Z');
    const pausedAt = new Date('2027-03-01T02:01:00.000Z');
    const ranAt = new Date('2027-03-01T02:02:00.000Z');
    try {
      await verifyComplaintKey(db, createComplaintCrypto(KEY), queuedAt);
      const text = (t: string) => [{ type: 'text' as const, text: t }];
      await enqueueMessages(
        db,
        [
          { kind: 'push', to: CITIZEN, messages: text('เรื่องของท่านมีความคืบหน้า'), sourceKind: 'complaint' },
          { kind: 'push', to: GROUP, messages: text('ประกาศ'), sourceKind: 'broadcast' },
        ],
        queuedAt,
      );
      const log = { info() {}, warn() {}, error() {} };
      await pauseOutbox(
        { db, log },
        { reason: 'quota', detail: 'You have reached your monthly limit.' },
        pausedAt,
      );
      const run = { at: ranAt.toISOString(), finishedAt: ranAt.toISOString() };
      await setSetting(db, SCHEDULER_LAST_RUN_SETTING, run, 'system', ranAt);
    } finally {
      await db.close();
    }
    const { code, out } = await status(databasePath, KEY);
    expect(code).toBe(0);
    expect(out.trim().split('\n')).toEqual([
      'สถานะ: ปกติ',
      `โครงสร้างฐานข้อมูล: ${LATEST}`,
      'ข้อความรอส่ง: 2 (กำลังส่ง 0, ส่งไม่สำเร็จ 0) ค้างตั้งแต่ 1 มี.ค. 2570 09:00 น.',
      'การส่งข้อความ: หยุดไว้ตั้งแต่ 1 มี.ค. 2570 09:01 น. เพราะ โควตาข้อความ LINE หมด',
      'ตัวจัดกำหนดเวลาทำงานล่าสุด: 1 มี.ค. 2570 09:02 น.',
      'กุญแจเรื่องร้องเรียน (COMPLAINT_KEY): ผ่าน',
    ]);
    expect(out).not.toMatch(/[UC][0-9a-f]{32}|ความคืบหน้า|ประกาศ/);

    // Another key does not open the recorded check: status says so and exits 1.
    const wrong = await status(databasePath, OTHER_KEY);
    expect(wrong.code).toBe(1);
    expect(wrong.out).toContain('สถานะ: มีปัญหา');
    expect(wrong.out).toContain('กุญแจเรื่องร้องเรียน (COMPLAINT_KEY): ไม่ผ่าน (กุญแจไม่ตรงกับฐานข้อมูล)');
  }, 30_000);
});
