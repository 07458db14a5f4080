// `ita status`: what the operator needs to see of a deployment — the database, the home province, its
// agencies and bound groups, the coordinators, and while there is none, the first coordinator's one-time code
// (so a Worker, which has no start-up console, shows it here: `npm run ita -- status --workers`); then what
// /healthz reports (issue 14 §5): the outbox backlog, whether sending is paused, the scheduler's last run and
// the complaint key check. Exit code 1 when that is not healthy (a wrong COMPLAINT_KEY).

import { formatThaiDate } from '../../../../core/thai/date-format.ts';
import type { Db } from '../../../../db/db.ts';
import { listAgencies } from '../../../../db/queries/agencies.ts';
import { listBoundGroups } from '../../../../db/queries/line-groups.ts';
import { findProvinceById } from '../../../../db/queries/provinces.ts';
import { listRoleHolders } from '../../../../db/queries/user-roles.ts';
import { createJsonLogger } from '../../../deps.ts';
import { createComplaintCrypto } from '../../../features/complaints/crypto.ts';
import { readAppStatus } from '../../../features/health/status.ts';
import { bootstrapCoordinators } from '../../../features/roles/bootstrap.ts';
import { homeProvinceId } from '../../../line/chat/who.ts';
import {
  type CommandIo,
  type DatabaseEnv,
  EXIT_FAILED,
  migrationLine,
  noArguments,
  openDatabase,
} from './migrate.ts';

export interface StatusEnv extends DatabaseEnv {
  /** ADMIN_LINE_USER_IDS: granted coordinator here as the app does at start. */
  adminLineUserIds: readonly string[];
  /** COMPLAINT_KEY (or local mode's key file), to check against the database's key check value. */
  complaintKey?: string;
  now?: Date;
}

const USAGE = 'วิธีใช้: npm run ita -- status [--workers [--persist-to DIR | --remote]]';

export async function runStatus(args: readonly string[], io: CommandIo, env: StatusEnv): Promise<number> {
  const refused = noArguments('status', args, USAGE, io);
  if (refused !== undefined) return refused;
  const db = await openDatabase(env, io);
  if (db === undefined) return EXIT_FAILED;
  try {
    const now = env.now ?? new Date();
    io.out(`ฐานข้อมูล: ${db.label}`);
    io.out(migrationLine(db));
    const provinceId = await homeProvinceId(db);
    const province = provinceId === undefined ? undefined : await findProvinceById(db, provinceId);
    if (provinceId === undefined || province === undefined) {
      io.out(
        'ยังไม่มีจังหวัด: ตั้ง PROVINCE_ID และ PROVINCE_NAME_TH ให้ระบบ หรือนำเข้ารายชื่อหน่วยงาน (npm run ita -- agencies import FILE --apply)',
      );
      return await printHealth(db, io, env.complaintKey);
    }
    const agencies = await listAgencies(db, provinceId);
    const groups = await listBoundGroups(db, provinceId);
    io.out(
      `จังหวัด: ${province.nameTh} (${provinceId}) · หน่วยงาน ${agencies.length} แห่ง · ผูกกลุ่ม LINE แล้ว ${groups.length} กลุ่ม`,
    );
    const log = createJsonLogger((line) => io.err(line));
    const boot = await bootstrapCoordinators(
      { db, log },
      { adminLineUserIds: env.adminLineUserIds, provinceId },
      now,
    );
    const coordinators = await listRoleHolders(db, { provinceId, role: 'coordinator' });
    io.out(`ผู้ประสานงานจังหวัด: ${coordinators.length} คน`);
    if (boot.claimCode !== undefined) {
      const until =
        boot.claimExpiresAt === undefined
          ? ''
          : ` (ใช้ได้ถึง ${formatThaiDate(new Date(boot.claimExpiresAt), 'short', { time: true })})`;
      io.out(`รหัสรับสิทธิ์ผู้ประสานงานคนแรก: ${boot.claimCode}${until}`);
      io.out(`  พิมพ์ "ผู้ประสานงาน ${boot.claimCode}" ในแชตส่วนตัวกับบัญชี LINE เพื่อรับสิทธิ์ (ใช้ได้ครั้งเดียว)`);
    }
    return await printHealth(db, io, env.complaintKey);
  } finally {
    await db.close();
  }
}

/** The lines of /healthz: outbox, sending, scheduler, schema and key check; 0 when healthy, 1 when not. */
async function printHealth(db: Db, io: CommandIo, key: string | undefined): Promise<number> {
  // Without a key there is nothing to check: a key of zeros only reads the status ("unset" or "wrong").
  const s = await readAppStatus(db, createComplaintCrypto(key ?? 'A'.repeat(43).concat('=')));
  const complaintKey =
    key === undefined
      ? 'ไม่ได้ตรวจ (ไม่ได้ตั้ง COMPLAINT_KEY ที่เครื่องนี้)'
      : { ok: 'ผ่าน', wrong: 'ไม่ผ่าน (กุญแจไม่ตรงกับฐานข้อมูล)', unset: 'ยังไม่บันทึก (ระบบยังไม่เคยเริ่ม)' }[
          s.complaintKey
        ];
  // Without COMPLAINT_KEY here (a Worker keeps it as a secret) the key is not judged, only reported unchecked.
  const healthy = key === undefined ? s.database === 'ok' : s.status === 'ok';
  // Times as Thai staff read them (Bangkok, Buddhist era); a stored value that is not a time is shown as it is.
  const when = (iso: string) => {
    const at = new Date(iso);
    return Number.isNaN(at.getTime()) ? iso : formatThaiDate(at, 'short', { time: true });
  };
  io.out(`สถานะ: ${healthy ? 'ปกติ' : 'มีปัญหา'}`);
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
  return healthy ? 0 : 1;
}
