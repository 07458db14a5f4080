// The Node runtime's file database: WAL checkpoints run in a worker thread, not inside the app's commits.
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqlite } from '../../db/sqlite.ts';

const dir = mkdtempSync(join(tmpdir(), 'ita-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function waitFor(check: () => boolean, ms: number): Promise<boolean> {
  for (const until = Date.now() + ms; Date.now() < until; ) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return check();
}

describe('openSqlite', () => {
  it('copies committed pages into the database file from a worker thread, and leaves no WAL on close', async () => {
    const path = join(dir, 'checkpoint.sqlite');
    const db = openSqlite(path);
    await sql`CREATE TABLE filler (x TEXT)`.execute(db.kysely);
    const before = statSync(path).size;
    // ~1 MB, ~250 pages: far under the commit-time fallback of 10,000, so only the worker can copy them back.
    await db.batch([
      sql`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500)
        INSERT INTO filler SELECT hex(randomblob(1000)) FROM n`.compile(db.kysely),
    ]);
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(1_000_000);
    expect(await waitFor(() => statSync(path).size > before + 1_000_000, 3000)).toBe(true);
    await db.close();
    expect(existsSync(`${path}-wal`)).toBe(false);
    const again = openSqlite(path);
    const rows = await sql<{ n: number }>`SELECT count(*) AS n FROM filler`.execute(again.kysely);
    expect(rows.rows[0]?.n).toBe(500);
    await again.close();
  });
});
