// The `ita` command line: `npm run ita -- <command> …`; each command lives in bot/cli/commands/.
import { readFile } from 'node:fs/promises';
import { runScore } from './commands/score.ts';

type Command = (args: string[]) => Promise<number>;

const io = {
  readFile: (path: string) => readFile(path, 'utf8'),
  out: (line: string) => console.log(line),
  err: (line: string) => console.error(line),
};

const COMMANDS: Record<string, { help: string; run: Command }> = {
  score: {
    help: 'score FILE [--json]   คำนวณคะแนน ITA จากไฟล์ JSON หรือ CSV',
    run: (args) => runScore(args, io),
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
