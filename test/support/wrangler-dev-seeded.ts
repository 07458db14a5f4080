// The Workers entry (bot/worker.ts) under `wrangler dev` with local D1 migrated by wrangler, a throw-away state
// folder and `--test-scheduled`, so a test can run the cron trigger: /__scheduled. wrangler runs it at the real time
// (it passes no scheduledTime; miniflare's own /cdn-cgi/handler/scheduled?time= fails under wrangler dev 4.86), so a
// test that needs an earlier month seeds D1 before the Worker starts.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  type WranglerDev as Dev,
  WRANGLER_ENV as ENV,
  startWranglerDev as startDev,
  WRANGLER,
  writeWranglerConfig,
} from './wrangler-dev.ts';

export interface WranglerDev {
  url: string;
  /** Runs the Worker's `scheduled` handler as the cron trigger would; resolves once the run finished. */
  tick(): Promise<void>;
  output(): string;
  close(): Promise<void>;
}

/**
 * Migrates a new local D1 with wrangler (then runs `seedSql` in it, before the Worker starts), starts
 * `wrangler dev` with these vars, and waits for /healthz.
 */
export async function startWranglerDev(
  vars: Record<string, string>,
  options: { seedSql?: string } = {},
): Promise<WranglerDev> {
  const dir = mkdtempSync(join(tmpdir(), 'ita-worker-'));
  const config = writeWranglerConfig(dir);
  const state = join(dir, 'state');
  await promisify(execFile)(
    WRANGLER,
    ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', state, '--config', config],
    { env: ENV, cwd: dir },
  );
  if (options.seedSql !== undefined) {
    const seed = join(dir, 'seed.sql');
    writeFileSync(seed, options.seedSql);
    await promisify(execFile)(
      WRANGLER,
      ['d1', 'execute', 'DB', '--local', '--persist-to', state, '--config', config, '--file', seed, '--yes'],
      { env: ENV, cwd: dir },
    );
  }
  let dev: Dev;
  try {
    dev = await startDev({ config, state, cwd: dir, vars });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const { url, output } = dev;
  const close = async () => {
    await dev.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  return {
    url,
    async tick() {
      // The run records when it finished (for /healthz) as its last step: wait for that to change.
      const lastRun = async () =>
        ((await (await fetch(`${url}/healthz`)).json()) as { scheduler: { finishedAt: string | null } })
          .scheduler.finishedAt;
      const before = await lastRun();
      const res = await fetch(`${url}/__scheduled?cron=*+*+*+*+*`);
      if (res.status !== 200) throw new Error(`scheduled run failed (${res.status}): ${output()}`);
      const until = Date.now() + 20_000;
      while ((await lastRun()) === before) {
        if (Date.now() > until) throw new Error(`scheduled run did not finish in 20 s: ${output()}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    output,
    close,
  };
}
