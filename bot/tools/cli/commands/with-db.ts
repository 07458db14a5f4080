// What the issue-14 commands share: words and `--name value` options, and a database opened for one command.
// Each command's work takes the Kysely-backed Db handle, so it runs against whatever database the CLI opens.
import type { Db } from '../../../../db/db.ts';
import { type CommandIo, type DatabaseEnv, databaseFailure, EXIT_FAILED, openDatabase } from './migrate.ts';

export interface Args {
  words: string[];
  options: Map<string, string>;
  flags: Set<string>;
}

/** `flags` are options that take no value (e.g. --apply); any other `--name` must be followed by a value. */
export function parseArgs(
  args: readonly string[],
  flags: readonly string[],
  options: readonly string[],
): Args | string {
  const out: Args = { words: [], options: new Map(), flags: new Set() };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (!arg.startsWith('--')) {
      out.words.push(arg);
      continue;
    }
    const name = arg.slice(2);
    if (flags.includes(name)) {
      out.flags.add(name);
      continue;
    }
    if (!options.includes(name)) return `ไม่รู้จักตัวเลือก ${arg}`;
    const value = args[i + 1];
    if (value === undefined || value.startsWith('--')) return `ต้องระบุค่าหลัง ${arg}`;
    out.options.set(name, value);
    i++;
  }
  return out;
}

/** Opens the database, runs `work` and closes it; a string from `work` is printed as the error (exit 2). */
export async function withDatabase(
  env: DatabaseEnv,
  io: CommandIo,
  work: (db: Db) => Promise<number | string>,
): Promise<number> {
  const db = openDatabase(env, io);
  if (db === undefined) return EXIT_FAILED;
  try {
    const outcome = await work(db);
    if (typeof outcome === 'string') io.err(`ข้อผิดพลาด: ${outcome}`);
    return typeof outcome === 'string' ? EXIT_FAILED : outcome;
  } catch (error) {
    io.err(databaseFailure(env.databasePath, error));
    return EXIT_FAILED;
  } finally {
    await db.close();
  }
}

export { type CommandIo, type DatabaseEnv, EXIT_FAILED };
