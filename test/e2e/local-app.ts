// A local-mode app built the way `npm start` builds it (bot/node.ts) with no LINE credentials: the demo in an
// in-memory SQLite file, the fake LINE API, and the /dev simulator; optionally served on a loopback port.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from '../../bot/app.ts';
import { createBackground } from '../../bot/background.ts';
import { parseConfig } from '../../bot/config.ts';
import type { Deps, Logger } from '../../bot/deps.ts';
import type { FakeLine } from '../../bot/dev/fake-line/index.ts';
import { type DevOptions, devRoutes } from '../../bot/dev/routes.ts';
import { listOpenTasks } from '../../bot/features/plan/tasks.ts';
import { loadSettings } from '../../bot/features/settings/settings.ts';
import { homeProvinceId } from '../../bot/line/chat/who.ts';
import { createNodeDeps } from '../../bot/node-deps.ts';
import { runScheduler } from '../../bot/scheduler.ts';
import { ensureSetUp } from '../../bot/setup.ts';
import { fiscalYearOf } from '../../core/index.ts';
import { addDays, bangkokDay, dueReminderSlots, instantOn } from '../../core/reminders/index.ts';

export interface LocalApp {
  deps: Deps;
  fake: FakeLine;
  app: ReturnType<typeof createApp>;
  /** The times the simulator asked the scheduler to run at. */
  ticks: Date[];
  logs: string[];
  /** Set by `serve()`: http://127.0.0.1:PORT */
  url: string;
  serve(): Promise<string>;
  close(): Promise<void>;
}

export async function startLocalApp(env: Record<string, string> = {}): Promise<LocalApp> {
  const parsed = parseConfig({ DATABASE_PATH: ':memory:', ...env });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const logs: string[] = [];
  const entry = (level: string) => (message: string, data?: Record<string, unknown>) =>
    void logs.push(`${level} ${message} ${JSON.stringify(data ?? {})}`);
  const log: Logger = { info: entry('info'), warn: entry('warn'), error: entry('error') };
  const { deps, fake, close } = await createNodeDeps(parsed.config, log);
  if (fake === undefined) throw new Error('local mode should have started the fake LINE API');
  const setup = await ensureSetUp(deps, []);
  deps.accountName = setup.accountName;

  const ticks: Date[] = [];
  const background = createBackground((error) =>
    log.error('background task failed', { error: String(error) }),
  );
  const dev: DevOptions = {
    fake,
    fetch: (request, ctx) => app.fetch(request, {}, ctx),
    runScheduler: (at) => {
      ticks.push(at);
      return runScheduler(deps, at);
    },
  };
  const app = createApp(deps, { dev: devRoutes(deps, dev) });
  let stopServer = async () => {};

  const local: LocalApp = {
    deps,
    fake,
    app,
    ticks,
    logs,
    url: '',
    serve: () =>
      new Promise((resolve) => {
        const server = serve(
          { fetch: (req) => app.fetch(req, {}, background.ctx), hostname: '127.0.0.1', port: 0 },
          (info: AddressInfo) => {
            local.url = `http://127.0.0.1:${info.port}`;
            // As `npm start` does with its configured port: links name the local server's own origin.
            if (env.PUBLIC_BASE_URL === undefined) deps.publicBaseUrl = local.url;
            resolve(local.url);
          },
        );
        stopServer = () =>
          new Promise<void>((done) => {
            server.close(() => done());
            if ('closeAllConnections' in server) server.closeAllConnections();
          });
      }),
    async close() {
      await stopServer();
      await background.settle();
      await close();
    },
  };
  return local;
}

export interface DueReminder {
  at: Date;
  /** The same time as a `datetime-local` input in Bangkok takes it. */
  input: string;
  agencyId: string;
}

/**
 * The first day from tomorrow, at 10:00 Bangkok, when a deadline reminder falls due for one of these agencies
 * in this fiscal year (the demo plan's open tasks and the reminder rules decide; no message is sent to find it).
 */
export async function nextReminder(deps: Deps, agencyIds: readonly string[]): Promise<DueReminder> {
  const now = deps.now();
  const provinceId = await homeProvinceId(deps.db);
  if (provinceId === undefined) throw new Error('the demo has no home province');
  const settings = await loadSettings(deps.db);
  const tasks = await listOpenTasks(deps.db, provinceId, fiscalYearOf(now), agencyIds);
  for (let d = 1; d <= 366; d += 1) {
    const day = addDays(bangkokDay(now), d);
    const at = instantOn(day, 10 * 60);
    if (fiscalYearOf(at) !== fiscalYearOf(now)) break;
    const task = tasks.find((t) => dueReminderSlots(t.activity, t.status, at, settings).length > 0);
    if (task !== undefined) return { at, input: `${day}T10:00`, agencyId: task.agency.id };
  }
  throw new Error(`no reminder falls due for ${agencyIds.join(', ')} in this fiscal year`);
}
