// How the fake answers one request: match, auth, body, contract, rate limit, faults, retry key, then the handler.
import { CHAT_HANDLERS } from './chat-handlers.ts';
import { type ContractError, matchOperation, validateOperationBody } from './contract.ts';
import { defaultFailureBody } from './faults.ts';
import { answer, type FakeReply, type Handler, ok } from './handler.ts';
import { LINE_LIMITS } from './limits.ts';
import type { LineOperation } from './operations.ts';
import { checkRetryKey, parseBody } from './request-body.ts';
import { RICH_MENU_HANDLERS } from './rich-menu-handlers.ts';
import { SEND_HANDLERS } from './send-handlers.ts';
import type { FakeLineState } from './state.ts';
import type { FailOptions, RecordedRequest } from './types.ts';

const HANDLERS: Record<string, Handler> = { ...SEND_HANDLERS, ...CHAT_HANDLERS, ...RICH_MENU_HANDLERS };
const AUTH_FAILED =
  'Authentication failed. Confirm that the access token in the authorization header is valid.';

export interface Incoming {
  request: Request;
  record: RecordedRequest;
  contentType: string;
}

/** Reads the body once, refusing more than LINE's 2 MB with 413. */
export async function readBytes(incoming: Incoming): Promise<Uint8Array | FakeReply> {
  const { request, record } = incoming;
  if (request.method === 'GET' || request.method === 'HEAD') return new Uint8Array();
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.length <= LINE_LIMITS.requestBodyBytes) return bytes;
  record.errors.push(
    `the body is ${bytes.length} bytes; LINE refuses more than ${LINE_LIMITS.requestBodyBytes} with 413`,
  );
  record.body = bytes.length;
  return answer(413, { message: 'Request Entity Too Large' });
}

export function failureReply(failure: FailOptions): FakeReply {
  return answer(failure.status, failure.body ?? defaultFailureBody(failure.status));
}

/** Decides the answer to a Messaging API request; errors found on the way are added to `incoming.record`. */
export async function answerLine(state: FakeLineState, incoming: Incoming): Promise<FakeReply> {
  const { request, record } = incoming;
  const match = matchOperation(request.method, record.path);
  if (match.kind !== 'found') {
    const known = match.kind === 'wrong-method';
    const why = known
      ? `${request.method} is not allowed on ${record.path}`
      : `LINE has no endpoint ${record.path}`;
    record.errors.push(why);
    return known ? answer(405, { message: 'Method Not Allowed' }) : answer(404, { message: 'Not found' });
  }
  const { operation, params } = match;
  record.operationId = operation.operationId;
  if (request.headers.get('authorization') !== `Bearer ${state.channelAccessToken}`) {
    return answer(401, { message: AUTH_FAILED });
  }
  const checked = await checkBody(state, incoming, operation);
  if ('status' in checked) return checked;
  if (!state.limiter.tryTake(operation.operationId, state.now())) {
    return answer(429, { message: 'Too many requests' });
  }
  const failure = state.faults.takeFailure(record.path, operation.operationId);
  if (failure !== undefined && failure.afterDelivery !== true) return failureReply(failure);
  if (checked.details.length > 0) return invalid(checked.details);
  const reply = deliverOnce(state, {
    operation,
    params,
    value: checked.value,
    retryKey: checked.retryKey,
    incoming,
  });
  return failure === undefined ? reply : failureReply(failure);
}

interface CheckedBody {
  value: unknown;
  retryKey: string | undefined;
  details: ContractError[];
}

/** Reads and parses the body, checks it and the retry key against the contract, and records what is wrong. */
async function checkBody(
  state: FakeLineState,
  incoming: Incoming,
  operation: LineOperation,
): Promise<CheckedBody | FakeReply> {
  const { request, record } = incoming;
  const bytes = await readBytes(incoming);
  if (!(bytes instanceof Uint8Array)) return bytes;
  const parsed = parseBody(operation, bytes, incoming.contentType);
  record.body = parsed.recorded;
  const retryKey = request.headers.get('x-line-retry-key') ?? undefined;
  if (retryKey !== undefined) state.countRetryKey(retryKey);
  const details = [...parsed.errors, ...checkRetryKey(operation.operationId, retryKey)];
  if (parsed.errors.length === 0) details.push(...validateOperationBody(operation, parsed.value).details);
  record.errors.push(...details.map((d) => (d.property === '' ? d.message : `${d.property}: ${d.message}`)));
  return { value: parsed.value, retryKey, details };
}

function invalid(details: ContractError[]): FakeReply {
  return answer(400, { message: `The request body has ${details.length} error(s)`, details });
}

interface Accepted {
  operation: LineOperation;
  params: Record<string, string>;
  value: unknown;
  retryKey: string | undefined;
  incoming: Incoming;
}

/** 409 for a retry key LINE already accepted; otherwise runs the handler and remembers an accepted key. */
function deliverOnce(state: FakeLineState, accepted: Accepted): FakeReply {
  const { operation, params, value, retryKey, incoming } = accepted;
  const requestId = incoming.record.requestId;
  const earlier = retryKey === undefined ? undefined : state.acceptedRetryKey(retryKey);
  if (earlier !== undefined) {
    const body = { message: 'The retry key is already accepted', sentMessages: earlier.sentMessages };
    return answer(409, body, { 'x-line-accepted-request-id': earlier.requestId });
  }
  const handler = HANDLERS[operation.operationId] ?? (() => ok());
  const { query } = incoming.record;
  const reply = handler({
    state,
    operation,
    params,
    query,
    body: value,
    contentType: incoming.contentType,
    retryKey,
    requestId,
  });
  if (retryKey !== undefined && reply.status >= 200 && reply.status < 300) {
    const sentMessages = isSent(reply.json) ? reply.json.sentMessages : [];
    state.acceptRetryKey(retryKey, { requestId, sentMessages });
  }
  return reply;
}

function isSent(json: unknown): json is { sentMessages: unknown } {
  return typeof json === 'object' && json !== null && 'sentMessages' in json;
}
