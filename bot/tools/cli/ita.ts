// The `ita` command line: `npm run ita -- <command> …`; each command lives in bot/tools/cli/commands/.
import { readFile } from 'node:fs/promises';
import { fiscalYearOf } from '../../../core/index.ts';
import { type Config, parseConfig } from '../../config.ts';
import { runAgencies } from './commands/agencies.ts';
import { runDemo } from './commands/demo.ts';
import { runFramework } from './commands/framework.ts';
import { runMigrate } from './commands/migrate.ts';
import { runBackup, runKeys, runStatus } from './commands/operate.ts';
import { runOutbox } from './commands/outbox.ts';
import { runPlan } from './commands/plan.ts';
import { runReport } from './commands/report.ts';
import { runRichMenuWithConfig } from './commands/richmenu.ts';
import { runRoles } from './commands/roles.ts';
import { runScore } from './commands/score.ts';
import { runScores } from './commands/scores.ts';
import { runHolidays, runSettings } from './commands/settings.ts';
import { runTick } from './commands/tick.ts';

const io = {
  readFile: (path: string) => readFile(path, 'utf8'),
  out: (line: string) => console.log(line),
  err: (line: string) => console.error(line),
};

/** Configuration, read from the environment only by commands that need it; a bad value names the variable. */
function config(): Config | undefined {
  const parsed = parseConfig(process.env);
  if (parsed.ok) return parsed.config;
  for (const error of parsed.errors) io.err(`ข้อผิดพลาดในการตั้งค่า: ${error}`);
  return undefined;
}

function withConfig(run: (config: Config) => Promise<number>): Promise<number> {
  const c = config();
  return c === undefined ? Promise.resolve(2) : run(c);
}

const COMMANDS: Record<string, { help: string; run: (args: string[]) => Promise<number> }> = {
  score: {
    help: 'score FILE [--json]          คำนวณคะแนน ITA จากไฟล์ JSON หรือ CSV',
    run: (args) => runScore(args, io),
  },
  migrate: {
    help: 'migrate                      สร้างหรือปรับโครงสร้างฐานข้อมูล (DATABASE_PATH)',
    run: (args) => withConfig((c) => runMigrate(args, io, { databasePath: c.databasePath })),
  },
  demo: {
    help: 'demo                         ใส่ข้อมูลตัวอย่างจังหวัดปทุมธานี',
    run: (args) => withConfig((c) => runDemo(args, io, { databasePath: c.databasePath })),
  },
  plan: {
    help: 'plan create|list|move|assign …  แผนงาน ITA ของปี (สร้างจากปฏิทินมาตรฐาน เลื่อนกำหนด มอบหมายหน่วยงาน)',
    run: (args) => withConfig((c) => runPlan(args, io, { databasePath: c.databasePath })),
  },
  roles: {
    help: 'roles grant|revoke|list|bindcode …   สิทธิ์ผู้ใช้และรหัสผูกกลุ่ม LINE',
    run: (args) => withConfig((c) => runRoles(args, io, { databasePath: c.databasePath })),
  },
  richmenu: {
    help: 'richmenu [--out DIR]         สร้างริชเมนูตามบทบาท (ประชาชน เจ้าหน้าที่ ผู้ประสานงาน ผู้รับเรื่อง) ใน LINE (หรือเขียนรูปลงโฟลเดอร์)',
    run: (args) => withConfig((c) => runRichMenuWithConfig(args, io, c)),
  },
  tick: {
    help: 'tick [--now ISO_TIME]        ทำงานตามกำหนดเวลาหนึ่งรอบ (แจ้งเตือน ส่งข้อความค้าง)',
    run: (args) => withConfig((c) => runTick(args, io, c)),
  },
  outbox: {
    help: 'outbox status|resume          สถานะการส่งข้อความ และส่งต่อทันทีหลังเพิ่มแพ็กเกจ LINE',
    run: (args) => withConfig((c) => runOutbox(args, io, c)),
  },
  framework: {
    help: 'framework list | show <พ.ศ.> [--json] | import FILE   กรอบการประเมินแต่ละปีและหลักฐาน นำเข้ากรอบของปี',
    run: (args) =>
      withConfig((c) =>
        runFramework(args, io, { databasePath: c.databasePath, currentYear: fiscalYearOf(new Date()) }),
      ),
  },
  scores: {
    help: 'scores import FILE [--year <พ.ศ.>] [--apply]   นำเข้าผลคะแนนที่ประกาศ (CSV/XLSX หนึ่งแถวต่อหน่วยงาน) ตรวจก่อนบันทึก',
    run: (args) => withConfig((c) => runScores(args, io, { databasePath: c.databasePath })),
  },
  report: {
    help: 'report analysis|measures --agency <id> --year <พ.ศ.> [--format docx|html|json]   ร่างรายงาน OIT จากข้อมูล',
    run: (args) => withConfig((c) => runReport(args, io, { databasePath: c.databasePath })),
  },
  agencies: {
    help: 'agencies import FILE [--apply] | template [--out FILE] | list   รายชื่อหน่วยงานของจังหวัด (CSV/Excel)',
    run: (args) => withConfig((c) => runAgencies(args, io, { databasePath: c.databasePath })),
  },
  settings: {
    help: 'settings list | get KEY | set KEY VALUE   การตั้งค่า (เวลาทำการ เรื่องร้องเรียน ฯลฯ)',
    run: (args) => withConfig((c) => runSettings(args, io, { databasePath: c.databasePath })),
  },
  holidays: {
    help: 'holidays list [--year 2571] | add DATE NAME | remove DATE   วันหยุดราชการ',
    run: (args) => withConfig((c) => runHolidays(args, io, { databasePath: c.databasePath })),
  },
  keys: {
    help: 'keys rotate                  เปลี่ยนกุญแจเรื่องร้องเรียนเป็น COMPLAINT_KEY_NEW',
    run: (args) => withConfig((c) => runKeys(args, io, c, process.env)),
  },
  backup: {
    help: 'backup --out FILE            สำรองฐานข้อมูล SQLite ขณะระบบทำงาน',
    run: (args) => withConfig((c) => runBackup(args, io, c)),
  },
  status: {
    help: 'status                       สถานะระบบ (ข้อความค้างส่ง ตัวจัดกำหนดเวลา กุญแจ)',
    run: (args) => withConfig((c) => runStatus(args, io, c)),
  },
};

function usage(): string {
  const lines = Object.values(COMMANDS).map((c) => `  npm run ita -- ${c.help}`);
  return ['วิธีใช้:', ...lines].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help') {
    io.out(usage());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (command === undefined) {
    io.err(`ข้อผิดพลาด: ไม่รู้จักคำสั่ง "${name}"`);
    io.err(usage());
    return 2;
  }
  return command.run(args);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // An unexpected failure still ends with one line, never a stack trace on the operator's screen.
    io.err(`ข้อผิดพลาด: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
