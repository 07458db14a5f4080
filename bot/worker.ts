// Cloudflare Workers entry: the same app on D1, the LIFF build as static assets, the scheduler on a cron trigger.
import type { D1Database, R2Bucket } from '@cloudflare/workers-types/index.ts';
import { openD1 } from '../db/d1.ts';
import { createApp } from './app.ts';
import { type Config, parseConfig } from './config.ts';
import { createJsonLogger, type Deps } from './deps.ts';
import { createComplaintCrypto } from './features/complaints/crypto.ts';
import { r2PhotoStore } from './features/complaints/photo-store.ts';
import { bootstrapCoordinators } from './features/roles/bootstrap.ts';
import { accountNameOf, homeProvinceId } from './line/chat/who.ts';
import { createLineClient } from './line/client.ts';
import { WORKERS_CONCURRENCY, WORKERS_MESSAGES_PER_RUN } from './line/outbox/budget.ts';
import { runScheduledTick } from './scheduler.ts';
import { VERSION } from './version.ts';

/** The static-assets binding: it answers a request for a file of the LIFF build. */
interface AssetsBinding {
  fetch(request: Request): Promise<Response>;
}

interface Env {
  DB: D1Database;
  ASSETS?: AssetsBinding;
  /** Complaint photos (wrangler.toml [[r2_buckets]]); without it they stay in D1 as on Node. */
  PHOTOS?: R2Bucket;
  [name: string]: unknown;
}

interface Built {
  deps: Deps;
  config: Config;
  app: ReturnType<typeof createApp>;
  /** Set once ADMIN_LINE_USER_IDS are granted and a claim code issued where needed (a province must exist). */
  bootstrapped: boolean;
}

let built: Built | undefined;

/** index.html names the current hashed files: revalidated on every open, as on Node. */
const ENTRY_CACHE = 'no-cache';

/**
 * The mini-app for a /liff/ path that is not a file (a deep link such as /liff/cases/12, or a reload): the
 * assets serve files themselves without running the Worker (wrangler.toml), so only these misses get here.
 */
function liffFallback(assets: AssetsBinding) {
  return async (c: { req: { raw: Request } }) => {
    const url = new URL(c.req.raw.url);
    url.pathname = '/liff/';
    url.search = '';
    const entry = await assets.fetch(new Request(url, { headers: c.req.raw.headers }));
    if (!entry.ok) return entry;
    const response = new Response(entry.body, entry);
    response.headers.set('cache-control', ENTRY_CACHE);
    return response;
  };
}

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
      'configuration error: LINE_CHANNEL_SECRET and LINE_CHANNEL_ACCESS_TOKEN are required on Workers (locally: .dev.vars)',
    );
  const log = createJsonLogger((line) => console.log(line));
  const deps: Deps = {
    db: openD1(env.DB),
    line: createLineClient({
      channelAccessToken: config.line.channelAccessToken,
      apiBaseUrl: config.line.apiBaseUrl,
      dataApiBaseUrl: config.line.dataApiBaseUrl,
    }),
    channelSecret: config.line.channelSecret,
    now: () => new Date(),
    log,
    version: VERSION,
    accountName: 'ITA จังหวัด',
    localMode: false,
    publicBaseUrl: config.publicBaseUrl,
    // parseConfig requires COMPLAINT_KEY with real credentials, and Workers always have them.
    complaintCrypto: createComplaintCrypto(config.complaintKey ?? ''),
    liff: config.liff,
    // The paid plan's limits per invocation (bot/outbox/budget.ts); OUTBOX_MESSAGES_PER_RUN overrides the count.
    drain: {
      concurrency: WORKERS_CONCURRENCY,
      maxMessages: config.outboxMessagesPerRun ?? WORKERS_MESSAGES_PER_RUN,
    },
    ...(env.PHOTOS === undefined ? {} : { photoStore: r2PhotoStore(env.PHOTOS) }),
  };
  const assets = env.ASSETS;
  const app = createApp(deps, { assets: assets === undefined ? undefined : [liffFallback(assets)] });
  built = { deps, config, app, bootstrapped: false };
  return built;
}

/**
 * What Node does at start, done at the start of each invocation on Workers (there is no start): the account's
 * name read fresh from D1 (the province may be renamed or set up later), and — until done once in this isolate —
 * ADMIN_LINE_USER_IDS granted, or the first coordinator's claim code issued (`npm run ita -- status --workers`
 * shows it). A failure is logged and tried again next time; the request is still served.
 */
async function prepare(b: Built): Promise<void> {
  const { deps } = b;
  try {
    deps.accountName = await accountNameOf(deps.db);
    if (b.bootstrapped) return;
    const provinceId = await homeProvinceId(deps.db);
    if (provinceId === undefined) return;
    const input = { adminLineUserIds: b.config.adminLineUserIds, provinceId };
    await bootstrapCoordinators(deps, input, deps.now());
    b.bootstrapped = true;
  } catch (error) {
    deps.log.warn('start-up reads failed; trying again next time', { error: String(error) });
  }
}

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    const b = build(env);
    await prepare(b);
    return b.app.fetch(request, env, ctx);
  },
  scheduled(controller: { scheduledTime: number }, env: Env, ctx: ExecutionContext): void {
    const b = build(env);
    const at = new Date(controller.scheduledTime);
    ctx.waitUntil(prepare(b).then(() => runScheduledTick(b.deps, at)));
  },
};

type ExecutionContext = import('hono').ExecutionContext;
