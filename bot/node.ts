// Node entry (`npm start`): SQLite file, in-process scheduler, the built LIFF app at /liff/, local mode
// (fake LINE API + /dev simulator) when no LINE credentials are set, clean shutdown on SIGTERM/SIGINT.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { createBackground } from './background.ts';
import { parseConfig } from './config.ts';
import { createJsonLogger } from './deps.ts';
import { ComplaintKeyError, verifyComplaintKey } from './features/complaints/key-check.ts';
import { createNodeDeps } from './node-deps.ts';
import { compressLiff, serveLiff } from './node-liff.ts';
import { runScheduler } from './scheduler.ts';
import { ensureSetUp, nextStepLines } from './setup.ts';
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
  try {
    if ((await verifyComplaintKey(deps.db, deps.complaintCrypto, deps.now())) === 'recorded')
      log.info('complaint key check recorded');
  } catch (error) {
    if (!(error instanceof ComplaintKeyError)) throw error;
    console.error(`start-up failed: ${error.message}`);
    await close();
    process.exit(3);
  }
  const setup = await ensureSetUp(deps, config.adminLineUserIds, config.province);
  deps.accountName = setup.accountName;
  // Printed, not logged as data: the operator reads the claim code once and types it to the bot in 1:1 chat.
  if (!config.localMode || setup.claimCode !== undefined)
    console.log(`\n${nextStepLines(setup).join('\n')}\n`);

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
    { fetch: (req) => fetchCompressed(req, background.ctx), port: config.port, hostname: config.host },
    (info) => {
      if (
        config.localMode &&
        config.hostFromEnv &&
        config.host !== '127.0.0.1' &&
        config.host !== 'localhost'
      ) {
        log.warn('local mode listens beyond this machine', {
          host: config.host,
          warning:
            'the /dev simulator hands out ID tokens for the demo coordinator and officers to anyone who can reach it',
        });
        console.error(
          `คำเตือน: โหมดทดลองเปิดรับการเชื่อมต่อที่ ${config.host} — หน้า /dev ออกโทเคนเข้าสู่ระบบของผู้ประสานงานและเจ้าหน้าที่ตัวอย่างให้ทุกคนที่เข้าถึงได้`,
        );
      }
      log.info('listening', {
        url: `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${info.port}`,
        localMode: config.localMode,
        version: VERSION,
        ...(fake === undefined ? {} : { simulator: `http://localhost:${info.port}/dev` }),
      });
    },
  );

  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(() =>
      runScheduler(deps, deps.now()).catch((e) => log.error('scheduler', { error: String(e) })),
    );
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
