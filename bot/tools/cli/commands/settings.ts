// `ita settings list | get KEY | set KEY VALUE` and `ita holidays list [--year 2571] | add DATE NAME | remove DATE`
// (issue 14 §2): the stored settings through the app's own schema, every change audited as the CLI.
import { formatThaiDate } from '../../../../core/index.ts';
import type { Db } from '../../../../db/db.ts';
import {
  addHoliday,
  christianYear,
  holidaysOfYear,
  lastKnownHolidayYear,
  removeHoliday,
} from '../../../features/settings/holidays.ts';
import {
  isSettingKey,
  loadSettings,
  SETTING_KEYS,
  SETTING_SCHEMAS,
} from '../../../features/settings/settings.ts';
import { changeSettings, parseSettingText } from '../../../features/settings/store.ts';
import { type CommandIo, type DatabaseEnv, EXIT_FAILED, parseArgs, withDatabase } from './with-db.ts';

const SETTINGS_USAGE = [
  'วิธีใช้:',
  '  npm run ita -- settings list                 การตั้งค่าทั้งหมดพร้อมค่าปัจจุบัน',
  '  npm run ita -- settings get KEY',
  '  npm run ita -- settings set KEY VALUE        เช่น settings set workStart 08:00, settings set reminderDaysBefore 7,3,1,0',
].join('\n');

const HOLIDAYS_USAGE = [
  'วิธีใช้:',
  '  npm run ita -- holidays list [--year 2571]',
  '  npm run ita -- holidays add 2028-01-02 "วันหยุดพิเศษ"',
  '  npm run ita -- holidays remove 2028-01-02',
].join('\n');

const show = (value: unknown) => JSON.stringify(value);

export async function settingsCommand(
  db: Db,
  io: CommandIo,
  words: readonly string[],
  now = new Date(),
): Promise<number | string> {
  const [sub, key, ...rest] = words;
  const settings = await loadSettings(db);
  if (sub === 'list') {
    for (const k of SETTING_KEYS) io.out(`${k} = ${show(settings[k])}    # ${SETTING_SCHEMAS[k].label}`);
    return 0;
  }
  if (sub === 'get' || sub === 'set') {
    if (key === undefined || !isSettingKey(key))
      return `ไม่รู้จักการตั้งค่า "${key ?? ''}" (ดูรายการด้วย npm run ita -- settings list)`;
    if (sub === 'get') {
      io.out(show(settings[key]));
      return 0;
    }
    if (rest.length === 0) return `ต้องระบุค่าของ ${key} (ใช้ได้: ${SETTING_SCHEMAS[key].allowed})`;
    const outcome = await changeSettings(db, { [key]: parseSettingText(key, rest.join(' ')) }, 'cli', now);
    if (!outcome.ok) return outcome.message;
    io.out(
      outcome.changed.length === 0
        ? `ไม่มีการเปลี่ยนแปลง: ${key} เป็น ${show(settings[key])} อยู่แล้ว`
        : `ตั้งค่า ${key} แล้ว: ${show(settings[key])} → ${show((await loadSettings(db))[key])}`,
    );
    return 0;
  }
  io.err(SETTINGS_USAGE);
  return EXIT_FAILED;
}

export async function holidaysCommand(
  db: Db,
  io: CommandIo,
  words: readonly string[],
  options: Map<string, string>,
  now = new Date(),
): Promise<number | string> {
  const [sub, date, ...nameWords] = words;
  if (sub === 'list') {
    const settings = await loadSettings(db);
    const typed = options.get('year');
    const yearCe =
      typed === undefined
        ? Number(new Date(now.getTime() + 7 * 3600_000).getUTCFullYear())
        : christianYear(Number(typed));
    if (yearCe === undefined) return `ปี "${typed}" ไม่ถูกต้อง (พ.ศ. เช่น 2571)`;
    const days = holidaysOfYear(settings, yearCe);
    io.out(`วันหยุดราชการปี ${yearCe + 543}: ${days.filter((d) => !d.removed).length} วัน`);
    for (const d of days) {
      const tag = d.removed ? ' (ยกเลิกแล้ว)' : d.source === 'added' ? ' (เพิ่มเอง)' : '';
      io.out(`${d.date}  ${formatThaiDate(new Date(`${d.date}T12:00:00+07:00`), 'short')}  ${d.name}${tag}`);
    }
    const last = lastKnownHolidayYear(settings);
    if (yearCe > last)
      io.out(`ระบบมีวันหยุดราชการถึงปี ${last + 543}: โปรดเพิ่มวันหยุดของปี ${yearCe + 543} ตามประกาศคณะรัฐมนตรี`);
    return 0;
  }
  if (sub === 'add' || sub === 'remove') {
    if (date === undefined) return `ต้องระบุวันที่ — ${HOLIDAYS_USAGE}`;
    const outcome =
      sub === 'add'
        ? await addHoliday(db, date, nameWords.join(' '), 'cli', now)
        : await removeHoliday(db, date, 'cli', now);
    if (!outcome.ok) return outcome.message;
    io.out(sub === 'add' ? `เพิ่มวันหยุด ${date} ${nameWords.join(' ')} แล้ว` : `ยกเลิกวันหยุด ${date} แล้ว`);
    return 0;
  }
  io.err(HOLIDAYS_USAGE);
  return EXIT_FAILED;
}

export async function runSettings(args: readonly string[], io: CommandIo, env: DatabaseEnv): Promise<number> {
  if (args.length === 0 || args[0] === '--help') {
    io.out(SETTINGS_USAGE);
    return args.length === 0 ? EXIT_FAILED : 0;
  }
  return withDatabase(env, io, (db) => settingsCommand(db, io, args));
}

export async function runHolidays(args: readonly string[], io: CommandIo, env: DatabaseEnv): Promise<number> {
  const parsed = parseArgs(args, ['help'], ['year']);
  if (typeof parsed === 'string' || parsed.flags.has('help') || parsed.words.length === 0) {
    if (typeof parsed === 'string') io.err(`ข้อผิดพลาด: ${parsed}`);
    io.err(HOLIDAYS_USAGE);
    return typeof parsed !== 'string' && parsed.flags.has('help') ? 0 : EXIT_FAILED;
  }
  return withDatabase(env, io, (db) => holidaysCommand(db, io, parsed.words, parsed.options));
}
