// Going live on Workers (issue 14 under workerd, as test/bot/server-start.test.ts shows it on Node): a Worker with
// real LINE credentials on an empty D1 sets up PROVINCE_ID's province and never the demo, shows the claim code
// (logged, and by `ita status --workers`) until the first coordinator uses it in chat, who then loads the agencies
// and changes a setting in the mini-app's API — no SQL console. Webhook and /api bodies over their limits get 413,
// and with a COMPLAINT_KEY that does not open the database's key check the Worker serves nothing — every request
// 503 naming COMPLAINT_KEY, no scheduler run — while `ita status` reports the failed check; `keys rotate --workers`
// re-seals it for a new key.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Config, parseConfig } from '../../bot/config.ts';
import { type FakeLine, startFakeLine } from '../../bot/dev/fake-line/index.ts';
import { signLineBody } from '../../bot/line/signature.ts';
import { type DatabaseEnv, runMigrate } from '../../bot/tools/cli/commands/migrate.ts';
import { runKeys } from '../../bot/tools/cli/commands/operate.ts';
import { runStatus } from '../../bot/tools/cli/commands/status.ts';
import { makeCallback, makeFollowEvent, makeTextEvent, userSource } from '../support/events.ts';
import {
  cli,
  type Ran,
  startWranglerDev,
  type WranglerDev,
  withWorkersDb,
  writeWranglerConfig,
} from '../support/wrangler-dev.ts';

const SECRET = 'going-live-secret';
const TOKEN = 'going-live-token';
const KEY = `${'B'.repeat(43)}=`;
const WRONG_KEY = `${'C'.repeat(43)}=`;
const NEW_KEY = `${'D'.repeat(43)}=`;
const CITIZEN = `U${'f'.repeat(31)}4`;
const COORDINATOR = `U${'e'.repeat(31)}6`;
const LOGIN_CHANNEL = '1234567890';
const AGENCIES_CSV = [
  'รหัสจังหวัด,ชื่อจังหวัด,รหัสหน่วยงาน,ชื่อหน่วยงาน,ชื่อย่อ,ประเภท,อำเภอ,หน่วยงานต้นสังกัด,จำนวนบุคลากร,รหัส ITAS',
  'tak,ตาก,tak-office,สำนักงานจังหวัดตาก,สนจ.ตาก,สำนักงานจังหวัด,เมืองตาก,,45,',
  'tak,ตาก,tak-pao,องค์การบริหารส่วนจังหวัดตาก,อบจ.ตาก,อบจ.,เมืองตาก,,320,',
].join('\n');
/** A Sunday night in Bangkok: nothing is due, so a cron run only drains and records its run. */
const QUIET_TICK = Date.parse('2026-06-14T20:00:00Z');
const STEP_MS = 120_000;

let dir = '';
let config = '';
let state = '';
let database: DatabaseEnv;
let fake: FakeLine;
let worker: WranglerDev | undefined;
let migrated: Ran;

function varsWith(key: string): Record<string, string> {
  return {
    LINE_CHANNEL_SECRET: SECRET,
    LINE_CHANNEL_ACCESS_TOKEN: TOKEN,
    LINE_API_BASE_URL: fake.url,
    LINE_DATA_API_BASE_URL: fake.url,
    COMPLAINT_KEY: key,
    PUBLIC_BASE_URL: 'https://ita.example.go.th',
    PROVINCE_ID: 'tak',
    PROVINCE_NAME_TH: 'ตาก',
    LIFF_ID: '1234567890-AbCdEfGh',
    LINE_LOGIN_CHANNEL_ID: LOGIN_CHANNEL,
  };
}

async function signedPost(body: string): Promise<Response> {
  return fetch(`${worker?.url}/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-line-signature': await signLineBody(body, SECRET) },
    body,
  });
}

/** A coordinator's call to the mini-app's API (the ID token the stand-in LINE verifies). */
function asCoordinator(path: string, method: string, body: string): Promise<Response> {
  return fetch(`${worker?.url}${path}`, {
    method,
    headers: { authorization: 'Bearer coordinator-token', 'content-type': 'application/json' },
    body,
  });
}

async function until(check: () => boolean, what: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ita-worker-live-'));
  config = writeWranglerConfig(dir);
  state = join(dir, 'state');
  database = {
    databasePath: join(dir, 'unused.sqlite'),
    workers: { remote: false, persistTo: state, configPath: config },
  };
  // The schema only (the operator's `npm run ita -- migrate --workers`): no province, agency, group or role.
  migrated = await cli((io) => runMigrate([], io, database));
  fake = await startFakeLine({ channelAccessToken: TOKEN });
  worker = await startWranglerDev({ config, state, cwd: dir, vars: varsWith(KEY) });
}, 240_000);

afterAll(async () => {
  await worker?.stop();
  await fake?.close();
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

describe('a Worker going live on an empty D1', () => {
  it(
    'sets up PROVINCE_ID, never the demo, and shows the first coordinator claim code',
    async () => {
      expect(migrated.code, migrated.err).toBe(0);
      const health = await fetch(`${worker?.url}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok', complaintKey: 'ok', database: 'ok' });
      const held = await withWorkersDb(database, async (w) => ({
        provinces: (await w.db.kysely.selectFrom('provinces').select(['id', 'name_th']).execute()).map(
          (p) => `${p.id} ${p.name_th}`,
        ),
        agencies: (await w.db.kysely.selectFrom('agencies').select('id').execute()).length,
        groups: (await w.db.kysely.selectFrom('line_groups').select('group_id').execute()).length,
        roles: (await w.db.kysely.selectFrom('user_roles').select('user_id').execute()).length,
        plans: (await w.db.kysely.selectFrom('plan_activities').select('id').execute()).length,
      }));
      expect(held).toEqual({ provinces: ['tak ตาก'], agencies: 0, groups: 0, roles: 0, plans: 0 });
      // The first request logged the claim code and next steps (`wrangler tail`); status shows the same code.
      const logged = /"ผู้ประสานงาน ([A-Z0-9]{4,})"/.exec(worker?.output() ?? '')?.[1];
      expect(logged, worker?.output()).toBeDefined();
      const status = await cli((io) =>
        runStatus([], io, { ...database, adminLineUserIds: [], complaintKey: KEY }),
      );
      expect(status.code, status.out).toBe(0);
      expect(status.out).toContain(`รหัสรับสิทธิ์ผู้ประสานงานคนแรก: ${logged}`);
      expect(status.out).toMatch(/กุญแจเรื่องร้องเรียน \(COMPLAINT_KEY\): ผ่าน/);
      // Nothing of the demo reached LINE either.
      expect(fake.pushes()).toEqual([]);

      // The first coordinator claims the code in 1:1 chat, then loads the agencies and changes a setting in the
      // mini-app (its API): the province is set up without a SQL console.
      const claim = makeTextEvent(`ผู้ประสานงาน ${logged}`, { source: userSource(COORDINATOR) });
      expect((await signedPost(JSON.stringify(makeCallback(claim)))).status).toBe(200);
      await fake.waitFor(() => fake.replies().some((r) => r.replyToken === claim.replyToken), 20_000);
      fake.registerIdToken('coordinator-token', { sub: COORDINATOR, aud: LOGIN_CHANNEL });
      const content = Buffer.from(AGENCIES_CSV).toString('base64');
      const imported = await asCoordinator(
        '/api/agency-registry/import',
        'POST',
        JSON.stringify({ fileName: 'agencies.csv', contentBase64: content, apply: true }),
      );
      expect(imported.status, await imported.clone().text()).toBe(200);
      expect(await imported.json()).toMatchObject({ applied: true, counts: { added: 2 } });
      const changed = await asCoordinator(
        '/api/settings',
        'PATCH',
        JSON.stringify({ values: { complaintsPerHour: 4 } }),
      );
      expect(changed.status, await changed.clone().text()).toBe(200);
      const after = await cli((io) =>
        runStatus([], io, { ...database, adminLineUserIds: [], complaintKey: KEY }),
      );
      expect(after.out).toMatch(/จังหวัด: ตาก \(tak\) · หน่วยงาน 2 แห่ง/);
      expect(after.out).toMatch(/ผู้ประสานงานจังหวัด: 1 คน/);
      expect(after.out).not.toMatch(/รหัสรับสิทธิ์/);
    },
    STEP_MS,
  );

  it(
    'answers 413 to a webhook body over 1 MB and an /api body over 256 KB, before reading them',
    async () => {
      const big = `{"events":[],"pad":"${'x'.repeat(2 * 1024 * 1024)}"}`;
      const declared = await fetch(`${worker?.url}/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-line-signature': 'bad' },
        body: big,
      });
      expect(declared.status).toBe(413);
      expect((await declared.json()) as unknown).toMatchObject({ error: 'payload_too_large' });
      // /api reads a body only for someone allowed to send it: a coordinator's oversize body gets 413.
      const api = await asCoordinator(
        '/api/settings',
        'PATCH',
        JSON.stringify({ values: { complaintsPerHour: 4 }, pad: 'x'.repeat(300 * 1024) }),
      );
      expect(api.status, await api.clone().text()).toBe(413);
      // A LINE-sized signed body is still taken.
      const small = await signedPost(
        JSON.stringify(makeCallback(makeFollowEvent({ source: userSource(CITIZEN) }))),
      );
      expect(small.status).toBe(200);
      // Streamed without a Content-Length: cut off once it crosses the limit. Last: wrangler dev's local proxy
      // answers the next non-GET request after a body left unread with "Your worker restarted mid-request" (503).
      const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
      let sent = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent >= 32) return controller.close();
          sent += 1;
          controller.enqueue(chunk);
        },
      });
      const streamed = await fetch(`${worker?.url}/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-line-signature': 'bad' },
        body: stream,
        duplex: 'half',
      } as RequestInit);
      expect(streamed.status).toBe(413);
    },
    STEP_MS,
  );

  it(
    'with a COMPLAINT_KEY that does not open the key check, serves nothing and runs no scheduler',
    async () => {
      const before = await withWorkersDb(database, (w) =>
        w.db.kysely.selectFrom('app_settings').select(['key', 'value']).orderBy('key').execute(),
      );
      await worker?.stop();
      worker = await startWranglerDev({ config, state, cwd: dir, vars: varsWith(WRONG_KEY), ready: [503] });
      const health = await fetch(`${worker.url}/healthz`);
      expect(health.status).toBe(503);
      expect(((await health.json()) as { message: string }).message).toMatch(/COMPLAINT_KEY/);
      const webhook = await signedPost(
        JSON.stringify(makeCallback(makeFollowEvent({ source: userSource(`U${'9'.repeat(32)}`) }))),
      );
      expect(webhook.status).toBe(503);
      const cron = await fetch(
        `${worker.url}/__scheduled?cron=${encodeURIComponent('* * * * *')}&time=${QUIET_TICK}`,
      );
      expect(cron.status).toBe(200);
      const running = worker;
      await until(
        () => /scheduler run refused/.test(running.output()),
        () => running.output(),
      );
      // No scheduler run recorded, no key check replaced: the database is as the right key left it.
      const after = await withWorkersDb(database, (w) =>
        w.db.kysely.selectFrom('app_settings').select(['key', 'value']).orderBy('key').execute(),
      );
      expect(after).toEqual(before);
      const status = await cli((io) =>
        runStatus([], io, { ...database, adminLineUserIds: [], complaintKey: WRONG_KEY }),
      );
      expect(status.code).toBe(1);
      expect(status.out).toMatch(/COMPLAINT_KEY\): ไม่ผ่าน/);
    },
    STEP_MS * 2,
  );

  it(
    'rotates the key with keys rotate --workers: the new key serves, the old one no longer opens the check',
    async () => {
      await worker?.stop();
      const parsed = parseConfig({ ...varsWith(KEY), DATABASE_PATH: join(dir, 'unused.sqlite') });
      if (!parsed.ok) throw new Error(parsed.errors.join('; '));
      const appConfig: Config = parsed.config;
      const rotated = await cli((io) =>
        runKeys(['rotate'], io, appConfig, { COMPLAINT_KEY_NEW: NEW_KEY }, database.workers),
      );
      expect(rotated.code, rotated.err).toBe(0);
      expect(rotated.out).toMatch(/wrangler secret put COMPLAINT_KEY/);
      worker = await startWranglerDev({ config, state, cwd: dir, vars: varsWith(NEW_KEY) });
      const health = await fetch(`${worker.url}/healthz`);
      expect(await health.json()).toMatchObject({ status: 'ok', complaintKey: 'ok' });
      const old = await cli((io) =>
        runStatus([], io, { ...database, adminLineUserIds: [], complaintKey: KEY }),
      );
      expect(old.code).toBe(1);
      expect(old.out).toMatch(/COMPLAINT_KEY\): ไม่ผ่าน/);
    },
    STEP_MS * 2,
  );
});
