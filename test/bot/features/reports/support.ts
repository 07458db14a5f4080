// Helpers for the report tests: a demo database, the seeds' published figures and their agencies.
import { loadDemo } from '../../../../bot/tools/demo/load.ts';
import type { Db } from '../../../../db/db.ts';
import { openSqlite } from '../../../../db/sqlite.ts';
import { type PublishedCase, readPublishedCases } from '../../../support/fixtures.ts';

export type { PublishedCase };

/** A Monday in FY2570, as the demo tests use. */
export const NOW = new Date('2026-11-23T09:00:00.000Z');

export const PATHUM_THANI_OFFICE = 'pathum-thani-office';
export const TAK_PAO = 'tak-pao';

export function publishedCase(id: string): PublishedCase {
  const { fixture, cases } = readPublishedCases();
  if (fixture.problem !== undefined) throw new Error(fixture.problem);
  const found = cases.find((c) => c.id === id);
  if (found === undefined) throw new Error(`fixture case ${id} is missing`);
  return found;
}

const opened: Db[] = [];

export async function openDemoDb(): Promise<Db> {
  const db = openSqlite(':memory:');
  opened.push(db);
  await loadDemo(db, NOW);
  return db;
}

export async function closeAll(): Promise<void> {
  await Promise.all(opened.splice(0).map((db) => db.close()));
}
