// The Worker on D1 and R2 under `wrangler dev` (miniflare), set up from an empty D1 by the `ita` CLI with
// --workers alone — the province and its agencies from a CSV file, a setting, the claim code — then: a long Thai agency name searched, bound and chosen in a complaint, a deep link,
// the assets' caching, a 300-group broadcast drained in one cron run, and complaint photos in R2 gone after
// retention.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeLine, startFakeLine } from '../../bot/dev/fake-line/index.ts';
import type { LineMessage } from '../../bot/dev/fake-line/types.ts';
import { signLineBody } from '../../bot/line/signature.ts';
import { runAgencies } from '../../bot/tools/cli/commands/agencies.ts';
import { runDemo } from '../../bot/tools/cli/commands/demo.ts';
import { type DatabaseEnv, runMigrate } from '../../bot/tools/cli/commands/migrate.ts';
import { runHolidays, runSettings } from '../../bot/tools/cli/commands/settings.ts';
import { runStatus } from '../../bot/tools/cli/commands/status.ts';
import { enqueueMessages } from '../../db/queries/outbox.ts';
import {
  groupSource,
  makeCallback,
  makeFollowEvent,
  makeJoinEvent,
  makePostbackEvent,
  makeTextEvent,
  type Source,
  userSource,
} from '../support/events.ts';
import {
  cli,
  type Ran,
  ROOT,
  startWranglerDev,
  WRANGLER,
  WRANGLER_ENV,
  type WranglerDev,
  withWorkersDb,
  writeWranglerConfig,
} from '../support/wrangler-dev.ts';
import { buttons, readable } from './line/events/conversation.ts';

const SECRET = 'worker-test-secret';
const TOKEN = 'worker-test-token';
/** 56 Thai characters, 168 bytes in UTF-8: far past the 50 bytes D1 allows a LIKE pattern. */
const LONG_NAME = 'องค์การบริหารส่วนตำบลคลองสามอำเภอคลองหลวงจังหวัดปทุมธานี';
const LONG_ID = 'pathum-thani-khlong-sam';
/** The province's agency list as an operator fills the template (`agencies template`): Thai headers. */
const AGENCIES_CSV = [
  'รหัสจังหวัด,ชื่อจังหวัด,รหัสหน่วยงาน,ชื่อหน่วยงาน,ชื่อย่อ,ประเภท,อำเภอ,หน่วยงานต้นสังกัด,จำนวนบุคลากร,รหัส ITAS',
  'pathum-thani,ปทุมธานี,pathum-thani-office,สำนักงานจังหวัดปทุมธานี,สนจ.ปทุมธานี,สำนักงานจังหวัด,เมืองปทุมธานี,,45,',
  'pathum-thani,ปทุมธานี,pathum-thani-pao,องค์การบริหารส่วนจังหวัดปทุมธานี,อบจ.ปทุมธานี,อบจ.,เมืองปทุมธานี,,320,',
  `pathum-thani,ปทุมธานี,${LONG_ID},${LONG_NAME},อบต.คลองสาม,อบต.,คลองหลวง,,38,`,
].join('\n');
/** A photo as LINE hands it over: JPEG bytes (photos are accepted by their signature). */
function jpeg(size: number, fill: number): Uint8Array {
  const bytes = new Uint8Array(size).fill(fill);
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  return bytes;
}
const COORDINATOR = `U${'a'.repeat(31)}1`;
const CITIZEN = `U${'b'.repeat(31)}2`;
const NEW_GROUP = `C${'c'.repeat(31)}3`;
const BROADCAST_GROUPS = 300;
const LOGIN_CHANNEL = '1234567890';
/** A Sunday night in Bangkok: no reminders are due, so a cron run at this time only drains and deletes. */
const QUIET_TICK = Date.parse('2026-06-14T20:00:00Z');

let dir = '';
let config = '';
let fake: FakeLine;
let worker: WranglerDev | undefined;
let url = '';
let database: DatabaseEnv;
const setup: Record<string, Ran> = {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ita-worker-'));
  config = writeWranglerConfig(dir);
  const state = join(dir, 'state');
  database = {
    databasePath: join(dir, 'unused.sqlite'),
    workers: { remote: false, persistTo: state, configPath: config },
  };
  // The province from an empty D1, through the CLI with --workers only (no wrangler d1 command, no SQL): the
  // schema, the agencies from the operator's file (a dry run, then --apply), a setting, a holiday, the claim code.
  const csv = join(dir, 'agencies.csv');
  writeFileSync(csv, AGENCIES_CSV);
  setup.migrate = await cli((io) => runMigrate([], io, database));
  setup.dryRun = await cli((io) => runAgencies(['import', csv], io, database));
  setup.apply = await cli((io) => runAgencies(['import', csv, '--apply'], io, database));
  setup.list = await cli((io) => runAgencies(['list'], io, database));
  setup.demo = await cli((io) => runDemo([], io, database));
  setup.setting = await cli((io) => runSettings(['set', 'complaintsPerHour', '5'], io, database));
  setup.badSetting = await cli((io) => runSettings(['set', 'complaintsPerHour', 'many'], io, database));
  setup.getSetting = await cli((io) => runSettings(['get', 'complaintsPerHour'], io, database));
  setup.holiday = await cli((io) => runHolidays(['add', '2026-12-30', 'วันหยุดพิเศษ'], io, database));
  setup.status = await cli((io) => runStatus([], io, { ...database, adminLineUserIds: [] }));

  fake = await startFakeLine({ channelAccessToken: TOKEN });
  worker = await startWranglerDev({
    config,
    state,
    cwd: dir,
    vars: {
      LINE_CHANNEL_SECRET: SECRET,
      LINE_CHANNEL_ACCESS_TOKEN: TOKEN,
      LINE_API_BASE_URL: fake.url,
      COMPLAINT_KEY: `${'A'.repeat(43)}=`,
      PUBLIC_BASE_URL: 'https://ita.example.go.th',
      LIFF_ID: '1234567890-AbCdEfGh',
      LINE_LOGIN_CHANNEL_ID: LOGIN_CHANNEL,
    },
  });
  url = worker.url;
}, 240_000);

afterAll(async () => {
  await worker?.stop();
  await fake?.close();
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

async function post(...events: unknown[]): Promise<Response> {
  const body = JSON.stringify(makeCallback(...events));
  return fetch(`${url}/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-line-signature': await signLineBody(body, SECRET) },
    body,
  });
}

/** Sends one event and waits for the Worker's reply to it (handled in waitUntil). */
async function answer<E extends { replyToken: string }>(event: E): Promise<LineMessage[]> {
  const res = await post(event);
  expect(res.status).toBe(200);
  await fake.waitFor(() => fake.replies().some((r) => r.replyToken === event.replyToken), 20_000);
  return fake.replies().find((r) => r.replyToken === event.replyToken)?.messages ?? [];
}

const say = (text: string, source: Source) => answer(makeTextEvent(text, { source }));

/** Presses a quick reply of `last` (a postback, or the text it sends). */
async function choose(last: LineMessage[], label: string, source: Source): Promise<LineMessage[]> {
  const data = buttons(last).get(label);
  if (data === undefined) throw new Error(`no button "${label}" in: ${readable(last)}`);
  return data.startsWith('a=') ? answer(makePostbackEvent(data, { source })) : say(data, source);
}

/** Runs the Worker's scheduled handler once, at `time`, and waits for it to finish. */
async function cronRun(time: number): Promise<void> {
  const res = await fetch(`${url}/__scheduled?cron=${encodeURIComponent('* * * * *')}&time=${time}`);
  expect(res.status).toBe(200);
}

// wrangler dev and the fake LINE API share two cores with the rest of the suite: each step gets two minutes.
const STEP_MS = 120_000;

describe('the Worker on D1, set up by the CLI with --workers', () => {
  it(
    'set up a province from an empty D1 and shows the first coordinator claim code until used',
    async () => {
      expect(setup.migrate?.code).toBe(0);
      expect(setup.migrate?.out).toMatch(/0012_photo_objects\.sql/);
      expect(setup.dryRun?.code, setup.dryRun?.err).toBe(0);
      expect(setup.dryRun?.out).toMatch(/ยังไม่ได้บันทึก/);
      expect(setup.apply?.code, setup.apply?.err).toBe(0);
      expect(setup.apply?.out).toMatch(/บันทึกรายชื่อหน่วยงาน 3 แห่งแล้ว/);
      expect(setup.list?.out).toMatch(/ปทุมธานี \(pathum-thani\): 3 หน่วยงาน/);
      expect(setup.list?.out).toContain(LONG_NAME);
      // `demo --workers` refuses a D1 that holds the province's own agencies.
      expect(setup.demo?.code).toBe(2);
      expect(setup.demo?.err).toMatch(/มีข้อมูลจริงอยู่แล้ว/);
      expect(setup.setting?.code, setup.setting?.err).toBe(0);
      expect(setup.badSetting?.code).toBe(2);
      expect(setup.badSetting?.err).toMatch(/complaintsPerHour/);
      expect(setup.getSetting?.out).toMatch(/5/);
      expect(setup.holiday?.code, setup.holiday?.err).toBe(0);
      const audited = await withWorkersDb(database, (w) =>
        w.db.kysely
          .selectFrom('audit_log')
          .select('action')
          .where('action', '=', 'settings.change')
          .execute(),
      );
      expect(audited.length).toBeGreaterThan(0);
      // No coordinator yet: status shows the one-time claim code (a Worker has no start-up console).
      expect(setup.status?.code, setup.status?.out).toBe(0);
      expect(setup.status?.out).toMatch(/จังหวัด: ปทุมธานี \(pathum-thani\) · หน่วยงาน 3 แห่ง/);
      const code = /รหัสรับสิทธิ์ผู้ประสานงานคนแรก: (\S+)/.exec(setup.status?.out ?? '')?.[1];
      expect(code).toBeDefined();
      const reply = readable(await say(`ผู้ประสานงาน ${code}`, userSource(COORDINATOR)));
      expect(reply).toMatch(/ผู้ประสานงาน/);
      const after = await cli((io) => runStatus([], io, { ...database, adminLineUserIds: [] }));
      expect(after.out).toMatch(/ผู้ประสานงานจังหวัด: 1 คน/);
      expect(after.out).not.toMatch(/รหัสรับสิทธิ์/);
      // The Worker (real credentials) served requests on this D1 and never loaded the demo into it.
      const held = await withWorkersDb(database, async (w) => ({
        agencies: (await w.db.kysely.selectFrom('agencies').select('id').execute()).length,
        groups: (await w.db.kysely.selectFrom('line_groups').select('group_id').execute()).length,
        provinces: (await w.db.kysely.selectFrom('provinces').select('id').execute()).map((p) => p.id),
      }));
      expect(held).toEqual({ agencies: 3, groups: 0, provinces: ['pathum-thani'] });
    },
    STEP_MS,
  );

  it(
    'answers a signed webhook and rejects an unsigned one',
    async () => {
      expect((await fetch(`${url}/webhook`, { method: 'POST', body: '{}' })).status).toBe(401);
      const reply = readable(await answer(makeFollowEvent({ source: userSource(CITIZEN) })));
      expect(reply).toMatch(/สวัสดีค่ะ/);
    },
    STEP_MS,
  );

  it(
    'finds a long Thai agency name: EIT lookup, bind code, binding and the complaint form list',
    async () => {
      expect(readable(await say(`EIT ${LONG_NAME}`, userSource(CITIZEN)))).toContain(LONG_NAME);
      const codeReply = await say(`รหัสผูกกลุ่ม ${LONG_NAME}`, userSource(COORDINATOR));
      const code = /ผูกกลุ่ม ([A-Z0-9]{4,})/.exec(readable(codeReply))?.[1];
      expect(code, readable(codeReply)).toBeDefined();
      await post(makeJoinEvent({ source: groupSource(NEW_GROUP, undefined) }));
      expect(readable(await say(`ผูกกลุ่ม ${code}`, groupSource(NEW_GROUP, COORDINATOR)))).toContain(LONG_NAME);
      fake.registerIdToken('citizen-token', { sub: CITIZEN, aud: LOGIN_CHANNEL });
      const api = await fetch(`${url}/api/complaints/agencies?q=${encodeURIComponent(LONG_NAME)}`, {
        headers: { authorization: 'Bearer citizen-token' },
      });
      expect(api.status).toBe(200);
      expect(JSON.stringify(await api.json())).toContain(LONG_ID);
    },
    STEP_MS,
  );

  it(
    'chooses the long-named agency in a complaint, keeps its photos in R2, and deletes them after retention',
    async () => {
      const me = userSource(CITIZEN);
      let last = await say('ร้องเรียน', me);
      last = await choose(last, 'ทุจริต/ประพฤติมิชอบ', me);
      last = await say(LONG_NAME, me);
      expect(readable(last)).toMatch(/ขั้นที่ 3/);
      last = await say('เจ้าหน้าที่เรียกรับเงินสองพันบาทเพื่อเร่งออกใบอนุญาตก่อสร้าง', me);
      last = await choose(last, 'ข้าม', me);
      for (const id of ['w-photo-1', 'w-photo-2']) {
        fake.setContent(id, jpeg(50_000, id.length), 'image/jpeg');
        const event = makeTextEvent('x', { source: me });
        last = await answer({
          ...event,
          message: { id, type: 'image', contentProvider: { type: 'line' }, quoteToken: 'q' },
        });
      }
      expect(readable(last)).toMatch(/ได้รับแล้ว 2\/5 รูป/);
      last = await choose(last, 'เสร็จ', me);
      last = await choose(last, 'รหัสติดตามเท่านั้น', me);
      expect(readable(last)).toContain(LONG_NAME);
      const receipt = readable(await choose(last, 'ยืนยันส่งเรื่อง', me));
      expect(receipt).toMatch(/[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}/);

      const stored = await withWorkersDb(database, async (w) => {
        const complaint = await w.db.kysely
          .selectFrom('complaints')
          .select('id')
          .where('agency_id', '=', LONG_ID)
          .executeTakeFirstOrThrow();
        const rows = await w.db.kysely
          .selectFrom('complaint_attachments')
          .select(['object_key', 'size', (eb) => eb.fn('length', ['bytes']).as('kept')])
          .where('complaint_id', '=', complaint.id)
          .execute();
        const objects = await Promise.all(rows.map((r) => w.photoStore?.get(r.object_key ?? '')));
        // Retention's clock, moved for the test: the complaint is past its delete_after.
        await w.db.kysely
          .updateTable('complaints')
          .set({ status: 'closed', delete_after: '2026-01-01T00:00:00.000Z' })
          .where('id', '=', complaint.id)
          .execute();
        return { rows, objects };
      });
      expect(stored.rows).toHaveLength(2);
      expect(
        stored.rows.every((r) => r.object_key !== null && Number(r.kept) === 0 && r.size === 50_000),
      ).toBe(true);
      expect(stored.objects.map((o) => o?.byteLength)).toEqual([50_000, 50_000]);

      await cronRun(QUIET_TICK);
      const gone = await withWorkersDb(database, async (w) => ({
        complaints: await w.db.kysely
          .selectFrom('complaints')
          .select('id')
          .where('agency_id', '=', LONG_ID)
          .execute(),
        objects: await Promise.all(stored.rows.map((r) => w.photoStore?.get(r.object_key ?? ''))),
        queued: await w.db.kysely.selectFrom('deleted_photo_objects').select('object_key').execute(),
      }));
      expect(gone.complaints).toEqual([]);
      expect(gone.objects).toEqual([undefined, undefined]);
      expect(gone.queued).toEqual([]);
    },
    STEP_MS,
  );

  it(
    'drains a 300-group broadcast in one cron run',
    async () => {
      const groups = Array.from(
        { length: BROADCAST_GROUPS },
        (_, i) => `C${(i + 1).toString(16).padStart(32, 'd')}`,
      );
      await withWorkersDb(database, async (w) => {
        const messages = [{ type: 'text', text: 'ประกาศ: ส่งหลักฐาน OIT ภายในวันศุกร์นี้ค่ะ' }];
        const rows = groups.map((to) => ({
          kind: 'push' as const,
          to,
          messages,
          sourceKind: 'broadcast',
          sourceId: 'b-300',
        }));
        await enqueueMessages(w.db, rows, new Date(QUIET_TICK - 60_000));
      });
      const before = fake.pushes().length;
      await cronRun(QUIET_TICK + 60_000);
      await fake.waitFor(() => fake.pushes().length - before >= BROADCAST_GROUPS, 60_000);
      const reached = new Set(
        fake
          .pushes()
          .slice(before)
          .flatMap((p) => p.to),
      );
      expect(groups.every((g) => reached.has(g))).toBe(true);
      const pending = await withWorkersDb(database, (w) =>
        w.db.kysely.selectFrom('outbox').select('id').where('state', 'in', ['pending', 'sending']).execute(),
      );
      expect(pending).toEqual([]);
      expect(fake.violations()).toEqual([]);
    },
    STEP_MS,
  );

  it(
    'serves the mini-app for a deep link, and the assets with their caching',
    async () => {
      const deep = await fetch(`${url}/liff/cases/12345?from=card`);
      expect(deep.status).toBe(200);
      expect(deep.headers.get('cache-control')).toBe('no-cache');
      expect(await deep.text()).toMatch(/<title>ITA<\/title>/);
      const entry = await fetch(`${url}/liff/`);
      expect(entry.status).toBe(200);
      expect(entry.headers.get('cache-control')).toBe('no-cache');
      const hashed = await fetch(`${url}/liff/assets/app-Ab12Cd34.js`);
      expect(hashed.status).toBe(200);
      expect(hashed.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    },
    STEP_MS,
  );
});

describe('the Worker bundle', () => {
  it('holds the app but no simulator or fake LINE API code (bot/dev is local mode only)', async () => {
    const outdir = join(dir, 'bundle');
    await promisify(execFile)(WRANGLER, ['deploy', '--dry-run', '--outdir', outdir, '--config', config], {
      env: WRANGLER_ENV,
      cwd: dir,
    });
    const map = JSON.parse(readFileSync(join(outdir, 'worker.js.map'), 'utf8')) as { sources: string[] };
    const ours = map.sources
      .map((source) => resolve(outdir, source))
      .filter((f) => f.startsWith(`${ROOT}/bot/`));
    expect(ours).toContain(join(ROOT, 'bot/worker.ts'));
    expect(ours).toContain(join(ROOT, 'bot/features/index.ts'));
    expect(ours.filter((f) => f.startsWith(join(ROOT, 'bot/dev/')))).toEqual([]);
    const code = readFileSync(join(outdir, 'worker.js'), 'utf8');
    expect(code).not.toMatch(/SimulatorHistory|startFakeLine|loadSimulatorAssets/);
    // The report charts reach Word on Workers through the plain-TypeScript raster, never the native resvg.
    expect(ours).toContain(join(ROOT, 'bot/features/reports/chart-raster.ts'));
    expect(ours).not.toContain(join(ROOT, 'bot/tools/charts/png.ts'));
    expect(map.sources.filter((source) => source.includes('@resvg'))).toEqual([]);
  }, 120_000);
});
