// The Node runtime: opens (creating and migrating) a better-sqlite3 file and wraps it as a Db handle.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
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
    }
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    migrationsApplied = applyMigrations(sqlite, options.migrations ?? readMigrationFiles());
  } catch (error) {
    sqlite.close(); // a failed migration must not leave the file open (and locked on some systems)
    throw error;
  }
  const statements = createStatementCache(sqlite);
  const kysely = new Kysely<Schema>({ dialect: new SqliteDialect({ database: statements }) });
  return {
    kysely,
    dialect: 'sqlite',
    migrationsApplied,
    batch: makeBatch(async (queries) => runBatch(sqlite, statements, queries)),
    close: () => kysely.destroy(),
  };
}

/**
 * The same bookkeeping as `wrangler d1 migrations apply`: each pending file and its d1_migrations row in one
 * transaction. IMMEDIATE takes the write lock first, so two processes starting at once cannot both apply a file.
 */
function applyMigrations(sqlite: Database.Database, files: readonly MigrationFile[]): string[] {
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
function createStatementCache(sqlite: Database.Database) {
  const cache = new Map<string, Database.Statement<unknown[], Record<string, unknown>>>();
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
  sqlite: Database.Database,
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
