// `ita migrate`: opens (creating) the SQLite file at DATABASE_PATH and applies the migrations it lacks.
import type { SqliteDb } from '../../../../db/sqlite.ts';
import { openSqlite } from '../../../../db/sqlite.ts';

export interface CommandIo {
  out(line: string): void;
  err(line: string): void;
}

export interface DatabaseEnv {
  databasePath: string;
}

/** Exit code for bad usage or a database that cannot be opened, written or migrated. */
export const EXIT_FAILED = 2;

const USAGE = 'วิธีใช้: npm run ita -- migrate  (ฐานข้อมูลที่ DATABASE_PATH)';

// Node's and SQLite's error codes an operator can act on, in Thai.
const REASONS: Readonly<Record<string, string>> = {
  EACCES: 'ไม่มีสิทธิ์เขียนที่ตำแหน่งนี้',
  EPERM: 'ไม่มีสิทธิ์เขียนที่ตำแหน่งนี้',
  EROFS: 'ระบบไฟล์นี้อ่านได้อย่างเดียว',
  ENOTDIR: 'ส่วนหนึ่งของเส้นทางเป็นไฟล์ ไม่ใช่โฟลเดอร์',
  EEXIST: 'มีไฟล์ชื่อเดียวกับโฟลเดอร์ที่ต้องสร้างอยู่แล้ว',
  EISDIR: 'เส้นทางนี้เป็นโฟลเดอร์ ไม่ใช่ไฟล์',
  ENOSPC: 'พื้นที่ดิสก์เต็ม',
  SQLITE_CANTOPEN: 'เปิดหรือสร้างไฟล์ไม่ได้ (ตรวจสอบว่ามีโฟลเดอร์และมีสิทธิ์เขียน)',
  SQLITE_READONLY: 'ไฟล์ฐานข้อมูลอ่านได้อย่างเดียว',
  SQLITE_NOTADB: 'ไฟล์นี้ไม่ใช่ฐานข้อมูล SQLite',
  SQLITE_CORRUPT: 'ไฟล์ฐานข้อมูลเสียหาย',
  SQLITE_BUSY: 'มีโปรแกรมอื่นกำลังเขียนฐานข้อมูลนี้อยู่ โปรดลองใหม่อีกครั้ง',
  SQLITE_FULL: 'พื้นที่ดิสก์เต็ม',
};

/** One Thai line for a failure on the database at `path`: what failed and, where known, why. */
export function databaseFailure(path: string, error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const known = REASONS[code] ?? REASONS[code.split('_').slice(0, 2).join('_')];
  const reason = known ?? (error instanceof Error ? error.message : String(error));
  return `ข้อผิดพลาด: ใช้ฐานข้อมูล "${path}" ไม่ได้: ${reason}`;
}

/** Opens and migrates the file, or prints why it could not and returns undefined. */
export function openDatabase(env: DatabaseEnv, io: CommandIo): SqliteDb | undefined {
  try {
    return openSqlite(env.databasePath);
  } catch (error) {
    io.err(databaseFailure(env.databasePath, error));
    return undefined;
  }
}

/** The line saying what this open did to the schema. */
export function migrationLine(db: SqliteDb): string {
  return db.migrationsApplied.length === 0
    ? 'ฐานข้อมูลเป็นปัจจุบันแล้ว'
    : `ปรับโครงสร้างฐานข้อมูลแล้ว: ${db.migrationsApplied.join(', ')}`;
}

/** Runs the command; returns the exit code (0 done, 2 bad usage or a database that cannot be migrated). */
export async function runMigrate(args: string[], io: CommandIo, env: DatabaseEnv): Promise<number> {
  const [first] = args;
  if (first === '--help' || first === '-h') {
    io.out(USAGE);
    return 0;
  }
  if (first !== undefined) {
    io.err(`ข้อผิดพลาด: คำสั่ง migrate ไม่รับอาร์กิวเมนต์ "${first}" — ${USAGE}`);
    return EXIT_FAILED;
  }
  const db = openDatabase(env, io);
  if (db === undefined) return EXIT_FAILED;
  try {
    io.out(`ฐานข้อมูล: ${env.databasePath}`);
    io.out(migrationLine(db));
    return 0;
  } finally {
    await db.close();
  }
}
