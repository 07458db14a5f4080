// Handlers of the sending endpoints: reply (single-use tokens), push, multicast, broadcast, narrowcast, quota.
import {
  answer,
  badRequest,
  type FakeReply,
  type Handler,
  type HandlerInput,
  messagesOf,
  nextMessageId,
  notFound,
  ok,
  randomHex,
  stringField,
} from './handler.ts';
import { isJsonObject } from './json.ts';
import { REPLY_TOKEN_TTL_MS } from './state.ts';
import type { LineMessage, SendKind } from './types.ts';

/** LINE's wording for an exhausted monthly quota (reference #status-codes). */
export const QUOTA_MESSAGE = 'You have reached your monthly limit.';

function sentMessages(messages: LineMessage[]): Array<{ id: string; quoteToken: string }> {
  return messages.map(() => ({ id: nextMessageId(), quoteToken: `q${randomHex(31)}` }));
}

/** Records an accepted send, counts it against the monthly quota, and returns its sentMessages. */
function deliver(input: HandlerInput, kind: SendKind, to: string[], extra: { replyToken?: string } = {}) {
  const { state, body, retryKey, requestId, operation } = input;
  const messages = messagesOf(body);
  const record = { kind, to, messages, requestId, at: state.now(), ...extra };
  state.recordSent(
    retryKey === undefined ? record : { ...record, retryKey },
    `${operation.operationId} ${JSON.stringify(body)}`,
  );
  if (kind !== 'reply') state.totalUsage += to.length;
  return sentMessages(messages);
}

/** Quota check for counted sends: the explicit switch, or `quotaLimit` used up by this send. */
function overQuota(input: HandlerInput, recipients: number): FakeReply | undefined {
  const { state } = input;
  const limit = state.options.quotaLimit;
  const exhausted = state.quotaExhausted || (limit !== undefined && state.totalUsage + recipients > limit);
  return exhausted ? answer(429, { message: QUOTA_MESSAGE }) : undefined;
}

const replyMessage: Handler = (input) => {
  const { state } = input;
  const token = stringField(input.body, 'replyToken') ?? '';
  const issued = state.replyTokens.get(token);
  const expired = issued !== undefined && state.now() - issued.issuedAt > REPLY_TOKEN_TTL_MS;
  const unknown = issued === undefined && state.options.strictReplyTokens === true;
  if (state.usedReplyTokens.has(token) || expired || unknown) return badRequest('Invalid reply token');
  state.usedReplyTokens.add(token);
  const to = issued?.chatId === undefined ? [] : [issued.chatId];
  return ok({ sentMessages: deliver(input, 'reply', to, { replyToken: token }) });
};

const pushMessage: Handler = (input) => {
  const to = stringField(input.body, 'to') ?? '';
  return overQuota(input, 1) ?? ok({ sentMessages: deliver(input, 'push', [to]) });
};

const multicast: Handler = (input) => {
  const raw = isJsonObject(input.body) && Array.isArray(input.body.to) ? input.body.to : [];
  const to = raw.filter((id): id is string => typeof id === 'string');
  const refused = overQuota(input, to.length);
  if (refused !== undefined) return refused;
  deliver(input, 'multicast', to);
  return ok();
};

const broadcast: Handler = (input) => {
  const refused = overQuota(input, 0);
  if (refused !== undefined) return refused;
  deliver(input, 'broadcast', []);
  return ok();
};

const narrowcast: Handler = (input) => {
  const refused = overQuota(input, 0);
  if (refused !== undefined) return refused;
  deliver(input, 'narrowcast', []);
  input.state.narrowcasts.add(input.requestId);
  return answer(202, {});
};

const getNarrowcastProgress: Handler = ({ state, query }) => {
  const requestId = query.requestId ?? '';
  if (!state.narrowcasts.has(requestId)) return notFound();
  const time = new Date(state.now()).toISOString();
  return ok({
    phase: 'succeeded',
    successCount: 0,
    failureCount: 0,
    targetCount: 0,
    acceptedTime: time,
    completedTime: time,
  });
};

const getMessageQuota: Handler = ({ state }) => {
  const limit = state.options.quotaLimit;
  return ok(limit === undefined ? { type: 'none' } : { type: 'limited', value: limit });
};

export const SEND_HANDLERS: Record<string, Handler> = {
  replyMessage,
  pushMessage,
  multicast,
  broadcast,
  narrowcast,
  getNarrowcastProgress,
  getMessageQuota,
  getMessageQuotaConsumption: ({ state }) => ok({ totalUsage: state.totalUsage }),
  showLoadingAnimation: () => answer(202, {}),
};
