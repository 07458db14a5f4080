// `ita status`: what the operator needs to see of a deployment — the database, the home province, its
// agencies and bound groups, the coordinators, and while there is none, the first coordinator's one-time code
// (so a Worker, which has no start-up console, shows it here: `npm run ita -- status --workers`).
import { formatThaiDate } from '../../../../core/thai/date-format.ts';
import { listAgencies } from '../../../../db/queries/agencies.ts';
import { listBoundGroups } from '../../../../db/queries/line-groups.ts';
import { countOutboxByState } from '../../../../db/queries/outbox.ts';
import { findProvinceById } from '../../../../db/queries/provinces.ts';
import { listRoleHolders } from '../../../../db/queries/user-roles.ts';
import { createJsonLogger } from '../../../deps.ts';
import { bootstrapCoordinators } from '../../../features/roles/bootstrap.ts';
import { homeProvinceId } from '../../../line/chat/who.ts';
import { type CommandIo, type DatabaseEnv, EXIT_FAILED, migrationLine, openDatabase } from './migrate.ts';

export interface StatusEnv extends DatabaseEnv {
  /** ADMIN_LINE_USER_IDS: granted coordinator here as the app does at start. */
  adminLineUserIds: readonly string[];
  now?: Date;
}

const USAGE = 'วิธีใช้: npm run ita -- status [--workers [--persist-to DIR | --remote]]';

export async function runStatus(args: readonly string[], io: CommandIo, env: StatusEnv): Promise<number> {
  const [first] = args;
  if (first === '--help' || first === '-h') {
    io.out(USAGE);
    return 0;
  }
  if (first !== undefined) {
    io.err(`ข้อผิดพลาด: คำสั่ง status ไม่รับอาร์กิวเมนต์ "${first}" — ${USAGE}`);
    return EXIT_FAILED;
  }
  const db = await openDatabase(env, io);
  if (db === undefined) return EXIT_FAILED;
  try {
    const now = env.now ?? new Date();
    io.out(`ฐานข้อมูล: ${db.label}`);
    io.out(migrationLine(db));
    const provinceId = await homeProvinceId(db);
    const province = provinceId === undefined ? undefined : await findProvinceById(db, provinceId);
    if (provinceId === undefined || province === undefined) {
      io.out('ยังไม่มีจังหวัด: ใส่ข้อมูลจังหวัดและหน่วยงานก่อน (เช่น npm run ita -- demo สำหรับทดลอง)');
      return 0;
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
    const outbox = await countOutboxByState(db);
    io.out(
      `ข้อความรอส่ง ${outbox.pending + outbox.sending} · ส่งแล้ว ${outbox.sent} · ส่งไม่สำเร็จ ${outbox.failed}`,
    );
    return 0;
  } finally {
    await db.close();
  }
}
