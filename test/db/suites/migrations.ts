// The migration runners: the same files and d1_migrations rows on better-sqlite3 and D1, and re-runs are no-ops.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { applyMigrationsD1 } from '../../../db/d1.ts';
import { MIGRATIONS_DIR, readMigrationFiles } from '../../../db/migration-files.ts';
import { pendingMigrations, splitSqlStatements } from '../../../db/migrator.ts';
import { openSqlite } from '../../../db/sqlite.ts';
import { dropAllD1, forEachDialect, MIGRATIONS } from '../dialects.ts';

const NAMES = MIGRATIONS.map((m) => m.name);
const dir = mkdtempSync(join(tmpdir(), 'ita-db-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('migrations', () => {
  forEachDialect((ctx) => {
    it('records every file in d1_migrations, in order, with wrangler columns', async () => {
      const db = await ctx.open();
      const rows = await db.kysely.selectFrom('d1_migrations').selectAll().orderBy('id').execute();
      expect(rows.map((r) => r.name)).toEqual(NAMES);
      expect(rows.every((r) => typeof r.applied_at === 'string' && r.applied_at.length > 0)).toBe(true);
      const columns = await sql<{
        name: string;
        type: string;
      }>`SELECT name, type FROM pragma_table_info('d1_migrations')`.execute(db.kysely);
      expect(columns.rows).toEqual([
        { name: 'id', type: 'INTEGER' },
        { name: 'name', type: 'TEXT' },
        { name: 'applied_at', type: 'TIMESTAMP' },
      ]);
    });

    it('creates every table of the schema', async () => {
      const db = await ctx.open();
      const tables = await db.kysely
        .selectFrom(sql<{ name: string; type: string }>`sqlite_master`.as('m'))
        .select('name')
        .where('type', '=', 'table')
        .where(sql<boolean>`name NOT LIKE 'sqlite%' AND substr(name, 1, 4) <> '_cf_'`)
        .orderBy('name')
        .execute();
      expect(tables.map((t) => t.name)).toContain('webhook_inbox');
      expect(tables).toHaveLength(31);
    });

    it('applies every file to an empty database, then nothing the second time', async () => {
      if (ctx.name === 'd1') {
        const d1 = ctx.rawD1();
        await dropAllD1(d1);
        expect(await applyMigrationsD1(d1, MIGRATIONS)).toEqual(NAMES);
        expect(await applyMigrationsD1(d1, MIGRATIONS)).toEqual([]);
      } else {
        const path = join(dir, 'twice.sqlite');
        const first = openSqlite(path, { migrations: MIGRATIONS });
        expect(first.migrationsApplied).toEqual(NAMES);
        await first.close();
        const second = openSqlite(path, { migrations: MIGRATIONS });
        expect(second.migrationsApplied).toEqual([]);
        await second.close();
      }
      const db = await ctx.open();
      const rows = await db.kysely.selectFrom('d1_migrations').select('name').orderBy('id').execute();
      expect(rows.map((r) => r.name)).toEqual(NAMES);
    });
  });
});

describe('0008_complaint_reopen', () => {
  it('fills the reopening and the first officer action after it from the history of complaints reopened before', async () => {
    const path = join(dir, 'reopen.sqlite');
    const before = openSqlite(path, { migrations: MIGRATIONS.filter((m) => m.name < '0008') });
    const complaint = (id: string, reopened: number) =>
      sql`INSERT INTO complaints (id, tracking_code, province_id, type, channel, description, identity_mode,
        status, reopened_count, created_at, updated_at)
        VALUES (${id}, ${`CODE-${id}`}, 'p', 'service', 'chat', 'ไฟทางดับ', 'code_only', 'x', ${reopened}, 't0', 't0')`;
    const event = (id: string, status: string, at: string) =>
      sql`INSERT INTO complaint_events (complaint_id, status, actor, at) VALUES (${id}, ${status}, 'x', ${at})`;
    for (const q of [
      sql`INSERT INTO provinces (id, name_th, created_at) VALUES ('p', 'ทดสอบ', 't0')`,
      complaint('a', 1),
      complaint('b', 1),
      complaint('c', 0),
      ...(['received', 'acknowledged', 'closed', 'reopened', 'in_progress', 'closed'] as const).map((st, i) =>
        event('a', st, `t${i + 1}`),
      ),
      ...(['received', 'closed', 'reopened'] as const).map((st, i) => event('b', st, `t${i + 1}`)),
      event('c', 'received', 't1'),
    ])
      await q.execute(before.kysely);
    await before.close();
    const after = openSqlite(path, { migrations: MIGRATIONS.filter((m) => m.name < '0009') });
    expect(after.migrationsApplied).toEqual(['0008_complaint_reopen.sql']);
    const rows = await after.kysely
      .selectFrom('complaints')
      .select(['id', 'reopened_at', 'reopen_acknowledged_at'])
      .orderBy('id')
      .execute();
    await after.close();
    expect(rows).toEqual([
      { id: 'a', reopened_at: 't4', reopen_acknowledged_at: 't5' },
      { id: 'b', reopened_at: 't3', reopen_acknowledged_at: null },
      { id: 'c', reopened_at: null, reopen_acknowledged_at: null },
    ]);
  });
});

describe('openSqlite', () => {
  it('creates the folder and file, migrates once and is a no-op when reopened', async () => {
    const path = join(dir, 'nested', 'data', 'ita.sqlite');
    const first = openSqlite(path);
    expect(first.migrationsApplied).toEqual(NAMES);
    await first.close();
    expect(existsSync(path)).toBe(true);
    const second = openSqlite(path);
    expect(second.migrationsApplied).toEqual([]);
    const mode = await sql<{ journal_mode: string }>`PRAGMA journal_mode`.execute(second.kysely);
    expect(mode.rows[0]?.journal_mode).toBe('wal');
    await second.close();
  });

  it('applies only the files added since the last run', async () => {
    const path = join(dir, 'partial.sqlite');
    const first = openSqlite(path, { migrations: MIGRATIONS.slice(0, 2) });
    expect(first.migrationsApplied).toEqual(NAMES.slice(0, 2));
    await first.close();
    const second = openSqlite(path);
    expect(second.migrationsApplied).toEqual(NAMES.slice(2));
    await second.close();
  });

  it('rolls back a file that fails and records nothing for it', async () => {
    const broken = [
      ...MIGRATIONS,
      { name: '9999_broken.sql', sql: 'CREATE TABLE ok_then (x);\nCREATE TABLE nope (;' },
    ];
    expect(() => openSqlite(':memory:', { migrations: broken })).toThrow();
    const path = join(dir, 'broken.sqlite');
    expect(() => openSqlite(path, { migrations: broken })).toThrow();
    const db = openSqlite(path);
    const tables = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE name = 'ok_then'`.execute(
      db.kysely,
    );
    expect(tables.rows).toEqual([]);
    const names = await db.kysely.selectFrom('d1_migrations').select('name').execute();
    expect(names.map((n) => n.name)).toEqual(NAMES);
    await db.close();
  });
});

describe('readMigrationFiles', () => {
  it('reads the .sql files of db/migrations in numeric order', () => {
    const files = readMigrationFiles(MIGRATIONS_DIR);
    expect(files[0]?.name).toBe('0001_init.sql');
    expect(files.map((f) => f.name)).toEqual([...files.map((f) => f.name)].sort());
    expect(files.every((f) => /^\d{4}_[a-z_]+\.sql$/.test(f.name))).toBe(true);
  });
});

describe('splitSqlStatements', () => {
  it('splits on semicolons outside comments and quotes', () => {
    const text = `-- a comment; with a semicolon
CREATE TABLE t (a TEXT DEFAULT 'x;y', "b;c" INTEGER); /* block; comment */
INSERT INTO t VALUES ('it''s; fine', 1);
-- trailing comment`;
    expect(splitSqlStatements(text)).toEqual([
      `CREATE TABLE t (a TEXT DEFAULT 'x;y', "b;c" INTEGER)`,
      `INSERT INTO t VALUES ('it''s; fine', 1)`,
    ]);
  });

  it('keeps a last statement without a semicolon', () => {
    expect(splitSqlStatements('SELECT 1;\nSELECT 2')).toEqual(['SELECT 1', 'SELECT 2']);
  });
});

describe('pendingMigrations', () => {
  it('orders by the number before the first underscore and skips applied names', () => {
    const files = [
      { name: '0010_b.sql', sql: '' },
      { name: '0002_a.sql', sql: '' },
      { name: '0001_init.sql', sql: '' },
    ];
    expect(pendingMigrations(files, ['0001_init.sql']).map((f) => f.name)).toEqual([
      '0002_a.sql',
      '0010_b.sql',
    ]);
  });

  it('refuses a file name without a number', () => {
    expect(() => pendingMigrations([{ name: 'init.sql', sql: '' }], [])).toThrow(/number/);
  });
});
