// `ita agencies import FILE [--apply] | template [--out FILE] | list [--province ID]`: the province's own agency
// list from a CSV or Excel file (issue 14 §1). A dry run by default; --apply writes it in one transaction.
import { readFile, writeFile } from 'node:fs/promises';
import type { Db } from '../../../../db/db.ts';
import { listAgencies } from '../../../../db/queries/agencies.ts';
import { listProvinces } from '../../../../db/queries/provinces.ts';
import {
  applyRegistryPlan,
  CHANGE_LABELS,
  type ChangeKind,
  checkRegistryFile,
  registryTemplateRows,
} from '../../../features/agencies/registry-import.ts';
import { agencyTypeLabel } from '../../../features/scores/agency-types.ts';
import { writeCsv, writeXlsx } from '../../../features/scores/table.ts';
import { homeProvinceId } from '../../../line/chat/who.ts';
import { type CommandIo, type DatabaseEnv, EXIT_FAILED, parseArgs, withDatabase } from './with-db.ts';

const USAGE = [
  'วิธีใช้:',
  '  npm run ita -- agencies template [--out agencies.xlsx|agencies.csv]   แบบฟอร์มรายชื่อหน่วยงาน',
  '  npm run ita -- agencies import FILE [--apply]   ตรวจไฟล์ CSV/Excel (ไม่บันทึก); --apply บันทึกทั้งหมดในครั้งเดียว',
  '  npm run ita -- agencies list [--province <id>]   รายชื่อหน่วยงานในระบบ',
].join('\n');

const KINDS: readonly ChangeKind[] = ['added', 'renamed', 'moved', 'changed', 'unchanged'];

/** Reads the file, checks it, prints the plan and (with apply) writes it. */
export async function importAgencies(
  db: Db,
  io: CommandIo,
  file: { name: string; bytes: Uint8Array },
  apply: boolean,
  now = new Date(),
): Promise<number | string> {
  const check = await checkRegistryFile(db, file.name, file.bytes);
  if (!check.ok) {
    if (check.message !== undefined) io.err(`ข้อผิดพลาด: ${check.message}`);
    for (const issue of check.issues) io.err(`บรรทัด ${issue.line} คอลัมน์ "${issue.column}": ${issue.message}`);
    if (check.issues.length > 0) io.err(`พบข้อผิดพลาด ${check.issues.length} รายการ ยังไม่ได้บันทึกข้อมูลใด ๆ`);
    return EXIT_FAILED;
  }
  const { plan } = check;
  for (const p of plan.newProvinces) io.out(`จังหวัดใหม่: ${p.id} (${p.nameTh})`);
  for (const change of plan.changes) {
    if (change.kind === 'unchanged') continue;
    const detail = change.before === undefined ? '' : `: ${change.before} → ${change.after}`;
    io.out(`${CHANGE_LABELS[change.kind]}  ${change.id}  ${change.nameTh}${detail}`);
  }
  io.out(KINDS.map((k) => `${CHANGE_LABELS[k]} ${plan.counts[k]}`).join(' · '));
  if (!apply) {
    io.out('ยังไม่ได้บันทึก (ตรวจอย่างเดียว): สั่งอีกครั้งพร้อม --apply เพื่อบันทึก');
    return 0;
  }
  await applyRegistryPlan(db, plan, 'cli', now);
  io.out(`บันทึกรายชื่อหน่วยงาน ${plan.rows.length} แห่งแล้ว`);
  return 0;
}

async function listCommand(
  db: Db,
  io: CommandIo,
  provinceOption: string | undefined,
): Promise<number | string> {
  const provinceId = provinceOption ?? (await homeProvinceId(db));
  if (provinceId === undefined) return 'ยังไม่มีจังหวัดในฐานข้อมูล (นำเข้ารายชื่อหน่วยงานก่อน)';
  const provinces = await listProvinces(db);
  const province = provinces.find((p) => p.id === provinceId);
  if (province === undefined) return `ไม่พบจังหวัด "${provinceId}"`;
  const agencies = await listAgencies(db, provinceId);
  io.out(`จังหวัด${province.nameTh} (${province.id}): ${agencies.length} หน่วยงาน`);
  for (const a of agencies) {
    const parts = [a.id, a.nameTh, agencyTypeLabel(a.type), a.district ?? '-', a.parentId ?? '-'];
    io.out(parts.join('\t'));
  }
  return 0;
}

export async function runAgencies(args: readonly string[], io: CommandIo, env: DatabaseEnv): Promise<number> {
  const parsed = parseArgs(args, ['apply', 'help'], ['out', 'province']);
  if (typeof parsed === 'string') {
    io.err(`ข้อผิดพลาด: ${parsed}`);
    io.err(USAGE);
    return EXIT_FAILED;
  }
  const [sub, path] = parsed.words;
  if (parsed.flags.has('help')) {
    io.out(USAGE);
    return 0;
  }
  if (sub === 'template') {
    const out = parsed.options.get('out');
    const rows = registryTemplateRows();
    if (out === undefined) {
      io.out(
        writeCsv(rows)
          .replace(/^\uFEFF/, '')
          .trimEnd(),
      );
      return 0;
    }
    await writeFile(out, /\.xlsx$/i.test(out) ? writeXlsx('หน่วยงาน', rows) : writeCsv(rows));
    io.out(`เขียนแบบฟอร์มไว้ที่ ${out} แล้ว: กรอกหนึ่งหน่วยงานต่อหนึ่งแถว แล้วสั่ง npm run ita -- agencies import ${out}`);
    return 0;
  }
  if (sub === 'import') {
    if (path === undefined) {
      io.err(`ข้อผิดพลาด: ต้องระบุไฟล์ — ${USAGE}`);
      return EXIT_FAILED;
    }
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(path));
    } catch {
      io.err(`ข้อผิดพลาด: อ่านไฟล์ "${path}" ไม่ได้`);
      return EXIT_FAILED;
    }
    return withDatabase(env, io, (db) =>
      importAgencies(db, io, { name: path, bytes }, parsed.flags.has('apply')),
    );
  }
  if (sub === 'list')
    return withDatabase(env, io, (db) => listCommand(db, io, parsed.options.get('province')));
  io.err(USAGE);
  return EXIT_FAILED;
}
