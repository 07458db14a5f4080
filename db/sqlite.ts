// The Node runtime: opens (creating and migrating) a better-sqlite3 file and wraps it as a Db handle.
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';
import type BetterSqlite3 from 'better-sqlite3';
import type { CompiledQuery } from 'kysely';
import { Kysely, SqliteDialect } from 'kysely';
import type { BatchResult, Db } from './db.ts';
import { makeBatch } from './db.ts';
import { readMigrationFiles } from './migration-files.ts';
import type { MigrationFile } from './migrator.ts';
import {
  CREATE_MIGRATIONS_TABLE,
  MIGRATIONS_TABLE,
  pendingMigrations,
  RECORD_MIGRATION,
} from './migrator.ts';
import type { Database as Schema } from './schema.ts';

/**
 * better-sqlite3 13 (Node-API, prebuilt for every platform) on Node 22 and later; 12 only on Node 20, where 13
 * crashes. 12 cannot stay on Node 24: from 24.19 a statement or database it frees in an idle garbage collection
 * aborts the process (`RemoveEnvironmentCleanupHook` … `(env) != nullptr`; 13 no longer derives from
 * node::ObjectWrap). package.json installs 12 as the optional `better-sqlite3-node20`.
 */
const SQLITE_MODULE =
  Number(process.versions.node.split('.')[0]) >= 22 ? 'better-sqlite3' : 'better-sqlite3-node20';
const require = createRequire(import.meta.url);
const Database: typeof BetterSqlite3 = require(SQLITE_MODULE);
type Database = BetterSqlite3.Database;

export interface SqliteOptions {
  /** Defaults to the files of db/migrations/. */
  migrations?: readonly MigrationFile[];
  /** How long a writer waits for another process's lock before SQLITE_BUSY; default 5 s. */
  busyTimeoutMs?: number;
}

export interface SqliteDb extends Db {
  /** Names of the migrations this open applied (empty when the file was up to date). */
  readonly migrationsApplied: readonly string[];
}

const IN_MEMORY = new Set([':memory:', '']);

/** Opens `path` (or ':memory:'), creating its folder, and applies the migrations it does not have yet. */
export function openSqlite(path: string, options: SqliteOptions = {}): SqliteDb {
  if (!IN_MEMORY.has(path)) mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  // WAL lets the web server read while the scheduler or the CLI writes (https://sqlite.org/wal.html);
  // D1 enforces foreign keys, so SQLite must too or a test could pass here and fail there.
  let migrationsApplied: string[];
  try {
    if (!IN_MEMORY.has(path)) {
      sqlite.pragma('journal_mode = WAL');
      // In WAL mode NORMAL syncs at checkpoints, not at every commit: a crash of the process loses nothing,
      // a power cut may lose the last commits (https://sqlite.org/pragma.html#pragma_synchronous). FULL
      // cost an fsync per webhook write and capped the server at a fifth of the SDK baseline (bench/webhook).
      sqlite.pragma('synchronous = NORMAL');
      // Checkpoints are a worker thread's job (startCheckpointer); this only bounds the WAL if it falls behind.
      sqlite.pragma(`wal_autocheckpoint = ${FALLBACK_CHECKPOINT_PAGES}`);
    }
    sqlite.pragma('foreign_keys = ON');
    // Erased and deleted content (a handled webhook event, a complaint past retention) is overwritten in the
    // file, not left in free pages for someone with a copy of it (https://sqlite.org/pragma.html#pragma_secure_delete).
    sqlite.pragma('secure_delete = ON');
    sqlite.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    migrationsApplied = applyMigrations(sqlite, options.migrations ?? readMigrationFiles());
  } catch (error) {
    sqlite.close(); // a failed migration must not leave the file open (and locked on some systems)
    throw error;
  }
  // Should the worker thread fail, commits checkpoint again at SQLite's default of 1,000 pages.
  const checkpointer = IN_MEMORY.has(path)
    ? undefined
    : startCheckpointer(path, () => sqlite.open && sqlite.pragma('wal_autocheckpoint = 1000'));
  const statements = createStatementCache(sqlite);
  const kysely = new Kysely<Schema>({ dialect: new SqliteDialect({ database: statements }) });
  return {
    kysely,
    dialect: 'sqlite',
    migrationsApplied,
    checkpointAfterErase() {
      checkpointer?.postMessage('erased');
    },
    batch: makeBatch(async (queries) => runBatch(sqlite, statements, queries)),
    async close() {
      await checkpointer?.terminate();
      await kysely.destroy(); // the last connection to close checkpoints what is left and removes the WAL
    },
  };
}

const CHECKPOINT_INTERVAL_MS = 100;
/** 40 MB of WAL: reached only if the worker thread's checkpoints stop keeping up. */
const FALLBACK_CHECKPOINT_PAGES = 10_000;

/**
 * Copies the WAL back into the database file from a worker thread with its own connection, every 100 ms.
 * SQLite otherwise checkpoints inside the commit that crosses 1,000 pages, on the event loop, with two fsyncs
 * (synchronous=NORMAL): under webhook load that was a third of each insert's cost and the slowest answers
 * (bench/webhook). PASSIVE never blocks the writer (https://sqlite.org/c3ref/wal_checkpoint_v2.html).
 */
function startCheckpointer(path: string, onFailure: () => void): Worker {
  const worker = new Worker(
    `const { workerData } = require('node:worker_threads');
    const Database = require(workerData.module);
    const db = new Database(workerData.path);
    db.pragma('busy_timeout = 1000');
    const { parentPort } = require('node:worker_threads');
    let erased = false;
    parentPort.on('message', () => { erased = true; });
    setInterval(() => {
      try {
        if (erased) {
          // Erased content must not survive in the WAL's old frames: copy everything back and empty the file.
          // A short busy wait: when readers are busy it is tried again on the next round, never blocking long.
          db.pragma('busy_timeout = 50');
          const [result] = db.pragma('wal_checkpoint(TRUNCATE)');
          db.pragma('busy_timeout = 1000');
          if (result && result.busy === 0) erased = false;
        } else {
          db.pragma('wal_checkpoint(PASSIVE)');
        }
      } catch {} // busy: the next round catches up
    }, workerData.intervalMs);`,
    {
      eval: true,
      workerData: {
        module: require.resolve(SQLITE_MODULE),
        path,
        intervalMs: CHECKPOINT_INTERVAL_MS,
      },
    },
  );
  worker.on('error', onFailure);
  worker.unref(); // never what keeps a process (the CLI, a test) alive
  return worker;
}

/**
 * The same bookkeeping as `wrangler d1 migrations apply`: each pending file and its d1_migrations row in one
 * transaction. IMMEDIATE takes the write lock first, so two processes starting at once cannot both apply a file.
 */
function applyMigrations(sqlite: Database, files: readonly MigrationFile[]): string[] {
  sqlite.exec(CREATE_MIGRATIONS_TABLE);
  const listApplied = sqlite.prepare<[], string>(`SELECT name FROM ${MIGRATIONS_TABLE}`).pluck();
  const record = sqlite.prepare(RECORD_MIGRATION);
  const applied: string[] = [];
  for (const file of pendingMigrations(files, listApplied.all())) {
    const apply = sqlite.transaction(() => {
      if (listApplied.all().includes(file.name)) return;
      sqlite.exec(file.sql);
      record.run(file.name);
      applied.push(file.name);
    });
    apply.immediate();
  }
  return applied;
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * Prepared statements by SQL text. Kysely's SQLite driver prepares a statement for every query, and
 * better-sqlite3's prepare was the largest single cost of a webhook request under load (bench/webhook,
 * profiled); its statements are reusable, so the app's few hundred distinct queries are prepared once.
 */
function createStatementCache(sqlite: Database) {
  const cache = new Map<string, BetterSqlite3.Statement<unknown[], Record<string, unknown>>>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (statement === undefined) {
        statement = sqlite.prepare<unknown[], Record<string, unknown>>(sql);
        if (cache.size >= STATEMENT_CACHE_SIZE) {
          const oldest = cache.keys().next();
          if (oldest.done !== true) cache.delete(oldest.value);
        }
        cache.set(sql, statement);
      }
      return statement;
    },
  };
}

/** One IMMEDIATE transaction: a failing statement throws and rolls back every statement before it. */
function runBatch(
  sqlite: Database,
  statements: ReturnType<typeof createStatementCache>,
  queries: readonly CompiledQuery<unknown>[],
): BatchResult[] {
  const run = sqlite.transaction(() =>
    queries.map((query): BatchResult => {
      const statement = statements.prepare(query.sql);
      const params = [...query.parameters];
      if (statement.reader) {
        const rows = statement.all(params);
        return { rows, numAffectedRows: statement.readonly ? 0 : rows.length };
      }
      return { rows: [], numAffectedRows: statement.run(params).changes };
    }),
  );
  return run.immediate();
}

/**
 * SQLite's online backup (https://sqlite.org/backup.html) of the file at `path` into `out`: a consistent copy
 * taken page by page from its own read-only connection while other connections keep writing. Returns the pages.
 */
export async function backupSqliteFile(path: string, out: string): Promise<number> {
  const source = new Database(path, { readonly: true, fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    const { totalPages } = await source.backup(out);
    return totalPages;
  } finally {
    source.close();
  }
}
