// Runs a db suite once on better-sqlite3 and once on a miniflare D1, giving every test a fresh, migrated database.
import { Miniflare } from 'miniflare';
import { afterAll, afterEach, describe } from 'vitest';
import { applyMigrationsD1, openD1 } from '../../db/d1.ts';
import type { Db, Dialect } from '../../db/db.ts';
import { readMigrationFiles } from '../../db/migration-files.ts';
import { openSqlite } from '../../db/sqlite.ts';

export interface DialectContext {
  name: Dialect;
  /** A fresh database with every migration applied, closed after the test. */
  open(): Promise<Db>;
  /** The raw miniflare D1 behind `open()` (d1 only): to run the migration runner itself. */
  rawD1(): D1;
}

export type D1 = Awaited<ReturnType<Miniflare['getD1Database']>>;

export const MIGRATIONS = readMigrationFiles();

const USER_TABLES = `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'
  AND substr(name, 1, 4) <> '_cf_' ORDER BY rowid DESC`;

/** Drops every table (children first: reverse creation order), leaving D1 as new. */
export async function dropAllD1(d1: D1): Promise<void> {
  const { results } = await d1.prepare(USER_TABLES).all<{ name: string }>();
  if (results.length > 0) await d1.batch(results.map((t) => d1.prepare(`DROP TABLE "${t.name}"`)));
}

// Starting a Miniflare costs ~0.5 s of CPU and migrating a D1 ~0.2 s, so a test file shares one migrated D1
// and each test starts from empty tables. One `exec` of all the DELETEs is a single round trip (~5 ms, against ~55 ms
// as a batch); sqlite_sequence is cleared too so AUTOINCREMENT ids start at 1 as in a new database.
async function emptyingScript(d1: D1): Promise<string> {
  const { results } = await d1.prepare(USER_TABLES).all<{ name: string }>();
  const tables = results.map((t) => t.name).filter((name) => name !== 'd1_migrations');
  return [...tables.map((name) => `DELETE FROM "${name}";`), 'DELETE FROM sqlite_sequence;'].join('\n');
}

function sqliteContext(opened: Db[]): DialectContext {
  return {
    name: 'sqlite',
    async open() {
      const db = openSqlite(':memory:', { migrations: MIGRATIONS });
      opened.push(db);
      return db;
    },
    rawD1() {
      throw new Error('rawD1 is for the d1 dialect');
    },
  };
}

function d1Context(opened: Db[], shared: () => Promise<SharedD1>): DialectContext {
  let current: D1 | undefined;
  return {
    name: 'd1',
    async open() {
      const { d1, emptying } = await shared();
      await d1.exec(emptying);
      current = d1;
      const db = openD1(d1);
      opened.push(db);
      return db;
    },
    rawD1() {
      if (!current) throw new Error('open() first');
      return current;
    },
  };
}

interface SharedD1 {
  miniflare: Miniflare;
  d1: D1;
  emptying: string;
}

// One Miniflare (one workerd process) per test file, started by the first D1 test and disposed after the
// file's last test: this module is evaluated once per test file, and a top-level afterAll is a file-level hook.
let shared: Promise<SharedD1> | undefined;

async function startD1(): Promise<SharedD1> {
  const miniflare = new Miniflare({
    modules: true,
    script: 'export default { fetch() { return new Response("") } }',
    d1Databases: ['DB'],
  });
  const d1 = await miniflare.getD1Database('DB');
  await dropAllD1(d1);
  await applyMigrationsD1(d1, MIGRATIONS);
  return { miniflare, d1, emptying: await emptyingScript(d1) };
}

afterAll(async () => {
  const started = shared;
  shared = undefined;
  if (started) await (await started).miniflare.dispose();
});

/** `describe('sqlite')` and `describe('d1')` around the same tests. */
export function forEachDialect(body: (ctx: DialectContext) => void): void {
  describe.each(['sqlite', 'd1'] as const)('%s', (name) => {
    const opened: Db[] = [];
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((db) => db.close()));
    });
    const sharedD1 = () => {
      shared ??= startD1();
      return shared;
    };
    body(name === 'sqlite' ? sqliteContext(opened) : d1Context(opened, sharedD1));
  });
}
