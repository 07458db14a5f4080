// Cloudflare Workers entry: the same app on D1, the LIFF build as static assets, the scheduler on a cron trigger.
import type { D1Database } from '@cloudflare/workers-types/index.ts';
import { openD1 } from '../db/d1.ts';
import { createApp } from './app.ts';
import { parseConfig } from './config.ts';
import { createJsonLogger, type Deps } from './deps.ts';
import { createComplaintCrypto } from './features/complaints/crypto.ts';
import { verifyComplaintKey } from './features/complaints/key-check.ts';
import { nextStepLines, setUpProvince } from './features/setup/first-start.ts';
import { createLineClient } from './line/client.ts';
import { runScheduler } from './scheduler.ts';
import { VERSION } from './version.ts';

/** The static-assets binding: it answers a request for a file of the LIFF build. */
interface AssetsBinding {
  fetch(request: Request): Promise<Response>;
}

interface Env {
  DB: D1Database;
  ASSETS?: AssetsBinding;
  [name: string]: unknown;
}

interface Built {
  deps: Deps;
  app: ReturnType<typeof createApp>;
  /** Settles once the account's name is read from D1 (Node reads it at start-up; a Worker has no start). */
  named: Promise<void>;
  /** Settles with why the complaint key check failed, or undefined when it passed. */
  keyCheck: Promise<string | undefined>;
}

let built: Built | undefined;

/** Configuration is read and validated once per isolate; a bad value fails every request with its name. */
function build(env: Env): Built {
  if (built !== undefined) return built;
  const vars = Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
  const parsed = parseConfig(vars);
  if (!parsed.ok) throw new Error(`configuration error: ${parsed.errors.join('; ')}`);
  const config = parsed.config;
  // The fake LINE API of local mode runs on Node only: a Worker always talks to a real (or configured) LINE API.
  if (config.localMode)
    throw new Error(
      'configuration error: LINE_CHANNEL_SECRET and LINE_CHANNEL_ACCESS_TOKEN are required on Workers',
    );
  const deps: Deps = {
    db: openD1(env.DB),
    line: createLineClient({
      channelAccessToken: config.line.channelAccessToken,
      apiBaseUrl: config.line.apiBaseUrl,
      dataApiBaseUrl: config.line.dataApiBaseUrl,
    }),
    channelSecret: config.line.channelSecret,
    now: () => new Date(),
    log: createJsonLogger((line) => console.log(line)),
    version: VERSION,
    accountName: 'ITA จังหวัด',
    localMode: false,
    publicBaseUrl: config.publicBaseUrl,
    mediaBaseUrl: config.mediaBaseUrl,
    // parseConfig requires COMPLAINT_KEY with real credentials, and Workers always have them.
    complaintCrypto: createComplaintCrypto(config.complaintKey ?? ''),
    liff: config.liff,
    // A Workers invocation may hold 6 connections open and make 50 subrequests on the free plan
    // (https://developers.cloudflare.com/workers/platform/limits/): a minute's tick sends at most 45.
    drain: { concurrency: 6, maxMessages: 45 },
  };
  const assets = env.ASSETS;
  const app = createApp(deps, {
    assets: assets === undefined ? undefined : [async (c) => assets.fetch(c.req.raw)],
  });
  // A Worker has no start: its first request sets up a new database's province and first coordinator (never
  // the demo) and logs the claim code and next steps for `wrangler tail`.
  const named = setUpProvince(deps, config.adminLineUserIds, config.province, new Date()).then(
    (setup) => {
      deps.accountName = setup.accountName;
      if (setup.claimCode !== undefined || setup.needsProvince === true)
        console.log(nextStepLines(setup).join('\n'));
    },
    (error: unknown) =>
      deps.log.warn('set-up not read; using the default account name', { error: String(error) }),
  );
  // A Worker has no start: its first request opens the key check (recording it on a new database). A key
  // that does not open it refuses every request and scheduler run, so nothing is sealed with the wrong key.
  const keyCheck = verifyComplaintKey(deps.db, deps.complaintCrypto, new Date()).then(
    () => undefined,
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      deps.log.error('complaint key check failed', { error: message });
      return message.includes('COMPLAINT_KEY') ? message : `COMPLAINT_KEY could not be checked: ${message}`;
    },
  );
  built = { deps, app, named, keyCheck };
  return built;
}

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    const { app, named, keyCheck } = build(env);
    await named;
    const keyProblem = await keyCheck;
    if (keyProblem !== undefined)
      return Response.json({ error: 'unavailable', message: keyProblem }, { status: 503 });
    return app.fetch(request, env, ctx);
  },
  scheduled(controller: { scheduledTime: number }, env: Env, ctx: ExecutionContext): void {
    const { deps, named, keyCheck } = build(env);
    ctx.waitUntil(
      Promise.all([named, keyCheck])
        .then(([, keyProblem]) =>
          keyProblem === undefined ? runScheduler(deps, new Date(controller.scheduledTime)) : undefined,
        )
        .catch((error: unknown) => {
          // For `wrangler tail`: what failed, then the run is reported as failed as before.
          deps.log.error('scheduler run failed', { error: String(error), stack: (error as Error)?.stack });
          throw error;
        }),
    );
  },
};

type ExecutionContext = import('hono').ExecutionContext;
