// The fake LINE API as a Hono app: Messaging API (api and api-data paths) plus LINE Login's ID-token verify.
import { Hono } from 'hono';
import type { FakeReply } from './handler.ts';
import { answerLine, failureReply, type Incoming, readBytes } from './pipeline.ts';
import type { FakeLineState } from './state.ts';
import { VERIFY_OPERATION, VERIFY_PATH, verifyIdToken } from './verify.ts';

/** Usable in-process (`app.request(...)`, `app.fetch`) or behind `startFakeLine()`'s loopback server. */
export function createFakeLineApp(state: FakeLineState): Hono {
  const app = new Hono();
  app.all('*', (c) => handle(state, c.req.raw));
  return app;
}

async function handle(state: FakeLineState, request: Request): Promise<Response> {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const record = state.begin({
    method: request.method,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers,
    body: undefined,
    operationId: undefined,
    errors: [],
    status: 0,
    requestId: crypto.randomUUID(),
    at: state.now(),
  });
  const incoming: Incoming = { request, record, contentType: headers['content-type'] ?? '' };
  const reply = await answer(state, incoming);
  state.finish(record, reply.status);
  await holdIfAsked(state, record.path, record.operationId);
  return toResponse(reply, record.requestId);
}

/** A bug in the fake answers 500 and is recorded as an error, so a test notices it rather than hanging. */
async function answer(state: FakeLineState, incoming: Incoming): Promise<FakeReply> {
  const { request, record } = incoming;
  try {
    const isVerify = request.method === 'POST' && record.path === VERIFY_PATH;
    return isVerify ? await answerVerify(state, incoming) : await answerLine(state, incoming);
  } catch (error) {
    const message = `fake LINE failed: ${error instanceof Error ? error.message : String(error)}`;
    record.errors.push(message);
    return { status: 500, json: { message } };
  }
}

async function answerVerify(state: FakeLineState, incoming: Incoming): Promise<FakeReply> {
  const { record } = incoming;
  record.operationId = VERIFY_OPERATION;
  const bytes = await readBytes(incoming);
  if (!(bytes instanceof Uint8Array)) return bytes;
  state.countVerifyCall();
  const failure = state.faults.takeFailure(record.path, VERIFY_OPERATION);
  if (failure !== undefined) return failureReply(failure);
  const outcome = verifyIdToken(state, incoming.contentType, new TextDecoder().decode(bytes));
  record.body = outcome.form;
  record.errors.push(...outcome.errors);
  return outcome.reply;
}

/** `hangNext`: the answer is decided (and recorded) but sent only after the delay, or at `close()`. */
function holdIfAsked(state: FakeLineState, path: string, operationId: string | undefined): Promise<void> {
  const hang = state.faults.takeHang(path, operationId);
  if (hang === undefined || state.closed) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = state.onClose(() => {
      clearTimeout(timer);
      resolve();
    });
    const timer = Number.isFinite(hang.ms)
      ? setTimeout(() => {
          stop();
          resolve();
        }, hang.ms)
      : undefined;
  });
}

/** Plain-object headers keep @hono/node-server on its fast path (no Headers object to convert). */
function toResponse(reply: FakeReply, requestId: string): Response {
  const headers: Record<string, string> = { ...reply.headers, 'x-line-request-id': requestId };
  if (reply.bytes !== undefined) {
    headers['content-type'] = reply.contentType ?? 'application/octet-stream';
    return new Response(reply.bytes, { status: reply.status, headers });
  }
  headers['content-type'] = 'application/json';
  return new Response(JSON.stringify(reply.json ?? {}), { status: reply.status, headers });
}
