// The Workers entry (bot/worker.ts) called as the runtime calls it, on a miniflare D1: a missing LINE variable
// named in a 503, ADMIN_LINE_USER_IDS granted at the first invocation, the account's name read fresh, and a failing cron run caught and logged with its time.
import type { D1Database } from '@cloudflare/workers-types/index.ts';
import type { ExecutionContext } from 'hono';
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type FakeLine, startFakeLine } from '../../bot/dev/fake-line/index.ts';
import { HOME_PROVINCE_SETTING } from '../../bot/line/chat/who.ts';
import { signLineBody } from '../../bot/line/signature.ts';
import { DEMO_PROVINCE_ID } from '../../bot/tools/demo/agencies.ts';
import worker from '../../bot/worker.ts';
import { applyMigrationsD1, openD1 } from '../../db/d1.ts';
import { readMigrationFiles } from '../../db/migration-files.ts';
import { setSetting } from '../../db/queries/app-settings.ts';
import { upsertProvince } from '../../db/queries/provinces.ts';
import { listRoleHolders } from '../../db/queries/user-roles.ts';
import { makeCallback, makeFollowEvent, userSource } from '../support/events.ts';
import { COMPLAINT_KEY } from '../support/harness.ts';

const ADMIN = `U${'e'.repeat(31)}9`;
const NOW = new Date('2026-06-10T03:00:00.000Z');

let miniflare: Miniflare;
let d1: D1Database;
let env: Record<string, unknown>;
let fake: FakeLine;
const TOKEN = 'entry-token';

function context(): ExecutionContext & { settled(): Promise<unknown> } {
  const tasks: Promise<unknown>[] = [];
  return {
    waitUntil: (p: Promise<unknown>) => void tasks.push(p),
    passThroughOnException() {},
    props: {},
    settled: () => Promise.all(tasks),
  };
}

beforeAll(async () => {
  miniflare = new Miniflare({
    modules: true,
    script: 'export default { fetch() { return new Response("") } }',
    d1Databases: ['DB'],
  });
  d1 = (await miniflare.getD1Database('DB')) as unknown as D1Database;
  await applyMigrationsD1(d1, readMigrationFiles());
  // A province on its own (the demo's 28 agencies would only slow the set-up down).
  const db = openD1(d1);
  await upsertProvince(db, { id: DEMO_PROVINCE_ID, nameTh: 'ปทุมธานี', nameEn: 'Pathum Thani' }, NOW);
  await setSetting(db, HOME_PROVINCE_SETTING, DEMO_PROVINCE_ID, 'test', NOW);
  fake = await startFakeLine({ channelAccessToken: TOKEN });
  env = {
    DB: d1,
    LINE_CHANNEL_SECRET: 'secret',
    LINE_CHANNEL_ACCESS_TOKEN: TOKEN,
    LINE_API_BASE_URL: fake.url,
    COMPLAINT_KEY,
    PUBLIC_BASE_URL: 'https://ita.example.go.th',
    ADMIN_LINE_USER_IDS: ADMIN,
  };
}, 120_000);

afterAll(async () => {
  await miniflare?.dispose();
  await fake?.close();
});

describe('the Workers entry', () => {
  // First: the entry keeps its configuration once it has built one.
  it('answers 503 naming what is missing when the LINE variables are not set, not a bare 500', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await worker.fetch(
      new Request('http://ita.test/healthz'),
      { DB: d1, COMPLAINT_KEY } as never,
      context(),
    );
    error.mockRestore();
    expect(res.status).toBe(503);
    expect(((await res.json()) as { message: string }).message).toMatch(/LINE_CHANNEL_SECRET/);
  });

  it('grants ADMIN_LINE_USER_IDS coordinator at its first invocation, as Node does at start', async () => {
    const before = await listRoleHolders(openD1(d1), { provinceId: DEMO_PROVINCE_ID, role: 'coordinator' });
    expect(before.map((r) => r.userId)).not.toContain(ADMIN);
    const res = await worker.fetch(new Request('http://ita.test/healthz'), env as never, context());
    expect(res.status).toBe(200);
    const after = await listRoleHolders(openD1(d1), { provinceId: DEMO_PROVINCE_ID, role: 'coordinator' });
    expect(after.map((r) => r.userId)).toContain(ADMIN);
  });

  it('reads the account name fresh at each invocation', async () => {
    // The province is renamed after the isolate has served requests; the next welcome says the new name.
    await upsertProvince(
      openD1(d1),
      { id: DEMO_PROVINCE_ID, nameTh: 'ปทุมธานีใหม่', nameEn: 'Pathum Thani' },
      NOW,
    );
    const body = JSON.stringify(makeCallback(makeFollowEvent({ source: userSource(`U${'7'.repeat(32)}`) })));
    const ctx = context();
    const res = await worker.fetch(
      new Request('http://ita.test/webhook', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-line-signature': await signLineBody(body, 'secret'),
        },
        body,
      }),
      env as never,
      ctx,
    );
    expect(res.status).toBe(200);
    await ctx.settled();
    await fake.waitFor(() => fake.replies().length > 0, 10_000);
    expect(JSON.stringify(fake.replies()[0]?.messages)).toContain('ITA จังหวัดปทุมธานีใหม่');
  });

  it('catches a failing cron run and logs it with the tick time', async () => {
    await d1.prepare('DROP TABLE deleted_photo_objects').run();
    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((line: unknown) => void lines.push(String(line)));
    const ctx = context();
    const scheduledTime = Date.parse('2026-06-14T20:00:00.000Z');
    worker.scheduled({ scheduledTime }, env as never, ctx);
    await expect(ctx.settled()).resolves.toBeDefined();
    log.mockRestore();
    const failed = lines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.message === 'scheduler run failed');
    expect(failed).toMatchObject({ level: 'error', tick: '2026-06-14T20:00:00.000Z' });
    expect(String(failed?.error)).toMatch(/deleted_photo_objects/);
  });
});
