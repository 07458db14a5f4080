// The facts the tests check against, kept in the repository: read at collection, and a file that cannot be
// read fails one named test of the file that needs it instead of failing the whole file at load (which the
// summary would not count).
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import type { PublishedCase } from '../../bot/tools/demo/published-scores.ts';

export type { PublishedCase };

/** The NACC's published figures: the one copy, which the demo loads too. */
export const PUBLISHED_RESULTS = new URL('../../bot/tools/demo/published-results.json', import.meta.url);
/** Indicator names and the seven analysis topics as the design gives them. */
export const DESIGN_NAMES = new URL('../fixtures/design-names.json', import.meta.url);

export interface Fixture<T> {
  name: string;
  data: T | undefined;
  problem?: string;
}

export function readFixture<T>(url: URL): Fixture<T> {
  const name = url.pathname.split('/').slice(-2).join('/');
  try {
    return { name, data: JSON.parse(readFileSync(url, 'utf8')) as T };
  } catch (error) {
    return { name, data: undefined, problem: `${name}: ${(error as Error).message}` };
  }
}

/** Adds the test that fails, by the fixture's name, when it could not be read. */
export function itReadsFixture(fixture: Fixture<unknown>): void {
  it(`reads ${fixture.name} from the repository`, () => {
    expect(fixture.problem).toBeUndefined();
    expect(fixture.data).toBeDefined();
  });
}

/** The published cases, or none when the file cannot be read (its named test then fails). */
export function readPublishedCases(): {
  fixture: Fixture<{ cases: PublishedCase[] }>;
  cases: PublishedCase[];
} {
  const fixture = readFixture<{ cases: PublishedCase[] }>(PUBLISHED_RESULTS);
  return { fixture, cases: fixture.data?.cases ?? [] };
}
