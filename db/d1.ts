// The Workers runtime: wraps a D1 binding as a Db handle (wrangler migrates it), plus a migration runner for tests.
import type { D1Database } from '@cloudflare/workers-types/index.ts';
import type { CompiledQuery, DatabaseConnection, Driver, QueryResult } from 'kysely';
import { Kysely } from 'kysely';
import { D1Dialect } from 'kysely-d1';
import type { BatchResult, Db } from './db.ts';
import { makeBatch } from './db.ts';
import type { MigrationFile } from './migrator.ts';
import {
  CREATE_MIGRATIONS_TABLE,
  MIGRATIONS_TABLE,
  pendingMigrations,
  RECORD_MIGRATION,
  splitSqlStatements,
} from './migrator.ts';
import type { Database as Schema } from './schema.ts';

/** A Db handle over a D1 binding (`env.DB`). It does not migrate: `wrangler d1 migrations apply` does. */
export function openD1(d1: D1Database): Db {
  const kysely = new Kysely<Schema>({ dialect: new QuietD1Dialect({ database: d1 }) });
  return {
    kysely,
    dialect: 'd1',
    // D1's batch is its transaction: the statements run in order and a failure rolls all of them back
    // (https://developers.cloudflare.com/d1/worker-api/d1-database/#batch).
    batch: makeBatch(async (queries) => {
      const statements = queries.map((q) => d1.prepare(q.sql).bind(...q.parameters));
      const results = await d1.batch<Record<string, unknown>>(statements);
      return results.map(
        (r): BatchResult => ({ rows: r.results ?? [], numAffectedRows: r.meta.changes ?? 0 }),
      );
    }),
    close: () => kysely.destroy(),
  };
}

/**
 * Applies `files` the way `wrangler d1 migrations apply` does — one batch per file, its statements plus the
 * d1_migrations row — for tests that run the real schema on a miniflare D1. Returns the names it applied.
 */
export async function applyMigrationsD1(d1: D1Database, files: readonly MigrationFile[]): Promise<string[]> {
  await d1.prepare(CREATE_MIGRATIONS_TABLE).run();
  const { results } = await d1.prepare(`SELECT name FROM ${MIGRATIONS_TABLE}`).all<{ name: string }>();
  const applied: string[] = [];
  for (const file of pendingMigrations(
    files,
    results.map((r) => r.name),
  )) {
    const statements = splitSqlStatements(file.sql).map((s) => d1.prepare(s));
    await d1.batch([...statements, d1.prepare(RECORD_MIGRATION).bind(file.name)]);
    applied.push(file.name);
  }
  return applied;
}

const NO_TRANSACTIONS =
  'D1 has no interactive transactions: write atomically with db.batch() or one statement';

// kysely-d1 0.4 also returns the field Kysely renamed in 0.23, and Kysely then logs "outdated driver/plugin
// detected!" (kysely src/query-executor/query-executor-base.ts). Passing on only today's fields keeps logs clean.
// D1 rejects BEGIN (PLATFORM-NOTES §6.2), so a transaction fails at once with a message saying what to use.
class QuietD1Dialect extends D1Dialect {
  override createDriver(): Driver {
    const driver = super.createDriver();
    const refuse = () => Promise.reject(new Error(NO_TRANSACTIONS));
    return {
      init: () => driver.init(),
      acquireConnection: async () => quietConnection(await driver.acquireConnection()),
      beginTransaction: refuse,
      commitTransaction: refuse,
      rollbackTransaction: refuse,
      releaseConnection: (c) => driver.releaseConnection(c),
      destroy: () => driver.destroy(),
    };
  }
}

function quietConnection(connection: DatabaseConnection): DatabaseConnection {
  return {
    async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
      const { rows, numAffectedRows, insertId } = await connection.executeQuery<R>(query);
      return { rows, numAffectedRows, insertId };
    },
    streamQuery: (query, chunkSize) => connection.streamQuery(query, chunkSize),
  };
}
