// `ita report complaints --agency <id> --year <พ.ศ.> [--period …] [--csv | --format html|docx]`: the complaint
// statistics an agency publishes for the OIT (issue 5 §4), as a Thai table, CSV, an A4 page or .docx. `--agency` may also be a
// province id, for every complaint of the province. No personal data; small counts are suppressed.
import { writeFile } from 'node:fs/promises';
import {
  isReportPeriod,
  REPORT_PERIOD_LABELS,
  type ReportPeriod,
} from '../../../../core/complaints/periods.ts';
import { type ComplaintStats, complaintStats } from '../../../../core/complaints/stats.ts';
import { padThai, toArabicDigits } from '../../../../core/index.ts';
import { listAgencies } from '../../../../db/queries/agencies.ts';
import {
  loadStatsComplaints,
  resolveStatsScope,
  type StatsScope,
} from '../../../features/complaints/stats-input.ts';
import {
  renderComplaintStatsHtml,
  STATS_SECTION_TITLES,
  type StatsDocument,
  type StatsLine,
  statsFileName,
  statsLinesOf,
  suppressionNoteOf,
} from '../../../features/reports/complaint-stats.ts';
import { renderComplaintStatsDocx } from '../../../features/reports/complaint-stats-docx.ts';
import { embeddedFontFaces, loadSarabun } from '../../../features/reports/fonts.ts';
import type { Digits } from '../../../features/reports/format.ts';
import { loadSettings } from '../../../features/settings/settings.ts';
import { type CommandIo, type DatabaseEnv, EXIT_FAILED, openDatabase } from './migrate.ts';
import { runOitComplaintReport } from './oit-complaints.ts';

const USAGE =
  'วิธีใช้: npm run ita -- report complaints --oit --agency <รหัส> --year <พ.ศ.> [--period h1|year] --format html|docx|csv|xlsx [--out ไฟล์]  (สถิติเรื่องร้องเรียนการทุจริตสำหรับ OIT)\n' +
  '       npm run ita -- report complaints --agency <รหัสหน่วยงานหรือรหัสจังหวัด> --year <ปีงบประมาณ พ.ศ.> [--period q1|q2|q3|q4|h1|year] [--csv | --format html|docx] [--out ไฟล์] [--digits thai|arabic]';

interface Args {
  id: string;
  year: number;
  period: ReportPeriod;
  csv: boolean;
  format?: 'html' | 'docx';
  out?: string;
  digits: Digits;
}

const VALUED = new Set(['--agency', '--year', '--period', '--format', '--out', '--digits']);

function parseArgs(argv: readonly string[]): Args | string {
  const options = new Map<string, string>();
  let csv = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = toArabicDigits(argv[i] ?? '').trim();
    if (arg === '--csv') csv = true;
    else if (VALUED.has(arg)) {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) return `ต้องระบุค่าหลัง ${arg}`;
      options.set(arg.slice(2), arg === '--out' ? value : toArabicDigits(value).trim());
      i++;
    } else return `ไม่รู้จักตัวเลือก "${arg}"`;
  }
  const id = options.get('agency');
  if (id === undefined || id === '') return 'ต้องระบุ --agency <รหัสหน่วยงานหรือรหัสจังหวัด>';
  const year = Number(options.get('year'));
  if (!Number.isInteger(year) || year < 2500 || year > 2700)
    return 'ต้องระบุ --year เป็นปีงบประมาณ พ.ศ. เช่น 2568';
  const period = options.get('period') ?? 'year';
  if (!isReportPeriod(period)) return `--period ต้องเป็น q1 q2 q3 q4 h1 หรือ year (ได้รับ "${period}")`;
  const format = options.get('format');
  if (format !== undefined && format !== 'html' && format !== 'docx')
    return `--format ต้องเป็น html หรือ docx (ได้รับ "${format}")`;
  if (format !== undefined && csv) return 'เลือก --csv หรือ --format อย่างใดอย่างหนึ่ง';
  const digits = options.get('digits') ?? 'arabic';
  if (digits !== 'thai' && digits !== 'arabic') return '--digits ต้องเป็น thai หรือ arabic';
  const out = options.get('out');
  return { id, year, period, csv, digits, ...(format && { format }), ...(out !== undefined && { out }) };
}

function printTable(
  io: CommandIo,
  scope: StatsScope,
  args: Args,
  s: ComplaintStats,
  lines: StatsLine[],
): void {
  io.out(`สถิติเรื่องร้องเรียน ${scope.name} ปีงบประมาณ ${args.year} ${REPORT_PERIOD_LABELS[args.period]}`);
  io.out(`(${suppressionNoteOf(s.threshold)})`);
  let section = '';
  for (const [sec, , label, value] of lines) {
    const title = STATS_SECTION_TITLES[sec];
    if (sec !== section && title !== undefined) io.out(title);
    section = sec;
    io.out(`${title === undefined ? '' : '  '}${padThai(label, 40)} ${value}`);
  }
}

type Env = DatabaseEnv & {
  now?: Date;
  /** Where files go (tests pass their own). */
  writeFile?: (path: string, data: string | Uint8Array) => Promise<void>;
};

/** The A4 page (stdout or --out) or the .docx (always a file, named after the scope when --out is absent). */
async function emitDocument(doc: StatsDocument, scopeId: string, args: Args, io: CommandIo, env: Env) {
  const write = env.writeFile ?? ((path, data) => writeFile(path, data));
  if (args.format === 'docx') {
    const path = args.out ?? statsFileName(scopeId, args.year, args.period, 'docx');
    await write(path, await renderComplaintStatsDocx(doc, { digits: args.digits }));
    io.out(`บันทึกรายงานแล้ว: ${path}`);
    return;
  }
  // A saved page carries its own Sarabun, so it reads the same on a machine without Thai fonts.
  const fontFaces = embeddedFontFaces(await loadSarabun());
  const html = renderComplaintStatsHtml(doc, { digits: args.digits, fontFaces });
  if (args.out === undefined) io.out(html);
  else {
    await write(args.out, html);
    io.out(`บันทึกรายงานแล้ว: ${args.out}`);
  }
}

const csvField = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/** `args` follow `report complaints`. Exit 0, or 2 with one Thai line on stderr. */
export async function runComplaintReport(argv: readonly string[], io: CommandIo, env: Env): Promise<number> {
  // The OIT item's statistics: corruption complaints only, exact counts (the breakdown below is internal).
  if (argv.includes('--oit')) return runOitComplaintReport(argv, io, env);
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    io.err(`ข้อผิดพลาด: ${args}`);
    io.err(USAGE);
    return EXIT_FAILED;
  }
  const db = openDatabase(env, io);
  if (db === undefined) return EXIT_FAILED;
  try {
    const scope = await resolveStatsScope(db, args.id);
    if (scope === undefined) {
      io.err(`ข้อผิดพลาด: ไม่พบหน่วยงานหรือจังหวัดรหัส "${args.id}"`);
      return EXIT_FAILED;
    }
    const complaints = await loadStatsComplaints(db, scope);
    const sla = await loadSettings(db);
    const now = env.now ?? new Date();
    const s = complaintStats({ complaints, fiscalYear: args.year, period: args.period, now, sla });
    const names = new Map((await listAgencies(db, scope.provinceId)).map((a) => [a.id, a.nameTh]));
    const lines = statsLinesOf(s, names);
    if (args.format !== undefined)
      await emitDocument({ scopeName: scope.name, stats: s, agencyNames: names }, args.id, args, io, env);
    else if (args.csv) {
      io.out('section,key,label,value');
      for (const line of lines) io.out(line.map(csvField).join(','));
    } else printTable(io, scope, args, s, lines);
    return 0;
  } finally {
    await db.close();
  }
}
