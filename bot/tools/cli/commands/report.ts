// `ita report analysis|measures …`: draft an OIT report from the data as .docx, HTML or JSON (issue 6).
import { writeFile } from 'node:fs/promises';
import { toArabicDigits } from '../../../../core/index.ts';
import type { Report } from '../../../../core/reports/index.ts';
import type { Db } from '../../../../db/db.ts';
import { renderReportDocx } from '../../../features/reports/docx.ts';
import { draftAnalysis, draftMeasureResults } from '../../../features/reports/drafts.ts';
import { embeddedFontFaces, loadSarabun } from '../../../features/reports/fonts.ts';
import { type Digits, reportFileName } from '../../../features/reports/format.ts';
import { renderReportHtml } from '../../../features/reports/html.ts';
import { addMeasuresToPlan } from '../../../features/reports/to-plan.ts';
import { renderChartPng } from '../../charts/png.ts';
import { type CommandIo, type DatabaseEnv, EXIT_FAILED, openDatabase } from './migrate.ts';
import { runComplaintReport } from './report-complaints.ts';

const USAGE = [
  'วิธีใช้:',
  '  npm run ita -- report analysis --agency <รหัสหน่วยงาน> --year <ปีงบประมาณ พ.ศ.> [--format docx|html|json] [--out ไฟล์] [--digits thai|arabic] [--plan]',
  '      รายงานการวิเคราะห์ผลการประเมิน ITA ของปีนั้น (--plan: เพิ่มมาตรการเข้าแผนงานปีถัดไปเพื่อรับการแจ้งเตือน)',
  '  npm run ita -- report measures --agency <รหัสหน่วยงาน> --year <ปีงบประมาณ พ.ศ.> [--format docx|html|json] [--out ไฟล์] [--digits thai|arabic]',
  '      รายงานผลการดำเนินการตามมาตรการของปีนั้น',
  '  npm run ita -- report complaints --agency <รหัสหน่วยงานหรือจังหวัด> --year <ปีงบประมาณ พ.ศ.> [--period q1|q2|q3|q4|h1|year] [--csv | --format html|docx] [--out ไฟล์] [--digits thai|arabic]',
  '      สถิติเรื่องร้องเรียนสำหรับ OIT (ไม่มีข้อมูลส่วนบุคคล ช่องที่มีน้อยกว่า 3 เรื่องจะถูกปิดไว้)',
].join('\n');

const OPTIONS = new Set(['agency', 'year', 'format', 'out', 'digits']);
const FLAGS = new Set(['plan']);
const FORMATS = ['docx', 'html', 'json'] as const;
type Format = (typeof FORMATS)[number];

export interface ReportArgs {
  agencyId: string;
  year: number;
  format: Format;
  out?: string;
  digits: Digits;
  plan: boolean;
}

export interface ReportEnv extends DatabaseEnv {
  now?: Date;
  /** Where files go (tests pass their own). */
  writeFile?: (path: string, data: string | Uint8Array) => Promise<void>;
}

/** The options of `report analysis|measures`, Thai digits read as Arabic; a string says what is wrong. */
export function parseReportArgs(args: readonly string[]): ReportArgs | string {
  const options = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const arg = toArabicDigits(args[i] ?? '').trim();
    const name = arg.startsWith('--') ? arg.slice(2) : undefined;
    if (name === undefined) return `ไม่เข้าใจ "${arg}" (ดูวิธีใช้: npm run ita -- report --help)`;
    if (FLAGS.has(name)) flags.add(name);
    else if (!OPTIONS.has(name)) return `ไม่รู้จักตัวเลือก ${arg}`;
    else {
      const value = args[i + 1];
      if (value === undefined || value.startsWith('--')) return `ต้องระบุค่าหลัง ${arg}`;
      options.set(name, name === 'out' ? value : toArabicDigits(value).trim());
      i++;
    }
  }
  const agencyId = options.get('agency');
  if (agencyId === undefined || agencyId === '') return 'ต้องระบุ --agency <รหัสหน่วยงาน>';
  const yearText = options.get('year') ?? '';
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : Number.NaN;
  if (!(year >= 2500 && year <= 2700)) return `ต้องระบุ --year เป็นปีงบประมาณ พ.ศ. เช่น --year 2567`;
  const format = options.get('format') ?? 'json';
  if (!FORMATS.includes(format as Format)) return `รูปแบบ "${format}" ไม่รองรับ (ใช้ docx, html หรือ json)`;
  const digits = options.get('digits') ?? 'arabic';
  if (digits !== 'thai' && digits !== 'arabic') return `--digits ต้องเป็น thai หรือ arabic`;
  const out = options.get('out');
  return {
    agencyId,
    year,
    format: format as Format,
    digits,
    plan: flags.has('plan'),
    ...(out === undefined ? {} : { out }),
  };
}

async function emit(report: Report, a: ReportArgs, io: CommandIo, env: ReportEnv): Promise<void> {
  const write = env.writeFile ?? ((path, data) => writeFile(path, data));
  const options = { digits: a.digits };
  if (a.format === 'docx') {
    // A .docx is binary: it always goes to a file, named after the report when --out is not given.
    const path = a.out ?? reportFileName(report.kind, a.agencyId, a.year, 'docx');
    await write(path, await renderReportDocx(report, { ...options, renderPng: renderChartPng }));
    io.out(`บันทึกรายงานแล้ว: ${path}`);
    return;
  }
  // A saved page carries its own Sarabun, so it reads the same on a machine without Thai fonts.
  const html = async () =>
    renderReportHtml(report, { ...options, fontFaces: embeddedFontFaces(await loadSarabun()) });
  const body = a.format === 'html' ? await html() : JSON.stringify(report, null, 2);
  if (a.out === undefined) io.out(body);
  else {
    await write(a.out, body);
    io.out(`บันทึกรายงานแล้ว: ${a.out}`);
  }
}

async function runAnalysis(db: Db, a: ReportArgs, io: CommandIo, env: ReportEnv): Promise<number | string> {
  const report = await draftAnalysis(db, a.agencyId, a.year);
  if (typeof report === 'string') return report;
  await emit(report, a, io, env);
  if (!a.plan) return 0;
  const planned = await addMeasuresToPlan(db, report, env.now ?? new Date(), 'cli');
  if (typeof planned === 'string') return planned;
  // The report may have gone to stdout: the plan summary goes to stderr so the output stays clean JSON/HTML.
  io.err(`เพิ่มมาตรการเข้าแผนงานปีงบประมาณ ${planned.year} แล้ว ${planned.created.length} รายการ`);
  if (planned.skipped > 0) io.err(`มีอยู่ในแผนแล้ว ${planned.skipped} รายการ (ไม่เพิ่มซ้ำ)`);
  return 0;
}

async function runMeasures(db: Db, a: ReportArgs, io: CommandIo, env: ReportEnv): Promise<number | string> {
  if (a.plan) return '--plan ใช้ได้กับ report analysis เท่านั้น';
  const report = await draftMeasureResults(db, a.agencyId, a.year);
  if (typeof report === 'string') return report;
  await emit(report, a, io, env);
  return 0;
}

const SUBCOMMANDS = { analysis: runAnalysis, measures: runMeasures };

/**
 * `args` follow `report`. Exit 0, or 2 with one Thai line on stderr (bad input, an agency or year with no
 * scores). `complaints` is the OIT complaint statistics of report-complaints.ts.
 */
export async function runReport(args: readonly string[], io: CommandIo, env: ReportEnv): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === '--help' || sub === 'help') {
    (sub === undefined ? io.err : io.out)(USAGE);
    return sub === undefined ? EXIT_FAILED : 0;
  }
  if (sub === 'complaints') return runComplaintReport(rest, io, env);
  const run = sub === 'analysis' || sub === 'measures' ? SUBCOMMANDS[sub] : undefined;
  const parsed =
    run === undefined
      ? `ไม่รู้จักคำสั่ง report "${sub}" (ใช้ analysis, measures หรือ complaints)`
      : parseReportArgs(rest);
  if (run === undefined || typeof parsed === 'string') {
    io.err(`ข้อผิดพลาด: ${typeof parsed === 'string' ? parsed : ''}`);
    return EXIT_FAILED;
  }
  const db = await openDatabase(env, io);
  if (db === undefined) return EXIT_FAILED;
  try {
    const outcome = await run(db, parsed, io, env);
    if (typeof outcome === 'string') io.err(`ข้อผิดพลาด: ${outcome}`);
    return typeof outcome === 'string' ? EXIT_FAILED : outcome;
  } finally {
    await db.close();
  }
}
