// `ita plan …`: make the fiscal year's plan from the default calendar, list it, move due dates, assign agencies.
import { fiscalYearOf, frameworkFor, toArabicDigits } from '../../../../core/index.ts';
import { parseIsoDay } from '../../../../core/reminders/index.ts';
import type { Db } from '../../../../db/db.ts';
import { listPlanStatuses, statusesByActivity } from '../../../../db/queries/activity-status.ts';
import { listAgencies } from '../../../../db/queries/agencies.ts';
import { findFiscalYear, upsertFiscalYear } from '../../../../db/queries/fiscal-years.ts';
import {
  type Activity,
  createActivities,
  findActivityById,
  listActivities,
  updateActivity,
} from '../../../../db/queries/plan-activities.ts';
import { findProvinceById } from '../../../../db/queries/provinces.ts';
import { defaultPlanActivities } from '../../../features/plan/default-plan.ts';
import { responsibleAgencyIds } from '../../../features/plan/tasks.ts';
import { thaiDay } from '../../../line/chat/message-parts.ts';
import { homeProvinceId } from '../../../line/chat/who.ts';
import { type CommandIo, type DatabaseEnv, EXIT_FAILED, openDatabase } from './migrate.ts';

const USAGE = [
  'วิธีใช้:',
  '  npm run ita -- plan create --year <ปีงบประมาณ พ.ศ.>       สร้างแผนจากปฏิทินมาตรฐาน (ซ้ำได้ ไม่เพิ่มซ้ำ)',
  '  npm run ita -- plan list [--year <พ.ศ.>]                   แสดงแผนงานของปี (ค่าเริ่มต้น: ปีงบประมาณปัจจุบัน)',
  '  npm run ita -- plan move <รหัสกิจกรรม> --due YYYY-MM-DD [--start YYYY-MM-DD]',
  '  npm run ita -- plan assign <รหัสกิจกรรม> --agencies <id,id,…> | --all',
].join('\n');

const OPTIONS = new Set(['year', 'due', 'start', 'agencies']);
const FLAGS = new Set(['all']);

interface Parsed {
  words: string[];
  options: Map<string, string>;
  flags: Set<string>;
}

/** Words, `--name value` options and `--all`; Thai digits read as Arabic. A string says what is wrong. */
function parseArgs(args: readonly string[]): Parsed | string {
  const parsed: Parsed = { words: [], options: new Map(), flags: new Set() };
  for (let i = 0; i < args.length; i++) {
    const arg = toArabicDigits(args[i] ?? '').trim();
    if (!arg.startsWith('--')) {
      parsed.words.push(arg);
      continue;
    }
    const name = arg.slice(2);
    if (FLAGS.has(name)) parsed.flags.add(name);
    else if (!OPTIONS.has(name)) return `ไม่รู้จักตัวเลือก ${arg}`;
    else {
      const value = args[i + 1];
      if (value === undefined || value.startsWith('--')) return `ต้องระบุค่าหลัง ${arg}`;
      parsed.options.set(name, toArabicDigits(value).trim());
      i++;
    }
  }
  return parsed;
}

/** --year as a Buddhist-era fiscal year (2500–2700), or `fallback` when absent. */
function readYear(p: Parsed, fallback?: number): number | string {
  const text = p.options.get('year');
  if (text === undefined) return fallback ?? 'ต้องระบุ --year <ปีงบประมาณ พ.ศ.> เช่น --year 2568';
  const year = /^\d{4}$/.test(text) ? Number(text) : Number.NaN;
  return year >= 2500 && year <= 2700 ? year : `ปีงบประมาณ "${text}" ไม่ถูกต้อง (ใช้ปี พ.ศ. เช่น 2568)`;
}

function readDay(p: Parsed, name: 'due' | 'start'): string | undefined | { problem: string } {
  const text = p.options.get(name);
  if (text === undefined) return undefined;
  return parseIsoDay(text)
    ? text
    : { problem: `วันที่ --${name} "${text}" ไม่ถูกต้อง (ใช้ YYYY-MM-DD ปี ค.ศ. เช่น 2025-07-01)` };
}

async function provinceOf(db: Db): Promise<{ id: string; name: string } | string> {
  const id = await homeProvinceId(db);
  const province = id === undefined ? undefined : await findProvinceById(db, id);
  if (province === undefined) return 'ยังไม่มีจังหวัดในฐานข้อมูล (รัน npm run ita -- demo หรือตั้งค่าก่อน)';
  return { id: province.id, name: province.nameTh };
}

async function createPlan(db: Db, p: Parsed, io: CommandIo, now: Date): Promise<number | string> {
  const year = readYear(p);
  if (typeof year === 'string') return year;
  const province = await provinceOf(db);
  if (typeof province === 'string') return province;
  if ((await findFiscalYear(db, province.id, year)) === undefined) {
    const framework = frameworkFor(year);
    if (framework === undefined) return `ไม่มีกรอบการประเมินสำหรับปีงบประมาณ ${year}`;
    await upsertFiscalYear(db, { provinceId: province.id, year, frameworkId: framework.id }, now);
  }
  const planned = defaultPlanActivities(province.id, year, 'cli', await listAgencies(db, province.id));
  const created = await createActivities(db, planned, now);
  io.out(`แผนงาน ITA ปีงบประมาณ ${year} ของจังหวัด${province.name}: เพิ่ม ${created.length} กิจกรรม`);
  if (created.length < planned.length) io.out(`มีอยู่แล้ว ${planned.length - created.length} กิจกรรม (ไม่เพิ่มซ้ำ)`);
  io.out(`ดูรายการด้วย: npm run ita -- plan list --year ${year}`);
  return 0;
}

function whoText(activity: Activity): string {
  switch (activity.responsible) {
    case 'all':
      return 'ทุกหน่วยงาน';
    case 'agencies':
      return `${activity.agencyIds.length} หน่วยงาน (${activity.agencyIds.join(', ')})`;
    case 'coordinator':
      return 'สำนักงานจังหวัด';
    case 'nacc':
      return 'สำนักงาน ป.ป.ช.';
  }
}

async function listPlan(db: Db, p: Parsed, io: CommandIo, now: Date): Promise<number | string> {
  const year = readYear(p, fiscalYearOf(now));
  if (typeof year === 'string') return year;
  const province = await provinceOf(db);
  if (typeof province === 'string') return province;
  const activities = await listActivities(db, province.id, year);
  if (activities.length === 0) {
    io.out(`ยังไม่มีแผนงานของปีงบประมาณ ${year} — สร้างด้วย: npm run ita -- plan create --year ${year}`);
    return 0;
  }
  const agencies = await listAgencies(db, province.id);
  const byActivity = statusesByActivity(await listPlanStatuses(db, province.id, year));
  io.out(`แผนงาน ITA ปีงบประมาณ ${year} จังหวัด${province.name} (${activities.length} กิจกรรม)`);
  for (const a of activities) {
    const responsible = responsibleAgencyIds(a, agencies);
    const statuses = byActivity.get(a.id);
    const done = responsible.filter((id) => statuses?.get(id)?.status === 'done').length;
    const span = a.startsOn === null ? thaiDay(a.dueOn) : `${thaiDay(a.startsOn)} – ${thaiDay(a.dueOn)}`;
    const progress = responsible.length > 0 ? `  เสร็จ ${done}/${responsible.length}` : '';
    io.out(`ข้อ ${a.seq}  ${a.titleTh}`);
    io.out(`      ${span}  ${whoText(a)}${progress}  รหัส ${a.id}`);
  }
  return 0;
}

async function activityOf(db: Db, p: Parsed): Promise<Activity | string> {
  const id = p.words[1];
  if (id === undefined) return 'ต้องระบุรหัสกิจกรรม (ดูได้จาก npm run ita -- plan list)';
  return (await findActivityById(db, id)) ?? `ไม่พบกิจกรรมรหัส "${id}" (ดูได้จาก npm run ita -- plan list)`;
}

async function moveActivity(db: Db, p: Parsed, io: CommandIo, now: Date): Promise<number | string> {
  const due = readDay(p, 'due');
  const start = readDay(p, 'start');
  if (due === undefined) return 'ต้องระบุ --due YYYY-MM-DD';
  if (typeof due !== 'string') return due.problem;
  if (typeof start === 'object') return start.problem;
  const activity = await activityOf(db, p);
  if (typeof activity === 'string') return activity;
  const startsOn = start ?? activity.startsOn;
  if (startsOn !== null && startsOn > due)
    return `วันเริ่ม ${thaiDay(startsOn)} อยู่หลังกำหนดเสร็จ ${thaiDay(due)} (ระบุ --start ใหม่ด้วย)`;
  await updateActivity(
    db,
    activity.id,
    { dueOn: due, ...(start === undefined ? {} : { startsOn: start }) },
    now,
  );
  io.out(`ย้ายกำหนดเสร็จของ ข้อ ${activity.seq} ${activity.titleTh}`);
  io.out(
    `จาก ${thaiDay(activity.dueOn)} เป็น ${thaiDay(due)}${start === undefined ? '' : ` (เริ่ม ${thaiDay(start)})`} แล้ว`,
  );
  io.out('การแจ้งเตือนที่ยังไม่ได้ส่งจะนับจากกำหนดใหม่');
  return 0;
}

async function assignActivity(db: Db, p: Parsed, io: CommandIo, now: Date): Promise<number | string> {
  const list = p.options.get('agencies');
  if ((list === undefined) === !p.flags.has('all')) return 'ระบุอย่างใดอย่างหนึ่ง: --agencies <id,id,…> หรือ --all';
  const activity = await activityOf(db, p);
  if (typeof activity === 'string') return activity;
  const title = `ข้อ ${activity.seq} ${activity.titleTh}`;
  if (list === undefined) {
    await updateActivity(db, activity.id, { responsible: 'all', agencyIds: [] }, now);
    io.out(`${title}: ผู้รับผิดชอบคือทุกหน่วยงานของจังหวัดแล้ว`);
    return 0;
  }
  const ids = [
    ...new Set(
      list
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    ),
  ];
  if (ids.length === 0) return 'ต้องระบุรหัสหน่วยงานหลัง --agencies อย่างน้อยหนึ่งหน่วยงาน';
  const agencies = await listAgencies(db, activity.provinceId);
  const unknown = ids.find((id) => !agencies.some((a) => a.id === id));
  if (unknown !== undefined) return `ไม่พบหน่วยงานรหัส "${unknown}" ในจังหวัดของกิจกรรมนี้`;
  await updateActivity(db, activity.id, { responsible: 'agencies', agencyIds: ids }, now);
  const names = ids.map((id) => agencies.find((a) => a.id === id)?.nameTh ?? id);
  io.out(`${title}: ผู้รับผิดชอบ ${ids.length} หน่วยงาน — ${names.join(', ')}`);
  return 0;
}

const SUBCOMMANDS = { create: createPlan, list: listPlan, move: moveActivity, assign: assignActivity };

/** `args` follow `plan`. Exit 0, or 2 with one Thai line on stderr. `env.now` fixes the clock (tests). */
export async function runPlan(
  args: readonly string[],
  io: CommandIo,
  env: DatabaseEnv & { now?: Date },
): Promise<number> {
  const [first] = args;
  if (first === undefined || first === '--help' || first === 'help') {
    (first === undefined ? io.err : io.out)(USAGE);
    return first === undefined ? EXIT_FAILED : 0;
  }
  const parsed = parseArgs(args);
  const sub = typeof parsed === 'string' ? undefined : parsed.words[0];
  const run =
    sub === 'create' || sub === 'list' || sub === 'move' || sub === 'assign' ? SUBCOMMANDS[sub] : undefined;
  if (typeof parsed === 'string' || run === undefined) {
    io.err(
      `ข้อผิดพลาด: ${typeof parsed === 'string' ? parsed : `ไม่รู้จักคำสั่ง plan "${first}" (ใช้ create, list, move หรือ assign)`}`,
    );
    return EXIT_FAILED;
  }
  const db = openDatabase(env, io);
  if (db === undefined) return EXIT_FAILED;
  try {
    const outcome = await run(db, parsed, io, env.now ?? new Date());
    if (typeof outcome === 'string') io.err(`ข้อผิดพลาด: ${outcome}`);
    return typeof outcome === 'string' ? EXIT_FAILED : outcome;
  } finally {
    await db.close();
  }
}
