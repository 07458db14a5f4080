// The Worker under `wrangler dev` (workerd, with miniflare's local D1 and R2) for tests: a wrangler.toml like the
// repo's with a throw-away assets folder, a free port, the wait for /healthz, and the `ita` CLI's output captured.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import type { DatabaseEnv } from '../../bot/tools/cli/commands/migrate.ts';
import { openWorkersDb, type WorkersDb } from '../../bot/tools/cli/workers-db.ts';
import { HEADERS_FILE } from '../../liff/vite-headers.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const WRANGLER = join(ROOT, 'node_modules/.bin/wrangler');
export const WRANGLER_ENV = { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true', NO_COLOR: '1' };

/** wrangler.toml as the repo's, with absolute paths, a throw-away assets folder and the same bindings. */
export function writeWranglerConfig(dir: string): string {
  const assets = join(dir, 'assets');
  mkdirSync(join(assets, 'liff/assets'), { recursive: true });
  writeFileSync(join(assets, 'liff/index.html'), '<!doctype html><title>ITA</title>');
  writeFileSync(join(assets, 'liff/assets/app-Ab12Cd34.js'), 'console.log("ita")');
  writeFileSync(join(assets, '_headers'), HEADERS_FILE);
  const config = join(dir, 'wrangler.toml');
  writeFileSync(
    config,
    [
      'name = "ita-line-test"',
      `main = "${join(ROOT, 'bot/worker.ts')}"`,
      'compatibility_date = "2026-04-20"',
      'compatibility_flags = ["nodejs_compat"]',
      '[assets]',
      `directory = "${assets}"`,
      'binding = "ASSETS"',
      'run_worker_first = false',
      'not_found_handling = "none"',
      '[[d1_databases]]',
      'binding = "DB"',
      'database_name = "ita-line"',
      'database_id = "00000000-0000-0000-0000-000000000000"',
      `migrations_dir = "${join(ROOT, 'db/migrations')}"`,
      '[[r2_buckets]]',
      'binding = "PHOTOS"',
      'bucket_name = "ita-line-photos"',
    ].join('\n'),
  );
  return config;
}

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

/** A running `wrangler dev`: its URL, everything it printed so far, and how to stop it. */
export interface WranglerDev {
  url: string;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts `wrangler dev --local` on the config and state folder with `vars` (NAME → value) and waits until the
 * Worker answers /healthz with one of `ready` (200 by default; a Worker refusing to serve answers 503).
 */
export async function startWranglerDev(options: {
  config: string;
  state: string;
  cwd: string;
  vars: Record<string, string>;
  ready?: readonly number[];
}): Promise<WranglerDev> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const vars = Object.entries(options.vars).flatMap(([name, value]) => ['--var', `${name}:${value}`]);
  let output = '';
  const child: ChildProcess = spawn(
    WRANGLER,
    [
      'dev',
      '--config',
      options.config,
      '--local',
      '--persist-to',
      options.state,
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--inspector-port',
      String(await freePort()),
      '--test-scheduled',
      ...vars,
    ],
    { env: WRANGLER_ENV, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout?.on('data', (b: Buffer) => {
    output += b.toString();
  });
  child.stderr?.on('data', (b: Buffer) => {
    output += b.toString();
  });
  const stop = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
  const ready = options.ready ?? [200];
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited: ${output}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (ready.includes(res.status)) return { url, output: () => output, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`wrangler dev did not answer in 90 s: ${output}`);
}

/** What a CLI command printed and returned. */
export interface Ran {
  code: number;
  out: string;
  err: string;
}

export async function cli(
  run: (io: { out(l: string): void; err(l: string): void }) => Promise<number>,
): Promise<Ran> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run({ out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** The CLI's view of the Worker's D1 and bucket while wrangler dev runs (tests inspect and age data with it). */
export async function withWorkersDb<T>(database: DatabaseEnv, use: (w: WorkersDb) => Promise<T>): Promise<T> {
  const w = await openWorkersDb(database.workers ?? { remote: false });
  try {
    return await use(w);
  } finally {
    await w.close();
  }
}
