// `ita roles …`: grant, revoke and list roles, and issue group bind codes, from the operator's shell.
import { formatThaiDate } from '../../../../core/index.ts';
import type { Db } from '../../../../db/db.ts';
import { findAgencyById } from '../../../../db/queries/agencies.ts';
import { findProvinceById } from '../../../../db/queries/provinces.ts';
import { listRoles } from '../../../../db/queries/user-roles.ts';
import type { Role } from '../../../../db/schema.ts';
import { issueCode } from '../../../features/groups/codes.ts';
import { readUserId } from '../../../features/roles/args.ts';
import { applyRoleChange, describeRole } from '../../../features/roles/changes.ts';
import { homeProvinceId } from '../../../line/chat/who.ts';
import { type CommandIo, type DatabaseEnv, EXIT_FAILED, openDatabase } from './migrate.ts';

const USAGE = [
  'วิธีใช้:',
  '  npm run ita -- roles grant <userId> coordinator|staff|officer [--agency <id>] [--province <id>]',
  '  npm run ita -- roles revoke <userId> coordinator|staff|officer [--agency <id>] [--province <id>]',
  '  npm run ita -- roles list <userId>',
  '  npm run ita -- roles bindcode --agency <id> [--kind staff|officers]',
  '  npm run ita -- roles bindcode --kind officers [--province <id>]   (กลุ่มเจ้าหน้าที่รับเรื่องของจังหวัด)',
  'ไม่ระบุ --province: ใช้จังหวัดของระบบนี้',
].join('\n');

const ROLES: readonly Role[] = ['coordinator', 'staff', 'officer'];
const SUBCOMMANDS = new Set(['grant', 'revoke', 'list', 'roles', 'bindcode']);
const OPTIONS = new Set(['agency', 'kind', 'province']);

interface Parsed {
  words: string[];
  options: Map<string, string>;
}

/** Words and `--name value` options, or why they cannot be read (a value missing, an unknown option). */
function parseArgs(args: readonly string[]): Parsed | string {
  const words: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (!arg.startsWith('--')) {
      words.push(arg);
      continue;
    }
    const value = args[i + 1];
    if (value === undefined || value.startsWith('--')) return `ต้องระบุค่าหลัง ${arg}`;
    options.set(arg.slice(2), value);
    i++;
  }
  const unknown = [...options.keys()].find((k) => !OPTIONS.has(k));
  return unknown === undefined ? { words, options } : `ไม่รู้จักตัวเลือก --${unknown}`;
}

/** The agency named by --agency (must exist) and its province, else --province or the deployment's own. */
async function placeOf(db: Db, options: Map<string, string>) {
  const agencyId = options.get('agency');
  const provinceId = options.get('province');
  if (agencyId !== undefined) {
    const agency = await findAgencyById(db, agencyId);
    if (agency === undefined) return `ไม่พบหน่วยงาน "${agencyId}"`;
    if (provinceId !== undefined && provinceId !== agency.provinceId)
      return `หน่วยงาน "${agencyId}" อยู่ในจังหวัด "${agency.provinceId}" ไม่ใช่ "${provinceId}"`;
    return { provinceId: agency.provinceId, agencyId: agency.id };
  }
  if (provinceId !== undefined)
    return (await findProvinceById(db, provinceId)) === undefined
      ? `ไม่พบจังหวัด "${provinceId}"`
      : { provinceId, agencyId: null };
  const home = await homeProvinceId(db);
  return home === undefined
    ? 'ยังไม่มีจังหวัดในฐานข้อมูล (รัน npm run ita -- demo หรือตั้งค่าก่อน)'
    : { provinceId: home, agencyId: null };
}

async function changeRole(
  db: Db,
  change: 'grant' | 'revoke',
  p: Parsed,
  io: CommandIo,
): Promise<number | string> {
  const [, user = '', roleWord = ''] = p.words;
  const userId = readUserId(user);
  if (userId === undefined) return `รหัสผู้ใช้ "${user}" ไม่ถูกต้อง (U ตามด้วยเลขฐานสิบหก 32 ตัว)`;
  const role = ROLES.find((r) => r === roleWord);
  if (role === undefined) return 'สิทธิ์ต้องเป็น coordinator, staff หรือ officer';
  const agencyId = p.options.get('agency');
  if (role === 'staff' && agencyId === undefined) return 'สิทธิ์ staff ต้องระบุ --agency <id>';
  if (role === 'coordinator' && agencyId !== undefined)
    return 'สิทธิ์ coordinator เป็นของทั้งจังหวัด ไม่ต้องระบุ --agency';
  const place = await placeOf(db, p.options);
  if (typeof place === 'string') return place;
  const scope = { userId, role, ...place };
  const outcome = await applyRoleChange(db, change, scope, 'cli', new Date());
  if (outcome === 'last') return 'ถอนไม่ได้: เป็นผู้ประสานงานคนสุดท้ายของจังหวัด ให้สิทธิ์คนใหม่ก่อน';
  const what = await describeRole(db, scope);
  const verb = change === 'grant' ? 'ให้สิทธิ์' : 'ถอนสิทธิ์';
  io.out(
    outcome
      ? `${verb} ${what} ของ ${userId} แล้ว`
      : `ไม่มีการเปลี่ยนแปลง: ${userId} ${change === 'grant' ? 'มี' : 'ไม่มี'}สิทธิ์ ${what} อยู่แล้ว`,
  );
  return 0;
}

async function listUserRoles(db: Db, p: Parsed, io: CommandIo): Promise<number | string> {
  const userId = readUserId(p.words[1] ?? '');
  if (userId === undefined) return `รหัสผู้ใช้ "${p.words[1] ?? ''}" ไม่ถูกต้อง`;
  const roles = await listRoles(db, userId);
  if (roles.length === 0) io.out(`${userId} ยังไม่มีสิทธิ์ใด`);
  for (const role of roles)
    io.out(`${await describeRole(db, role)}  (${role.role}${role.agencyId ? ` ${role.agencyId}` : ''})`);
  return 0;
}

async function bindCode(db: Db, p: Parsed, io: CommandIo): Promise<number | string> {
  const kind = p.options.get('kind') ?? 'staff';
  if (kind !== 'staff' && kind !== 'officers') return '--kind ต้องเป็น staff หรือ officers';
  const agencyId = p.options.get('agency');
  if (kind === 'staff' && agencyId === undefined) return 'ต้องระบุ --agency <id> ของหน่วยงานที่จะผูกกลุ่ม';
  const place = await placeOf(db, p.options);
  if (typeof place === 'string') return place;
  const now = new Date();
  const code = await issueCode(db, { ...place, kind, createdBy: 'cli' }, now);
  const until = formatThaiDate(new Date(code.expiresAt), 'short', { time: true });
  io.out(`รหัสผูกกลุ่ม: ${code.code}  (ใช้ได้ครั้งเดียว ถึง ${until})`);
  io.out(`ให้สมาชิกพิมพ์ในกลุ่ม LINE: ผูกกลุ่ม ${code.code}`);
  return 0;
}

/** `args` are what follows `roles`: a subcommand and its arguments. Exit 0, or 2 with one line on stderr. */
export async function runRoles(args: readonly string[], io: CommandIo, env: DatabaseEnv): Promise<number> {
  const parsed = parseArgs(args);
  const sub = typeof parsed === 'string' ? undefined : parsed.words[0];
  if (typeof parsed === 'string' || sub === undefined || !SUBCOMMANDS.has(sub)) {
    io.err(typeof parsed === 'string' ? `ข้อผิดพลาด: ${parsed}` : USAGE);
    return EXIT_FAILED;
  }
  const db = openDatabase(env, io);
  if (db === undefined) return EXIT_FAILED;
  try {
    const outcome =
      sub === 'grant' || sub === 'revoke'
        ? await changeRole(db, sub, parsed, io)
        : sub === 'bindcode'
          ? await bindCode(db, parsed, io)
          : await listUserRoles(db, parsed, io);
    if (typeof outcome === 'string') io.err(`ข้อผิดพลาด: ${outcome}`);
    return typeof outcome === 'string' ? EXIT_FAILED : outcome;
  } finally {
    await db.close();
  }
}
