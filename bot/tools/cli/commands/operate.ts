// Running it (issue 14 §3, §5): `ita keys rotate` (COMPLAINT_KEY → COMPLAINT_KEY_NEW), `ita backup --out FILE`
// (SQLite's online backup, safe while the server runs) and `ita status` (what /healthz reports).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { formatThaiDate } from '../../../../core/index.ts';
import type { Db } from '../../../../db/db.ts';
import { backupSqliteFile } from '../../../../db/sqlite.ts';
import type { Config } from '../../../config.ts';
import { ComplaintKeyError, createComplaintCrypto } from '../../../features/complaints/crypto.ts';
import { rotateComplaintKey } from '../../../features/complaints/key-check.ts';
import { readAppStatus } from '../../../features/health/status.ts';
import { type CommandIo, EXIT_FAILED, parseArgs, withDatabase } from './with-db.ts';

const KEY_FORMAT = /^[A-Za-z0-9+/]{43}=$/;

/** COMPLAINT_KEY, else local mode's key file next to the database; where it came from (to update the file). */
function currentKey(config: Config): { key: string; file?: string } | undefined {
  if (config.complaintKey !== undefined) return { key: config.complaintKey };
  if (config.databasePath === ':memory:') return undefined;
  const file = join(dirname(config.databasePath), 'complaint.key');
  return existsSync(file) ? { key: readFileSync(file, 'utf8').trim(), file } : undefined;
}

export async function rotateKeys(
  db: Db,
  io: CommandIo,
  keys: { current: string; next: string },
  now = new Date(),
): Promise<number | string> {
  try {
    const outcome = await rotateComplaintKey(
      db,
      createComplaintCrypto(keys.current),
      createComplaintCrypto(keys.next),
      'cli',
      now,
    );
    io.out(
      `เข้ารหัสข้อมูลผู้ร้องเรียนด้วยกุญแจใหม่แล้ว: เรื่องร้องเรียน ${outcome.complaints} เรื่อง ร่างที่ค้างอยู่ ${outcome.drafts} รายการ`,
    );
    return 0;
  } catch (error) {
    if (error instanceof ComplaintKeyError) return `COMPLAINT_KEY: ${error.message}`;
    throw error;
  }
}

export async function runKeys(
  args: readonly string[],
  io: CommandIo,
  config: Config,
  env: NodeJS.ProcessEnv,
): Promise<number> {
  if (args[0] !== 'rotate' || args.length > 1) {
    io.err('วิธีใช้: COMPLAINT_KEY_NEW="$(openssl rand -base64 32)" npm run ita -- keys rotate');
    return EXIT_FAILED;
  }
  const current = currentKey(config);
  if (current === undefined) {
    io.err('ข้อผิดพลาด: COMPLAINT_KEY: ต้องตั้งค่ากุญแจปัจจุบัน');
    return EXIT_FAILED;
  }
  const next = env.COMPLAINT_KEY_NEW?.trim() ?? '';
  if (!KEY_FORMAT.test(next)) {
    io.err('ข้อผิดพลาด: COMPLAINT_KEY_NEW: ต้องเป็นกุญแจ 32 ไบต์แบบ base64 (openssl rand -base64 32)');
    return EXIT_FAILED;
  }
  if (next === current.key) {
    io.err('ข้อผิดพลาด: COMPLAINT_KEY_NEW ต้องไม่ซ้ำกับ COMPLAINT_KEY');
    return EXIT_FAILED;
  }
  const code = await withDatabase({ databasePath: config.databasePath }, io, (db) =>
    rotateKeys(db, io, { current: current.key, next }),
  );
  if (code !== 0) return code;
  if (current.file !== undefined) {
    writeFileSync(current.file, `${next}\n`, { mode: 0o600 });
    io.out(`เขียนกุญแจใหม่ลง ${current.file} แล้ว`);
  } else {
    io.out('ตั้ง COMPLAINT_KEY เป็นค่าของ COMPLAINT_KEY_NEW ก่อนเริ่มระบบครั้งถัดไป: กุญแจเดิมจะเริ่มระบบไม่ได้อีก');
  }
  return 0;
}

/** SQLite's online backup API: a consistent copy page by page, while other connections keep writing. */
export async function runBackup(args: readonly string[], io: CommandIo, config: Config): Promise<number> {
  const parsed = parseArgs(args, [], ['out']);
  const out = typeof parsed === 'string' ? undefined : parsed.options.get('out');
  if (typeof parsed === 'string' || out === undefined || parsed.words.length > 0) {
    io.err('วิธีใช้: npm run ita -- backup --out FILE');
    return EXIT_FAILED;
  }
  if (config.databasePath === ':memory:' || !existsSync(config.databasePath)) {
    io.err(`ข้อผิดพลาด: ไม่พบฐานข้อมูลที่ "${config.databasePath}" (DATABASE_PATH)`);
    return EXIT_FAILED;
  }
  if (existsSync(out)) {
    io.err(`ข้อผิดพลาด: มีไฟล์ "${out}" อยู่แล้ว: ระบุชื่อไฟล์ใหม่ (ไม่เขียนทับสำเนาเดิม)`);
    return EXIT_FAILED;
  }
  try {
    const pages = await backupSqliteFile(config.databasePath, out);
    io.out(`สำรองฐานข้อมูลไว้ที่ ${out} แล้ว (${pages} หน้า) — เก็บ COMPLAINT_KEY ไว้คู่กัน`);
    return 0;
  } catch (error) {
    io.err(`ข้อผิดพลาด: สำรองฐานข้อมูลไม่สำเร็จ: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT_FAILED;
  }
}

export async function runStatus(args: readonly string[], io: CommandIo, config: Config): Promise<number> {
  if (args.length > 0) {
    io.err('วิธีใช้: npm run ita -- status [ไม่มีตัวเลือก]');
    return EXIT_FAILED;
  }
  const key = currentKey(config);
  return withDatabase({ databasePath: config.databasePath }, io, async (db) => {
    const s = await readAppStatus(db, createComplaintCrypto(key?.key ?? 'A'.repeat(43).concat('=')));
    const complaintKey =
      key === undefined
        ? 'ไม่ได้ตั้ง COMPLAINT_KEY'
        : { ok: 'ผ่าน', wrong: 'ไม่ผ่าน (กุญแจไม่ตรงกับฐานข้อมูล)', unset: 'ยังไม่บันทึก (ระบบยังไม่เคยเริ่ม)' }[
            s.complaintKey
          ];
    // Times as Thai staff read them (Bangkok, Buddhist era); a stored value that is not a time is shown as it is.
    const when = (iso: string) => {
      const at = new Date(iso);
      return Number.isNaN(at.getTime()) ? iso : formatThaiDate(at, 'short', { time: true });
    };
    io.out(`สถานะ: ${s.status === 'ok' ? 'ปกติ' : 'มีปัญหา'}`);
    io.out(`โครงสร้างฐานข้อมูล: ${s.schemaVersion ?? '-'}`);
    io.out(
      `ข้อความรอส่ง: ${s.outbox.pending} (กำลังส่ง ${s.outbox.sending}, ส่งไม่สำเร็จ ${s.outbox.failed})${s.outbox.oldestPendingAt === null ? '' : ` ค้างตั้งแต่ ${when(s.outbox.oldestPendingAt)}`}`,
    );
    io.out(
      s.sending.paused
        ? `การส่งข้อความ: หยุดไว้ตั้งแต่ ${when(s.sending.since)} เพราะ ${s.sending.reason === 'quota' ? 'โควตาข้อความ LINE หมด' : 'ผู้ดูแลสั่งหยุด'}`
        : 'การส่งข้อความ: เปิดอยู่',
    );
    io.out(
      `ตัวจัดกำหนดเวลาทำงานล่าสุด: ${s.scheduler.finishedAt === null ? 'ยังไม่เคยทำงาน' : when(s.scheduler.finishedAt)}`,
    );
    io.out(`กุญแจเรื่องร้องเรียน (COMPLAINT_KEY): ${complaintKey}`);
    return s.status === 'ok' ? 0 : 1;
  });
}
