// `ita report complaints --oit --agency ID --year YYYY [--period h1|year] --format html|docx|csv|xlsx [--out FILE]`:
// the OIT item's corruption-complaint statistics with exact counts, written to a file or printed.
import { writeFile } from 'node:fs/promises';
import type { OitPeriod } from '../../../../core/complaints/oit-stats.ts';
import { toArabicDigits } from '../../../../core/index.ts';
import type { Digits } from '../../../features/reports/format.ts';
import {
  OIT_FORMATS,
  type OitFormat,
  oitComplaintDocument,
  oitFileName,
  renderOitComplaints,
} from '../../../features/reports/oit-complaints-files.ts';
import type { CommandIo, DatabaseEnv } from './migrate.ts';
import { EXIT_FAILED, openDatabase } from './migrate.ts';

type Env = DatabaseEnv & { writeFile?: (path: string, data: string | Uint8Array) => Promise<void> };

export async function runOitComplaintReport(
  argv: readonly string[],
  io: CommandIo,
  env: Env,
): Promise<number> {
  const options = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = toArabicDigits(argv[i] ?? '').trim();
    if (arg === '--oit') continue;
    if (!['--agency', '--year', '--period', '--format', '--out', '--digits'].includes(arg)) {
      io.err(`ข้อผิดพลาด: ไม่รู้จักตัวเลือก "${arg}" ของรายงานสถิติเรื่องร้องเรียนสำหรับ OIT`);
      return EXIT_FAILED;
    }
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) {
      io.err(`ข้อผิดพลาด: ต้องระบุค่าหลัง ${arg}`);
      return EXIT_FAILED;
    }
    options.set(arg.slice(2), arg === '--out' ? value : toArabicDigits(value).trim());
    i++;
  }
  const id = options.get('agency');
  const year = Number(options.get('year'));
  const period = options.get('period') ?? 'year';
  const format = options.get('format') ?? 'csv';
  const digits = options.get('digits') ?? 'arabic';
  const problem =
    id === undefined
      ? 'ต้องระบุ --agency <รหัสหน่วยงานหรือรหัสจังหวัด>'
      : !Number.isInteger(year) || year < 2500 || year > 2700
        ? 'ต้องระบุ --year เป็นปีงบประมาณ พ.ศ. เช่น 2568'
        : period !== 'h1' && period !== 'year'
          ? `--period ของรายงาน OIT ต้องเป็น h1 (6 เดือนแรก) หรือ year (ได้รับ "${period}")`
          : !(OIT_FORMATS as readonly string[]).includes(format)
            ? `--format ต้องเป็น html, docx, csv หรือ xlsx (ได้รับ "${format}")`
            : digits !== 'thai' && digits !== 'arabic'
              ? '--digits ต้องเป็น thai หรือ arabic'
              : undefined;
  if (problem !== undefined || id === undefined) {
    io.err(`ข้อผิดพลาด: ${problem}`);
    return EXIT_FAILED;
  }
  const db = openDatabase(env, io);
  if (db === undefined) return EXIT_FAILED;
  try {
    const doc = await oitComplaintDocument(db, id, year, period as OitPeriod);
    if (typeof doc === 'string') {
      io.err(`ข้อผิดพลาด: ${doc}`);
      return EXIT_FAILED;
    }
    const out = options.get('out');
    const rendered = await renderOitComplaints(doc, format as OitFormat, digits as Digits, out !== undefined);
    const binary = typeof rendered.body !== 'string';
    if (out === undefined && !binary) {
      io.out(rendered.body as string);
      return 0;
    }
    const path = out ?? oitFileName(id, year, period as OitPeriod, format as OitFormat);
    await (env.writeFile ?? ((p, d) => writeFile(p, d)))(path, rendered.body);
    io.out(`บันทึกรายงานแล้ว: ${path}`);
    return 0;
  } finally {
    await db.close();
  }
}
