// `ita scores import FILE [--year YYYY] [--apply] [--map "หัวคอลัมน์=field"] [--match LINE=agency-id|skip]`:
// a results table (CSV or XLSX, one row per agency) checked in full; stored only with --apply and only when
// every column is mapped and every row matched or skipped.
import { readFile } from 'node:fs/promises';
import { toArabicDigits } from '../../../../core/index.ts';
import { listAllAgencies } from '../../../../db/queries/agencies.ts';
import { frameworkLookup } from '../../../features/frameworks/framework-file.ts';
import { describeIssue, fieldLabel, planResultsImport } from '../../../features/scores/results-import.ts';
import { storeResults } from '../../../features/scores/store-results.ts';
import { readTable } from '../../../features/scores/table.ts';
import { type CommandIo, type DatabaseEnv, EXIT_FAILED, openDatabase } from './migrate.ts';

const USAGE = [
  'วิธีใช้:',
  '  npm run ita -- scores import ไฟล์.csv|ไฟล์.xlsx [--year <พ.ศ.>] [--apply] [--map "หัวคอลัมน์=ชื่อช่อง"] [--match แถว=รหัสหน่วยงาน|skip]',
  '      นำเข้าผลคะแนนที่ประกาศ หนึ่งแถวต่อหน่วยงาน (itas_code หรือ agency_id หรือชื่อหน่วยงาน, year, total, level,',
  '      iit, eit, oit, indicator_1 … indicator_10, rank_national, rank_in_group, รหัสข้อ เช่น i1 e3 o19; หัวตารางภาษาไทยได้)',
  '      ไม่ใส่ --apply = ตรวจอย่างเดียว ยังไม่บันทึก',
].join('\n');

export interface ScoresEnv extends DatabaseEnv {
  now?: Date;
  readBytes?: (path: string) => Promise<Uint8Array>;
  user?: string;
}

interface ImportArgs {
  file: string;
  year?: number;
  apply: boolean;
  mapping: Record<string, string>;
  matches: Record<string, string>;
}

function parseArgs(args: readonly string[]): ImportArgs | string {
  const [command, file, ...rest] = args;
  if (command !== 'import') return `ไม่รู้จักคำสั่งย่อย "${command ?? ''}" (มี: import)`;
  if (file === undefined || file.startsWith('--')) return 'ต้องระบุไฟล์ที่จะนำเข้า';
  const out: ImportArgs = { file, apply: false, mapping: {}, matches: {} };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] ?? '';
    if (arg === '--apply') {
      out.apply = true;
      continue;
    }
    const value = rest[i + 1];
    if (!['--year', '--map', '--match'].includes(arg)) return `ไม่รู้จักตัวเลือก ${arg}`;
    if (value === undefined) return `ต้องระบุค่าหลัง ${arg}`;
    i++;
    if (arg === '--year') {
      const year = Number(toArabicDigits(value).trim());
      if (!Number.isInteger(year) || year < 2500) return `ปีงบประมาณต้องเป็นปี พ.ศ. เช่น 2567 (ได้รับ "${value}")`;
      out.year = year;
    } else {
      const eq = value.lastIndexOf('=');
      if (eq <= 0) return `${arg} ต้องเขียนเป็น ซ้าย=ขวา (ได้รับ "${value}")`;
      const target = arg === '--map' ? out.mapping : out.matches;
      target[value.slice(0, eq).trim()] = value.slice(eq + 1).trim();
    }
  }
  return out;
}

export async function runScores(args: readonly string[], io: CommandIo, env: ScoresEnv): Promise<number> {
  if (args.length === 0 || args[0] === '--help') {
    io.out(USAGE);
    return args.length === 0 ? EXIT_FAILED : 0;
  }
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    io.err(`ข้อผิดพลาด: ${parsed}`);
    return EXIT_FAILED;
  }
  let bytes: Uint8Array;
  try {
    bytes = await (env.readBytes ?? ((p: string) => readFile(p)))(parsed.file);
  } catch {
    io.err(`ข้อผิดพลาด: เปิดไฟล์ "${parsed.file}" ไม่ได้`);
    return EXIT_FAILED;
  }
  const table = readTable(parsed.file, bytes);
  if (!table.ok) {
    io.err(`ข้อผิดพลาด: ${table.message}`);
    return EXIT_FAILED;
  }
  const db = await openDatabase(env, io);
  if (db === undefined) return EXIT_FAILED;
  try {
    const plan = planResultsImport(table.table, await listAllAgencies(db), {
      ...(parsed.year === undefined ? {} : { year: parsed.year }),
      frameworkOf: await frameworkLookup(db),
      mapping: parsed.mapping,
      matches: parsed.matches,
    });
    for (const c of plan.columns)
      if (c.field !== null) io.out(`คอลัมน์ "${c.header}" → ${fieldLabel(c.field)}`);
    for (const h of plan.unknownHeaders)
      io.err(`ไม่รู้จักคอลัมน์ "${h}": ระบุด้วย --map "${h}=total" (หรือ =ignore เพื่อไม่ใช้)`);
    for (const u of plan.unmatched)
      io.err(
        `แถว ${u.line}: ไม่พบหน่วยงาน "${u.ref}": ระบุด้วย --match ${u.line}=<รหัสหน่วยงาน> หรือ --match ${u.line}=skip`,
      );
    for (const e of plan.errors) io.err(describeIssue(e));
    for (const w of plan.warnings) io.out(`คำเตือน ${describeIssue(w)}`);
    for (const r of plan.rows)
      io.out(
        `แถว ${r.line}: ${r.agency.name} ปี ${r.year} คะแนนรวม ${r.totalDisplay ?? '–'} ระดับ ${r.level ?? '–'}` +
          (r.rankNational === null ? '' : ` ลำดับประเทศ ${r.rankNational}`) +
          (r.rankInGroup === null ? '' : ` ลำดับในกลุ่ม ${r.rankInGroup}`),
      );
    if (plan.skipped.length > 0) io.out(`ข้ามแถว ${plan.skipped.join(', ')}`);
    if (!plan.ready) {
      io.err('ยังไม่ได้บันทึก: แก้ไขรายการข้างต้นแล้วลองอีกครั้ง');
      return EXIT_FAILED;
    }
    if (!parsed.apply) {
      io.out(`ตรวจแล้วพร้อมนำเข้า ${plan.sets.length} หน่วยงาน (ยังไม่บันทึก: เพิ่ม --apply เพื่อบันทึก)`);
      return 0;
    }
    const now = env.now ?? new Date();
    const rows = await storeResults(
      db,
      plan.sets,
      { source: 'cli', by: env.user ?? 'cli', fileName: parsed.file.split(/[\\/]/).pop() ?? parsed.file },
      now,
    );
    io.out(`บันทึกแล้ว ${plan.sets.length} หน่วยงาน ${rows} ค่า`);
    return 0;
  } finally {
    await db.close();
  }
}
