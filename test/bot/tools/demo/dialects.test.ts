// The demo loads the same on both runtimes: better-sqlite3 (Node) and D1 (Workers, through miniflare).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadDemo } from '../../../../bot/tools/demo/load.ts';
import type { DemoSummary } from '../../../../bot/tools/demo/summary.ts';
import { forEachDialect } from '../../../db/dialects.ts';
import { closeAll, dumpTables, NOW, openDb } from './support.ts';

let reference: { summary: DemoSummary; scores: string[] } | undefined;

beforeAll(async () => {
  const db = openDb();
  const summary = await loadDemo(db, NOW);
  reference = { summary, scores: (await dumpTables(db)).scores ?? [] };
});

afterAll(closeAll);

forEachDialect((ctx) => {
  it('loads the same rows as a fresh in-memory SQLite', async () => {
    const db = await ctx.open();
    const summary = await loadDemo(db, NOW);
    expect(summary).toEqual(reference?.summary);
    expect((await dumpTables(db)).scores).toEqual(reference?.scores);
  });
});
