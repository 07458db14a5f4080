// `ita framework list | show YEAR [--json] | import FILE`: the fiscal years' frameworks with their evidence,
// and a coordinator's file for a year (the NACC's manual) validated, stored, audited and used at once.
import { readFile } from 'node:fs/promises';
import { FRAMEWORKS, frameworkFor, frameworkNotice, toArabicDigits } from '../../../../core/index.ts';
import {
  checkFrameworkFile,
  fileOfFramework,
  frameworkForYear,
  listStoredFrameworkYears,
  storeFramework,
} from '../../../features/frameworks/framework-file.ts';
import { type CommandIo, type DatabaseEnv, EXIT_FAILED, openDatabase } from './migrate.ts';

const USAGE = [
  'วิธีใช้:',
  '  npm run ita -- framework list                    กรอบการประเมินแต่ละปี พร้อมสถานะยืนยัน',
  '  npm run ita -- framework show <พ.ศ.> [--json]    รายละเอียดกรอบของปีนั้น (ข้อ เกณฑ์ระดับ กลุ่มตัวอย่าง EIT)',
  '  npm run ita -- framework import ไฟล์.json        นำเข้ากรอบของปี (ตรวจความถูกต้อง บันทึก และใช้ทันที)',
].join('\n');

export interface FrameworkEnv extends DatabaseEnv {
  now?: Date;
  readText?: (path: string) => Promise<string>;
  user?: string;
  /** This fiscal year, to list the years up to it. */
  currentYear?: number;
}

export async function runFramework(
  args: readonly string[],
  io: CommandIo,
  env: FrameworkEnv,
): Promise<number> {
  const [command, arg, flag] = args;
  if (command === undefined || command === '--help') {
    io.out(USAGE);
    return command === undefined ? EXIT_FAILED : 0;
  }
  const db = openDatabase(env, io);
  if (db === undefined) return EXIT_FAILED;
  try {
    if (command === 'list') {
      const stored = await listStoredFrameworkYears(db);
      const last = Math.max(env.currentYear ?? 0, ...stored, ...FRAMEWORKS.map((f) => f.toYear));
      for (let year = FRAMEWORKS[0]?.fromYear ?? 2562; year <= last; year++) {
        const framework = await frameworkForYear(db, year);
        if (framework === undefined) continue;
        const where = stored.includes(year) ? 'นำเข้าโดยผู้ประสานงาน' : 'ในระบบ';
        const notice = frameworkNotice(framework, year);
        io.out(`${year}  ${framework.id}  ${where}  ${notice === undefined ? 'ยืนยันแล้ว' : notice}`);
      }
      return 0;
    }
    if (command === 'show') {
      const year = Number(toArabicDigits(arg ?? '').trim());
      const framework = Number.isInteger(year) ? await frameworkForYear(db, year) : undefined;
      if (framework === undefined) {
        io.err(`ข้อผิดพลาด: ไม่มีกรอบการประเมินสำหรับปีงบประมาณ "${arg ?? ''}"`);
        return EXIT_FAILED;
      }
      if (flag === '--json') {
        io.out(JSON.stringify(fileOfFramework(framework, year), null, 2));
        return 0;
      }
      const notice = frameworkNotice(framework, year);
      io.out(
        `กรอบการประเมินปี ${year}: ${framework.id}${framework.source === undefined ? '' : ` (${framework.source})`}`,
      );
      if (notice !== undefined) io.out(notice);
      io.out(
        `น้ำหนัก: ${framework.instruments.map((i) => `${i} ${Math.round(framework.weights[i] * 100)}%`).join(', ')}`,
      );
      for (const rule of framework.levels)
        io.out(
          `ระดับ ${rule.label}: คะแนนรวม ≥ ${rule.minTotal}${rule.minEachInstrument === undefined ? '' : ` และทุกแบบวัด ≥ ${rule.minEachInstrument}`} [${rule.confirmed ? 'ยืนยันแล้ว' : 'ยังไม่ยืนยัน'}: ${rule.source}]`,
        );
      for (const item of framework.items)
        io.out(
          `${item.code.padEnd(4)} ตัวชี้วัดที่ ${item.indicator}  ${item.title} [${item.confirmed ? 'ยืนยันแล้ว' : 'ยังไม่ยืนยัน'}${item.source === undefined ? '' : `: ${item.source}`}]`,
        );
      for (const row of framework.eitMinSample ?? [])
        io.out(`กลุ่มตัวอย่าง EIT ขั้นต่ำ ${row.group}: ${row.min} [${row.confirmed ? 'ยืนยันแล้ว' : 'ยังไม่ยืนยัน'}]`);
      const docs = framework.documents;
      if (docs?.complaintStats !== undefined)
        io.out(`สถิติเรื่องร้องเรียนการทุจริต: ข้อ ${docs.complaintStats.toUpperCase()}`);
      return 0;
    }
    if (command === 'import') {
      if (arg === undefined) {
        io.err('ข้อผิดพลาด: ต้องระบุไฟล์กรอบการประเมิน (.json)');
        return EXIT_FAILED;
      }
      let text: string;
      try {
        text = await (env.readText ?? ((p: string) => readFile(p, 'utf8')))(arg);
      } catch {
        io.err(`ข้อผิดพลาด: เปิดไฟล์ "${arg}" ไม่ได้`);
        return EXIT_FAILED;
      }
      const check = checkFrameworkFile(text);
      if (!check.ok) {
        for (const e of check.errors) io.err(e);
        io.err('ยังไม่ได้บันทึก: แก้ไขรายการข้างต้นแล้วลองอีกครั้ง');
        return EXIT_FAILED;
      }
      await storeFramework(db, text, check.framework, env.user ?? 'cli', env.now ?? new Date());
      const builtIn = frameworkFor(check.framework.fromYear);
      io.out(
        `บันทึกกรอบการประเมินปี ${check.framework.fromYear} (${check.framework.id}) แล้ว ${check.framework.items.length} ข้อ` +
          (builtIn === undefined ? '' : ` ใช้แทน ${builtIn.id} ตั้งแต่ตอนนี้`),
      );
      return 0;
    }
    io.err(`ข้อผิดพลาด: ไม่รู้จักคำสั่งย่อย "${command}" (มี: list, show, import)`);
    return EXIT_FAILED;
  } finally {
    await db.close();
  }
}
