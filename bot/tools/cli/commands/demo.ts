// `ita demo [--now ISO_TIME]`: migrates the database, loads the Pathum Thani demo and prints what it holds.
import { loadDemo, nonDemoData } from '../../demo/load.ts';
import type { DemoSummary, DemoTable } from '../../demo/summary.ts';
import type { CommandIo, DatabaseEnv } from './migrate.ts';
import { databaseFailure, EXIT_FAILED, migrationLine, openDatabase } from './migrate.ts';

const USAGE = 'วิธีใช้: npm run ita -- demo [--now 2024-06-24T09:00:00+07:00]  (ฐานข้อมูลที่ DATABASE_PATH)';

/** Thai names of the summary's counts, in the order they are printed. */
const LABELS: readonly [DemoTable, string][] = [
  ['provinces', 'จังหวัด'],
  ['agencies', 'หน่วยงาน'],
  ['fiscalYears', 'ปีงบประมาณของแต่ละจังหวัด'],
  ['scores', 'คะแนน (รายข้อ ตัวชี้วัด หรือเครื่องมือ)'],
  ['planActivities', 'กิจกรรมในแผนขับเคลื่อน'],
  ['activityStatuses', 'สถานะงานของหน่วยงาน'],
  ['statusHistory', 'ประวัติการเปลี่ยนสถานะงาน'],
  ['surveyLinks', 'ลิงก์แบบวัด IIT/EIT'],
  ['surveyReports', 'รายงานจำนวนผู้ตอบแบบวัด'],
  ['lineUsers', 'ผู้ใช้ LINE'],
  ['userRoles', 'บทบาทของผู้ใช้'],
  ['lineGroups', 'กลุ่ม LINE ที่ผูกกับหน่วยงาน'],
];

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

type Args = { now: Date } | { help: true } | { error: string };

function parseArgs(args: readonly string[], fallback: Date): Args {
  let now = fallback;
  for (let k = 0; k < args.length; k++) {
    const arg = args[k];
    if (arg === '--help' || arg === '-h') return { help: true };
    if (arg !== '--now') return { error: `ไม่รู้จักตัวเลือก "${arg}" — ${USAGE}` };
    const value = args[++k];
    if (value === undefined || !ISO_WITH_ZONE.test(value) || Number.isNaN(new Date(value).getTime())) {
      return { error: `เวลาหลัง --now ต้องเป็น ISO-8601 พร้อมเขตเวลา เช่น 2024-06-24T09:00:00+07:00 — ${USAGE}` };
    }
    now = new Date(value);
  }
  return { now };
}

/** The summary in Thai: one heading, then one line per table. */
export function summaryLines(summary: DemoSummary): string[] {
  const width = Math.max(...Object.values(summary.counts).map((n) => String(n).length));
  return [
    `ใส่ข้อมูลตัวอย่างจังหวัดปทุมธานี ปีงบประมาณ ${summary.fiscalYear} เรียบร้อยแล้ว`,
    ...LABELS.map(([table, label]) => `  ${String(summary.counts[table]).padStart(width)}  ${label}`),
    'เริ่มระบบด้วย npm start แล้วลองคุยกับบอตในฐานะผู้ประสานงาน เจ้าหน้าที่หน่วยงาน หรือประชาชนได้ที่หน้า /dev (เมื่อยังไม่ได้ตั้งค่าบัญชี LINE)',
  ];
}

/** Runs the command; returns the exit code (0 done, 2 bad usage or a database that cannot be written). */
export async function runDemo(
  args: string[],
  io: CommandIo,
  env: DatabaseEnv,
  now = new Date(),
): Promise<number> {
  const parsed = parseArgs(args, now);
  if ('help' in parsed) {
    io.out(USAGE);
    return 0;
  }
  if ('error' in parsed) {
    io.err(`ข้อผิดพลาด: ${parsed.error}`);
    return EXIT_FAILED;
  }
  const db = openDatabase(env, io);
  if (db === undefined) return EXIT_FAILED;
  try {
    io.out(migrationLine(db));
    const foreign = await nonDemoData(db);
    if (foreign !== undefined) {
      io.err(
        `ข้อผิดพลาด: ฐานข้อมูลนี้มีข้อมูลจริงอยู่แล้ว (${foreign}) จึงไม่ใส่ข้อมูลตัวอย่างปนลงไป — ใช้ DATABASE_PATH ไฟล์ใหม่สำหรับทดลอง`,
      );
      return EXIT_FAILED;
    }
    const summary = await loadDemo(db, parsed.now);
    for (const line of summaryLines(summary)) io.out(line);
    return 0;
  } catch (error) {
    io.err(databaseFailure(env.databasePath, error));
    return EXIT_FAILED;
  } finally {
    await db.close();
  }
}
