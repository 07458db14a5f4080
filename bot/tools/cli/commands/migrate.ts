// `ita migrate`: opens (creating) the SQLite file at DATABASE_PATH — or with `--workers` the Worker's D1 — and
// applies the migrations it lacks. openDatabase is the one place every command opens its database.
import type { Db } from '../../../../db/db.ts';
import { openSqlite } from '../../../../db/sqlite.ts';
import type { PhotoStore } from '../../../features/complaints/photo-store.ts';
import { openWorkersDb, type WorkersTarget } from '../workers-db.ts';

export interface CommandIo {
  out(line: string): void;
  err(line: string): void;
}

export interface DatabaseEnv {
  databasePath: string;
  /** `--workers` (with `--persist-to DIR` or `--remote`): the Worker's D1 instead of the SQLite file. */
  workers?: WorkersTarget;
}

/** A database a command opened: migrated, with what this open applied, and where it is. */
export interface OpenedDb extends Db {
  readonly migrationsApplied: readonly string[];
  /** The Worker's photo bucket, when the command opened the Worker's database and it has one. */
  readonly photoStore?: PhotoStore;
  /** For the operator: the SQLite file, or the D1 database and its state. */
  readonly label: string;
}

/** Exit code for bad usage or a database that cannot be opened, written or migrated. */
export const EXIT_FAILED = 2;

const USAGE = 'วิธีใช้: npm run ita -- migrate  (ฐานข้อมูลที่ DATABASE_PATH หรือ D1 ของ Worker เมื่อระบุ --workers)';

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

/** Opens and migrates the database (the SQLite file, or the Worker's D1), or prints why it could not. */
export async function openDatabase(env: DatabaseEnv, io: CommandIo): Promise<OpenedDb | undefined> {
  if (env.workers !== undefined) {
    const where = env.workers.remote ? 'D1 (--remote)' : `D1 (${env.workers.persistTo ?? '.wrangler/state'})`;
    try {
      const opened = await openWorkersDb(env.workers);
      return {
        ...opened.db,
        kysely: opened.db.kysely,
        dialect: opened.db.dialect,
        batch: opened.db.batch,
        close: opened.close,
        migrationsApplied: opened.migrationsApplied,
        photoStore: opened.photoStore,
        label: opened.label,
      };
    } catch (error) {
      io.err(databaseFailure(where, error));
      return undefined;
    }
  }
  try {
    const db = openSqlite(env.databasePath);
    return Object.assign(db, { label: env.databasePath });
  } catch (error) {
    io.err(databaseFailure(env.databasePath, error));
    return undefined;
  }
}

/** The line saying what this open did to the schema. */
export function migrationLine(db: OpenedDb): string {
  return db.migrationsApplied.length === 0
    ? 'ฐานข้อมูลเป็นปัจจุบันแล้ว'
    : `ปรับโครงสร้างฐานข้อมูลแล้ว: ${db.migrationsApplied.join(', ')}`;
}

/**
 * For a command that takes no arguments: the exit code when `args` ask for its usage (0) or give it something
 * (2, saying what), else undefined — go on.
 */
export function noArguments(
  command: string,
  args: readonly string[],
  usage: string,
  io: CommandIo,
): number | undefined {
  const [first] = args;
  if (first === '--help' || first === '-h') {
    io.out(usage);
    return 0;
  }
  if (first === undefined) return undefined;
  io.err(`ข้อผิดพลาด: คำสั่ง ${command} ไม่รับอาร์กิวเมนต์ "${first}" — ${usage}`);
  return EXIT_FAILED;
}

/** Runs the command; returns the exit code (0 done, 2 bad usage or a database that cannot be migrated). */
export async function runMigrate(args: string[], io: CommandIo, env: DatabaseEnv): Promise<number> {
  const refused = noArguments('migrate', args, USAGE, io);
  if (refused !== undefined) return refused;
  const db = await openDatabase(env, io);
  if (db === undefined) return EXIT_FAILED;
  try {
    io.out(`ฐานข้อมูล: ${db.label}`);
    io.out(migrationLine(db));
    return 0;
  } finally {
    await db.close();
  }
}
