// Issue 14 on the real server process (`tsx bot/node.ts`): a first start with real credentials on an empty
// database (no demo, claim code and next steps), the key check stopping a wrong COMPLAINT_KEY, `ita keys rotate`,
// /healthz's operating state, and local mode listening on 127.0.0.1 unless HOST says otherwise.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeLine, startFakeLine } from '../../bot/dev/fake-line/index.ts';
import { openSqlite } from '../../db/sqlite.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const KEY_1 = Buffer.alloc(32, 1).toString('base64');
const KEY_2 = Buffer.alloc(32, 2).toString('base64');
const TOKEN = 'going-live-token';

let dir: string;
let fake: FakeLine;
const children: ChildProcess[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ita-going-live-'));
  fake = await startFakeLine({ channelAccessToken: TOKEN });
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

interface Run {
  child: ChildProcess;
  output: () => { out: string; err: string };
  exited: Promise<number | null>;
}

function run(args: string[], env: Record<string, string>): Run {
  const child = spawn(TSX, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout?.on('data', (b: Buffer) => {
    out += b.toString();
  });
  child.stderr?.on('data', (b: Buffer) => {
    err += b.toString();
  });
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { child, output: () => ({ out, err }), exited };
}

async function waitFor(r: Run, text: string, ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (r.output().out.includes(text)) return;
    if (r.child.exitCode !== null)
      throw new Error(`exited ${r.child.exitCode}: ${JSON.stringify(r.output())}`);
    await new Promise((w) => setTimeout(w, 100));
  }
  throw new Error(`no "${text}" in ${JSON.stringify(r.output())}`);
}

async function stop(r: Run): Promise<void> {
  r.child.kill('SIGTERM');
  await r.exited;
}

const realEnv = (port: number, key: string) => ({
  PORT: String(port),
  DATABASE_PATH: join(dir, 'ita.sqlite'),
  LINE_CHANNEL_SECRET: 'going-live-secret',
  LINE_CHANNEL_ACCESS_TOKEN: TOKEN,
  LINE_API_BASE_URL: fake.url,
  COMPLAINT_KEY: key,
  PUBLIC_BASE_URL: 'https://ita.example.go.th',
  PROVINCE_ID: 'tak',
  PROVINCE_NAME_TH: 'ตาก',
});

describe('a first start with real credentials', () => {
  it('loads no demo, prints the claim code and next steps, records the key check; a wrong key then stops start-up', async () => {
    const port = await freePort();
    const first = run(['bot/node.ts'], realEnv(port, KEY_1));
    await waitFor(first, '"listening"');
    const { out } = first.output();
    expect(out).toMatch(/พิมพ์ "ผู้ประสานงาน [2-9A-Z-]+" ในแชตส่วนตัว/);
    expect(out).toContain('npm run ita -- agencies import');
    const health = (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as Record<
      string,
      unknown
    >;
    expect(health).toMatchObject({
      status: 'ok',
      database: 'ok',
      complaintKey: 'ok',
      schemaVersion: expect.stringMatching(/^00\d\d_/),
      outbox: { pending: 0, failed: 0 },
      sending: { paused: false },
    });
    expect(JSON.stringify(health)).not.toMatch(/U[0-9a-f]{32}/);
    await stop(first);
    const db = openSqlite(join(dir, 'ita.sqlite'));
    try {
      const count = async (table: 'agencies' | 'line_groups' | 'user_roles') =>
        (
          await db.kysely
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n;
      expect((await db.kysely.selectFrom('provinces').select('id').execute()).map((p) => p.id)).toEqual([
        'tak',
      ]);
      expect(Number(await count('agencies'))).toBe(0);
      expect(Number(await count('line_groups'))).toBe(0);
      expect(Number(await count('user_roles'))).toBe(0);
    } finally {
      await db.close();
    }

    const wrong = run(['bot/node.ts'], realEnv(await freePort(), KEY_2));
    const code = await wrong.exited;
    expect(code).not.toBe(0);
    expect(wrong.output().err).toContain('COMPLAINT_KEY');
    expect(wrong.output().out).not.toContain('"listening"');
  }, 120_000);

  it('`ita keys rotate` re-seals with COMPLAINT_KEY_NEW: the old key then fails the start check, the new one passes', async () => {
    const rotate = run(['bot/tools/cli/ita.ts', 'keys', 'rotate'], {
      ...realEnv(0, KEY_1),
      PORT: '8787',
      COMPLAINT_KEY_NEW: KEY_2,
    });
    expect(await rotate.exited).toBe(0);
    expect(rotate.output().out).toMatch(/เรื่องร้องเรียน 0 เรื่อง/);
    const old = run(['bot/node.ts'], realEnv(await freePort(), KEY_1));
    expect(await old.exited).not.toBe(0);
    expect(old.output().err).toContain('COMPLAINT_KEY');
    const port = await freePort();
    const fresh = run(['bot/node.ts'], realEnv(port, KEY_2));
    await waitFor(fresh, '"listening"');
    expect(
      ((await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as { complaintKey: string })
        .complaintKey,
    ).toBe('ok');
    await stop(fresh);
  }, 120_000);
});

describe('a first start with ADMIN_LINE_USER_IDS', () => {
  it('makes them coordinators and prints no claim code, only the next steps', async () => {
    const admin = `U${'ad'.repeat(16)}`;
    const databasePath = join(dir, 'admins.sqlite');
    const port = await freePort();
    const first = run(['bot/node.ts'], {
      ...realEnv(port, KEY_1),
      DATABASE_PATH: databasePath,
      ADMIN_LINE_USER_IDS: admin,
    });
    await waitFor(first, '"listening"');
    const { out } = first.output();
    expect(out).not.toMatch(/พิมพ์ "ผู้ประสานงาน [2-9A-Z-]+"/);
    expect(out).toContain('npm run ita -- agencies import');
    await stop(first);
    const db = openSqlite(databasePath);
    try {
      const roles = await db.kysely
        .selectFrom('user_roles')
        .select(['user_id', 'role', 'province_id'])
        .execute();
      expect(roles).toEqual([{ user_id: admin, role: 'coordinator', province_id: 'tak' }]);
      expect(await db.kysely.selectFrom('agencies').select('id').execute()).toEqual([]);
    } finally {
      await db.close();
    }
  }, 120_000);
});

describe('local mode', () => {
  it('listens on 127.0.0.1 by default, and warns when HOST opens it wider', async () => {
    const port = await freePort();
    const local = run(['bot/node.ts'], { PORT: String(port), DATABASE_PATH: join(dir, 'local.sqlite') });
    await waitFor(local, '"listening"');
    expect(local.output().out).toContain(`http://127.0.0.1:${port}`);
    expect(local.output().err).not.toContain('คำเตือน');
    await stop(local);
    const port2 = await freePort();
    const wide = run(['bot/node.ts'], {
      PORT: String(port2),
      DATABASE_PATH: join(dir, 'local.sqlite'),
      HOST: '0.0.0.0',
    });
    await waitFor(wide, '"listening"');
    expect(wide.output().err).toContain('คำเตือน');
    expect(wide.output().out).toContain('hands out ID tokens');
    await stop(wide);
  }, 120_000);
});
