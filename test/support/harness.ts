// A whole app for tests: in-memory SQLite, the fake LINE API on loopback, signed webhook posts, /api calls as a
// signed-in LIFF user, settled work, and the end-of-test check that LINE's spec was kept.
import type { ExecutionContext } from 'hono';
import { expect } from 'vitest';
import { createApp } from '../../bot/app.ts';
import type { Deps, Logger } from '../../bot/deps.ts';
import { type FakeLine, startFakeLine, validateRequest } from '../../bot/dev/fake-line/index.ts';
import { createComplaintCrypto } from '../../bot/features/complaints/crypto.ts';
import { createLineClient } from '../../bot/line/client.ts';
import { signLineBody } from '../../bot/line/signature.ts';
import { openSqlite } from '../../db/sqlite.ts';
import { makeCallback } from './events.ts';

export const CHANNEL_SECRET = 'test-channel-secret';
export const ACCESS_TOKEN = 'test-token';
export const PUBLIC_BASE_URL = 'https://ita.example.go.th';
/** COMPLAINT_KEY of every harness (32 bytes, base64). */
export const COMPLAINT_KEY = 'dGVzdC1jb21wbGFpbnQta2V5LTMyLWJ5dGVzLWxvbmc=';
export const LOGIN_CHANNEL_ID = '1234567890';

export interface LogEntry {
  level: 'info' | 'warn' | 'error';
  message: string;
  data?: Record<string, unknown>;
}

export interface Harness {
  deps: Deps;
  fake: FakeLine;
  app: ReturnType<typeof createApp>;
  logs: LogEntry[];
  /** The execution context handed to every request; its waitUntil work is collected for `settle`. */
  ctx: ExecutionContext;
  /** Posts a body to /webhook, signed unless `signature` is given (null: no header). */
  postWebhook(body: unknown, options?: { signature?: string | null; raw?: string }): Promise<Response>;
  /** Posts events as one signed webhook request and waits for the work after the response. */
  send(...events: unknown[]): Promise<Response>;
  /** A request to /api/… with this LIFF ID token as bearer (null: none), as JSON when a body is given. */
  callApi(token: string | null, path: string, init?: { method?: string; body?: unknown }): Promise<Response>;
  settle(): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  now?: () => Date;
  /** A SQLite file instead of an in-memory database (for tests that read the file itself). */
  databasePath?: string;
}

/**
 * The fake compiles LINE's OpenAPI validators on first use (1.5–2 s, more on a loaded machine): done here, once
 * per test process, so it never counts against the client's 2 s time-out inside a test.
 */
function warmContract(): void {
  const text = { type: 'text', text: 'warm' };
  const bubble = { type: 'bubble', body: { type: 'box', layout: 'vertical', contents: [text] } };
  const flex = { type: 'flex', altText: 'warm', contents: { type: 'carousel', contents: [bubble] } };
  const to = `C${'0'.repeat(32)}`;
  validateRequest('POST', '/v2/bot/message/push', { to, messages: [text, flex] });
  validateRequest('POST', '/v2/bot/message/reply', { replyToken: 'warm', messages: [text, flex] });
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  warmContract();
  const fake = await startFakeLine({ channelAccessToken: ACCESS_TOKEN });
  const logs: LogEntry[] = [];
  const entry = (level: LogEntry['level']) => (message: string, data?: Record<string, unknown>) =>
    logs.push({ level, message, data });
  const log: Logger = { info: entry('info'), warn: entry('warn'), error: entry('error') };
  const deps: Deps = {
    db: openSqlite(options.databasePath ?? ':memory:'),
    line: createLineClient({
      channelAccessToken: ACCESS_TOKEN,
      apiBaseUrl: fake.url,
      dataApiBaseUrl: fake.url,
      timeoutMs: 2000,
    }),
    channelSecret: CHANNEL_SECRET,
    now: options.now ?? (() => new Date()),
    log,
    version: 'test',
    accountName: 'ITA จังหวัดปทุมธานี',
    localMode: false,
    publicBaseUrl: PUBLIC_BASE_URL,
    complaintCrypto: createComplaintCrypto(COMPLAINT_KEY),
    liff: { loginChannelId: LOGIN_CHANNEL_ID },
  };
  const app = createApp(deps);
  const tasks: Promise<unknown>[] = [];
  const ctx: ExecutionContext = {
    waitUntil: (p) => {
      tasks.push(p);
    },
    passThroughOnException: () => undefined,
    props: {},
  };

  const postWebhook: Harness['postWebhook'] = async (body, opts = {}) => {
    const raw = opts.raw ?? JSON.stringify(body);
    const signature = opts.signature === undefined ? await signLineBody(raw, CHANNEL_SECRET) : opts.signature;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (signature !== null) headers['x-line-signature'] = signature;
    return app.request('/webhook', { method: 'POST', headers, body: raw }, {}, ctx);
  };
  const settle = async () => {
    while (tasks.length > 0) await Promise.all(tasks.splice(0));
  };

  return {
    deps,
    fake,
    app,
    logs,
    ctx,
    postWebhook,
    async send(...events) {
      const res = await postWebhook(makeCallback(...events));
      await settle();
      return res;
    },
    async callApi(token, path, init = {}) {
      const headers: Record<string, string> = {};
      if (token !== null) headers.authorization = `Bearer ${token}`;
      if (init.body !== undefined) headers['content-type'] = 'application/json';
      const body = init.body === undefined ? undefined : JSON.stringify(init.body);
      return app.request(`/api${path}`, { method: init.method ?? 'GET', headers, body }, {}, ctx);
    },
    settle,
    async close() {
      await settle();
      await fake.close();
      await deps.db.close();
    },
  };
}

/** The end of a test: every request the app sent to the fake LINE kept LINE's spec; then the harness closes. */
export async function checkAndClose(h: Harness): Promise<void> {
  expect(h.fake.violations()).toEqual([]);
  await h.close();
}
