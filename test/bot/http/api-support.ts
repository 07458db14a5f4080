// Helpers for the /api tests: a harness with the demo loaded and a signed-in token for each demo person.
import { loadDemo } from '../../../bot/tools/demo/index.ts';
import {
  DEMO_CITIZEN_ID,
  DEMO_COORDINATOR_ID,
  DEMO_OFFICER_ID,
  DEMO_STAFF_ID,
} from '../../../bot/tools/demo/line.ts';
import { type Harness, LOGIN_CHANNEL_ID, startHarness } from '../../support/harness.ts';

/** A Monday in FY2570 (the demo's clock): the plan is under way, the two years before have scores. */
export const NOW = new Date('2026-11-23T09:00:00.000Z');

export const TOKENS = {
  coordinator: 'tok-coordinator',
  staff: 'tok-staff',
  officer: 'tok-officer',
  citizen: 'tok-citizen',
} as const;

export type Person = keyof typeof TOKENS;

export interface ApiHarness extends Harness {
  /** A request to /api/… as the person (JSON body when given). */
  call(person: Person | null, path: string, init?: { method?: string; body?: unknown }): Promise<Response>;
}

export async function startApiHarness(now: Date = NOW): Promise<ApiHarness> {
  const harness = await startHarness({ now: () => now });
  await loadDemo(harness.deps.db, now);
  const users: Record<Person, string> = {
    coordinator: DEMO_COORDINATOR_ID,
    staff: DEMO_STAFF_ID,
    officer: DEMO_OFFICER_ID,
    citizen: DEMO_CITIZEN_ID,
  };
  for (const person of Object.keys(TOKENS) as Person[]) {
    harness.fake.registerIdToken(TOKENS[person], { sub: users[person], aud: LOGIN_CHANNEL_ID });
  }
  const call: ApiHarness['call'] = (person, path, init) =>
    harness.callApi(person === null ? null : TOKENS[person], path, init);
  return { ...harness, call };
}
