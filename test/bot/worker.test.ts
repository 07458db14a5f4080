// The Workers entry under `wrangler dev` with local D1: migrations by wrangler, /healthz, a signed webhook.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeLine, startFakeLine } from '../../bot/dev/fake-line/index.ts';
import { signLineBody } from '../../bot/line/signature.ts';
import { makeCallback, makeFollowEvent } from '../support/events.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const WRANGLER = join(ROOT, 'node_modules/.bin/wrangler');
const SECRET = 'worker-test-secret';
const TOKEN = 'worker-test-token';
const ENV = { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true', NO_COLOR: '1' };

/** wrangler.toml with absolute paths, a throw-away assets folder and state folder. */
function writeConfig(dir: string): string {
  const assets = join(dir, 'assets/liff');
  mkdirSync(assets, { recursive: true });
  writeFileSync(join(assets, 'index.html'), '<!doctype html><title>ITA</title>');
  const config = join(dir, 'wrangler.toml');
  writeFileSync(
    config,
    [
      'name = "ita-line-test"',
      `main = "${join(ROOT, 'bot/worker.ts')}"`,
      'compatibility_date = "2026-04-20"',
      'compatibility_flags = ["nodejs_compat"]',
      '[assets]',
      `directory = "${join(dir, 'assets')}"`,
      'binding = "ASSETS"',
      'run_worker_first = true',
      '[[d1_databases]]',
      'binding = "DB"',
      'database_name = "ita-line"',
      'database_id = "00000000-0000-0000-0000-000000000000"',
      `migrations_dir = "${join(ROOT, 'db/migrations')}"`,
    ].join('\n'),
  );
  return config;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited: ${output()}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`wrangler dev did not answer in 60 s: ${output()}`);
}

let dir = '';
let config = '';
let fake: FakeLine;
let child: ChildProcess;
let url = '';
let output = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ita-worker-'));
  config = writeConfig(dir);
  const state = join(dir, 'state');
  fake = await startFakeLine({ channelAccessToken: TOKEN });
  await promisify(execFile)(
    WRANGLER,
    ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', state, '--config', config],
    { env: ENV, cwd: dir },
  );
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  const vars = [
    `LINE_CHANNEL_SECRET:${SECRET}`,
    `LINE_CHANNEL_ACCESS_TOKEN:${TOKEN}`,
    `LINE_API_BASE_URL:${fake.url}`,
    `COMPLAINT_KEY:${'A'.repeat(43)}=`,
    'PUBLIC_BASE_URL:https://ita.example.go.th',
  ].flatMap((v) => ['--var', v]);
  child = spawn(
    WRANGLER,
    [
      'dev',
      '--config',
      config,
      '--local',
      '--persist-to',
      state,
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      ...vars,
    ],
    { env: ENV, cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout?.on('data', (b: Buffer) => {
    output += b.toString();
  });
  child.stderr?.on('data', (b: Buffer) => {
    output += b.toString();
  });
  await waitForHealth(url, child, () => output);
}, 120_000);

afterAll(async () => {
  child?.kill('SIGTERM');
  await fake?.close();
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

describe('worker entry under wrangler dev', () => {
  it('answers /healthz with the version and a database that answers', async () => {
    const res = await fetch(`${url}/healthz`);
    expect(await res.json()).toMatchObject({ status: 'ok', database: 'ok' });
  });

  it('rejects an unsigned webhook with 401', async () => {
    const res = await fetch(`${url}/webhook`, { method: 'POST', body: JSON.stringify(makeCallback()) });
    expect(res.status).toBe(401);
  });

  it('acknowledges a signed webhook, records it in D1 and replies through waitUntil', async () => {
    const body = JSON.stringify(makeCallback(makeFollowEvent()));
    const res = await fetch(`${url}/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-line-signature': await signLineBody(body, SECRET) },
      body,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: 1, new: 1 });
    await fake.waitFor(() => fake.replies().length === 1, 10_000);
    expect(JSON.stringify(fake.replies()[0])).toMatch(/สวัสดีค่ะ/);
    expect(fake.violations()).toEqual([]);
  });

  it('serves the LIFF build from the assets binding', async () => {
    const res = await fetch(`${url}/liff/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/<title>ITA<\/title>/);
  });
});

describe('the Worker bundle', () => {
  it('holds the app but no simulator or fake LINE API code (bot/dev is local mode only)', async () => {
    const outdir = join(dir, 'bundle');
    await promisify(execFile)(WRANGLER, ['deploy', '--dry-run', '--outdir', outdir, '--config', config], {
      env: ENV,
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
