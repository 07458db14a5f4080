// Node entry (`npm start`): SQLite file, in-process scheduler, the built LIFF app at /liff/, local mode
// (fake LINE API + /dev simulator) when no LINE credentials are set, clean shutdown on SIGTERM/SIGINT.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { createBackground } from './background.ts';
import { parseConfig } from './config.ts';
import { createJsonLogger } from './deps.ts';
import { accountNameOf } from './line/chat/who.ts';
import { createNodeDeps } from './node-deps.ts';
import { compressLiff, serveLiff } from './node-liff.ts';
import { runScheduledTick, runScheduler } from './scheduler.ts';
import { ensureSetUp } from './setup.ts';
import { VERSION } from './version.ts';

const SCHEDULER_INTERVAL_MS = 60_000;
const LIFF_DIST = resolve(import.meta.dirname, '../liff/dist');

async function main(): Promise<void> {
  const parsed = parseConfig(process.env);
  if (!parsed.ok) {
    for (const error of parsed.errors) console.error(`configuration error: ${error}`);
    process.exit(1);
  }
  const config = parsed.config;
  const log = createJsonLogger((line) => console.log(line));
  const { deps, fake, close } = await createNodeDeps(config, log);
  const setup = await ensureSetUp(deps, config.adminLineUserIds);
  deps.accountName = setup.accountName;
  if (setup.claimCode !== undefined) {
    // Printed, not logged as data: the operator reads it once and types it to the bot in 1:1 chat.
    console.log(
      `\nยังไม่มีผู้ประสานงานจังหวัด: พิมพ์ "ผู้ประสานงาน ${setup.claimCode}" ในแชตส่วนตัวกับบัญชี LINE เพื่อรับสิทธิ์ผู้ประสานงานคนแรก\n`,
    );
  }

  const background = createBackground((error) =>
    log.error('background task failed', { error: String(error) }),
  );
  // Local mode: the /dev chat simulator posts signed events to this same app and shows what the fake LINE got.
  // Imported here, on demand, so no production entry point (bot/worker.ts, bot/app.ts) reaches bot/dev.
  const dev =
    fake === undefined
      ? undefined
      : (await import('./dev/routes.ts')).devRoutes(deps, {
          fake,
          fetch: (request, ctx) => app.fetch(request, {}, ctx),
          runScheduler: (at) => runScheduler(deps, at),
        });
  const app = createApp(deps, { assets: existsSync(LIFF_DIST) ? serveLiff(LIFF_DIST) : undefined, dev });
  const fetchCompressed = compressLiff((req, ctx) => app.fetch(req, {}, ctx));
  const server = serve(
    { fetch: (req) => fetchCompressed(req, background.ctx), port: config.port },
    (info) => {
      log.info('listening', {
        url: `http://localhost:${info.port}`,
        localMode: config.localMode,
        version: VERSION,
        ...(fake === undefined ? {} : { simulator: `http://localhost:${info.port}/dev` }),
      });
    },
  );

  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(async () => {
      // The province's name read fresh each minute: setting it up or renaming it needs no restart.
      deps.accountName = await accountNameOf(deps.db).catch(() => deps.accountName);
      await runScheduledTick(deps, deps.now());
    });
  }, SCHEDULER_INTERVAL_MS);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('shutting down', { signal });
    clearInterval(timer);
    // Stop taking requests, then let in-flight requests, webhook work and a running tick finish.
    await new Promise<void>((done) => server.close(() => done()));
    await running;
    await background.settle();
    await close().catch((error: unknown) => log.error('closing failed', { error: String(error) }));
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  // One line for the operator (a database that cannot be opened, a port in use), not a stack trace.
  console.error(`start-up failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
