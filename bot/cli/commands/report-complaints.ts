// `ita report complaints --agency <id> --year <พ.ศ.> [--period q1|q2|q3|q4|h1|year] [--csv]`: the complaint
// statistics an agency publishes for the OIT (issue 5 §4), as a Thai table or CSV. `--agency` may also be a
// province id, for every complaint of the province. No personal data; small counts are suppressed.
import { isReportPeriod, REPORT_PERIOD_LABELS, type ReportPeriod } from '../../../core/complaints/periods.ts';
import {
  type Cell,
  type ComplaintStats,
  complaintStats,
  type Durations,
} from '../../../core/complaints/stats.ts';
import { COMPLAINT_TYPE_LABELS, isComplaintType, statusLabelOf } from '../../../core/complaints/status.ts';
import { padThai, THAI_MONTHS_SHORT, toArabicDigits, toBuddhistYear } from '../../../core/index.ts';
import { listAgencies } from '../../../db/queries/agencies.ts';
import { loadStatsComplaints, resolveStatsScope, type StatsScope } from '../../complaints/stats-input.ts';
import { loadSettings } from '../../settings.ts';
import { type CommandIo, type DatabaseEnv, EXIT_FAILED, openDatabase } from './migrate.ts';

const USAGE =
  'วิธีใช้: npm run ita -- report complaints --agency <รหัสหน่วยงานหรือรหัสจังหวัด> --year <ปีงบประมาณ พ.ศ.> [--period q1|q2|q3|q4|h1|year] [--csv]';

interface Args {
  id: string;
  year: number;
  period: ReportPeriod;
  csv: boolean;
}

function parseArgs(argv: readonly string[]): Args | string {
  const options = new Map<string, string>();
  let csv = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = toArabicDigits(argv[i] ?? '').trim();
    if (arg === '--csv') csv = true;
    else if (arg === '--agency' || arg === '--year' || arg === '--period') {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) return `ต้องระบุค่าหลัง ${arg}`;
      options.set(arg.slice(2), toArabicDigits(value).trim());
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
  return { id, year, period, csv };
}

type Line = [section: string, key: string, label: string, value: string];

const show = (cell: Cell) => String(cell);
const monthLabel = (ym: string) => {
  const [y = 0, m = 1] = ym.split('-').map(Number);
  return `${THAI_MONTHS_SHORT[m - 1] ?? ''} ${toBuddhistYear(y)}`;
};
const days = (d: Durations) =>
  d.medianDays === null
    ? 'ไม่แสดง (น้อยกว่าเกณฑ์)'
    : `มัธยฐาน ${d.medianDays} วัน, P90 ${d.p90Days} วัน (${show(d.count)} เรื่อง)`;

/** The statistics as labelled lines, shared by the table and the CSV. */
function linesOf(s: ComplaintStats, agencyNames: Map<string, string>): Line[] {
  const share = s.repliedInTimeShare === null ? 'ไม่แสดง' : `${(s.repliedInTimeShare * 100).toFixed(1)}%`;
  return [
    ['total', '', 'จำนวนเรื่องทั้งหมด', show(s.total)],
    ...s.byType.map(
      (r): Line => [
        'type',
        r.key,
        isComplaintType(r.key) ? COMPLAINT_TYPE_LABELS[r.key] : r.key,
        show(r.count),
      ],
    ),
    ...s.byStatus.map((r): Line => ['status', r.key, statusLabelOf(r.key), show(r.count)]),
    ...s.byAgency.map(
      (r): Line => [
        'agency',
        r.key ?? '',
        r.key === null ? 'ไม่ระบุหน่วยงาน' : (agencyNames.get(r.key) ?? r.key),
        show(r.count),
      ],
    ),
    ...s.byMonth.map((r): Line => ['month', r.key, monthLabel(r.key), show(r.count)]),
    ['reply', 'due', 'เรื่องที่ถึงกำหนดตอบผู้ร้อง', show(s.replyDue)],
    ['reply', 'in_time', `ตอบผู้ร้องภายใน ${s.replyDays} วัน`, show(s.repliedInTime)],
    ['reply', 'share', `สัดส่วนที่ตอบภายใน ${s.replyDays} วัน`, share],
    ['acknowledge', 'days', 'ระยะเวลารับทราบเรื่อง', days(s.acknowledge)],
    ['close', 'days', 'ระยะเวลาปิดเรื่อง', days(s.close)],
    ['reopened', '', 'ผู้ร้องขอให้พิจารณาอีกครั้ง', show(s.reopened)],
    ['late', '', 'เกินกำหนดอย่างน้อยหนึ่งขั้นตอน', show(s.late)],
  ];
}

const SECTION_TITLES: Record<string, string> = {
  type: 'ตามประเภท',
  status: 'ตามสถานะปัจจุบัน',
  agency: 'ตามหน่วยงาน',
  month: 'ตามเดือนที่รับเรื่อง',
  reply: 'การตอบผู้ร้อง',
};

function printTable(io: CommandIo, scope: StatsScope, args: Args, s: ComplaintStats, lines: Line[]): void {
  io.out(`สถิติเรื่องร้องเรียน ${scope.name} ปีงบประมาณ ${args.year} ${REPORT_PERIOD_LABELS[args.period]}`);
  io.out(
    `(จำนวน 1–${s.threshold - 1} เรื่องแสดงเป็น "<${s.threshold}" และ "x" คือซ่อนเพิ่มเพื่อไม่ให้คำนวณย้อนได้ ไม่มีข้อมูลส่วนบุคคล)`,
  );
  let section = '';
  for (const [sec, , label, value] of lines) {
    const title = SECTION_TITLES[sec];
    if (sec !== section && title !== undefined) io.out(title);
    section = sec;
    io.out(`${title === undefined ? '' : '  '}${padThai(label, 40)} ${value}`);
  }
}

const csvField = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/** `args` follow `report complaints`. Exit 0, or 2 with one Thai line on stderr. */
export async function runComplaintReport(
  argv: readonly string[],
  io: CommandIo,
  env: DatabaseEnv & { now?: Date },
): Promise<number> {
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
    const lines = linesOf(s, names);
    if (args.csv) {
      io.out('section,key,label,value');
      for (const line of lines) io.out(line.map(csvField).join(','));
    } else printTable(io, scope, args, s, lines);
    return 0;
  } finally {
    await db.close();
  }
}
