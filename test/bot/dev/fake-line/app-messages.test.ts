// The fake's sending endpoints: auth, contract errors, reply tokens, retry keys, and what it records.
import { describe, expect, it } from 'vitest';
import * as f from './factories.ts';
import { harness, MULTICAST, OTHER_RETRY_KEY, PUSH, REPLY, RETRY_KEY } from './harness.ts';

const pushBody = (value = 'แจ้งเตือน') => ({ to: f.GROUP, messages: [f.text(value)] });

describe('fake LINE sending', () => {
  it('answers 401 when the bearer token is missing or wrong', async () => {
    const { post } = harness();
    const missing = await post(PUSH, pushBody(), { authorization: '' });
    const wrong = await post(PUSH, pushBody(), { authorization: 'Bearer other' });
    expect([missing.status, wrong.status]).toEqual([401, 401]);
    expect(await wrong.json()).toEqual({ message: expect.stringContaining('Authentication failed') });
    expect(wrong.headers.get('x-line-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('accepts a valid push and records what was sent to whom', async () => {
    const { post, state } = harness();
    const res = await post(PUSH, pushBody('ประชุม 9 โมง'));
    expect(res.status).toBe(200);
    const json = await res.json();
    expect(json).toEqual({
      sentMessages: [{ id: expect.stringMatching(/^\d{18}$/), quoteToken: expect.any(String) }],
    });
    expect(state.messagesTo(f.GROUP)).toEqual([f.text('ประชุม 9 โมง')]);
    expect(state.pushes()).toMatchObject([{ kind: 'push', to: [f.GROUP] }]);
    expect(state.requests[0]).toMatchObject({
      method: 'POST',
      path: PUSH,
      operationId: 'pushMessage',
      status: 200,
      errors: [],
    });
    expect(state.requests[0]?.headers.authorization).toBe('Bearer test-token');
    expect(state.violations()).toEqual([]);
  });

  it('answers 400 with LINE-style details and records a violation when the body breaks the contract', async () => {
    const { post, state } = harness();
    const res = await post(PUSH, { to: f.GROUP, messages: [{ type: 'text' }] });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      message: 'The request body has 1 error(s)',
      details: [{ property: 'messages[0].text', message: 'is required' }],
    });
    expect(state.violations().map((r) => r.errors)).toEqual([['messages[0].text: is required']]);
    expect(state.pushes()).toEqual([]);
  });

  it('answers 404 and records a violation for an endpoint LINE does not have', async () => {
    const { post, state } = harness();
    const res = await post('/v2/bot/message/sendAll', pushBody());
    expect(res.status).toBe(404);
    expect(state.violations()[0]?.errors).toEqual(['LINE has no endpoint /v2/bot/message/sendAll']);
  });

  it('answers 413 when the body is over 2 MB', async () => {
    const { post, state } = harness();
    const res = await post(PUSH, pushBody('ก'.repeat(800_000)));
    expect(res.status).toBe(413);
    expect(state.violations()).toHaveLength(1);
  });

  it('accepts a reply token once and answers "Invalid reply token" after that', async () => {
    const { post, state } = harness();
    const token = state.issueReplyToken(f.USER);
    const first = await post(REPLY, { replyToken: token, messages: [f.text('รับทราบ')] });
    const second = await post(REPLY, { replyToken: token, messages: [f.text('รับทราบ')] });
    expect(first.status).toBe(200);
    expect(second.status).toBe(400);
    expect(await second.json()).toEqual({ message: 'Invalid reply token' });
    expect(state.replies()).toMatchObject([{ replyToken: token, to: [f.USER] }]);
    expect(state.messagesTo(f.USER)).toEqual([f.text('รับทราบ')]);
  });

  it('refuses a reply token older than a minute', async () => {
    const { post, state, advance } = harness();
    const token = state.issueReplyToken(f.USER);
    advance(60_001);
    expect((await post(REPLY, { replyToken: token, messages: [f.text()] })).status).toBe(400);
  });

  it('refuses tokens it never issued when strictReplyTokens is on', async () => {
    const { post } = harness({ strictReplyTokens: true });
    expect((await post(REPLY, { replyToken: 'made-up', messages: [f.text()] })).status).toBe(400);
  });

  it('answers 400 to a reply that carries X-Line-Retry-Key', async () => {
    const { post, state } = harness();
    const res = await post(
      REPLY,
      { replyToken: 'r1', messages: [f.text()] },
      { 'x-line-retry-key': RETRY_KEY },
    );
    expect(res.status).toBe(400);
    expect(state.violations()[0]?.errors[0]).toContain('X-Line-Retry-Key: is not accepted by replyMessage');
  });

  it('answers 409 with x-line-accepted-request-id when an accepted retry key comes again', async () => {
    const { post, state } = harness();
    const first = await post(PUSH, pushBody(), { 'x-line-retry-key': RETRY_KEY });
    const again = await post(PUSH, pushBody(), { 'x-line-retry-key': RETRY_KEY });
    const firstJson = await first.json();
    expect(again.status).toBe(409);
    expect(again.headers.get('x-line-accepted-request-id')).toBe(first.headers.get('x-line-request-id'));
    expect(await again.json()).toEqual({
      message: 'The retry key is already accepted',
      sentMessages: firstJson.sentMessages,
    });
    expect(state.pushes()).toHaveLength(1);
    expect(state.deliveredRetryKeys()).toEqual([RETRY_KEY]);
    expect(state.retryKeyCounts().get(RETRY_KEY)).toBe(2);
  });

  it('answers 400 when the retry key is not a UUID', async () => {
    const { post } = harness();
    expect((await post(PUSH, pushBody(), { 'x-line-retry-key': 'row-17' })).status).toBe(400);
  });

  it('counts the same push delivered under two retry keys as a duplicate', async () => {
    const { post, state } = harness();
    await post(PUSH, pushBody(), { 'x-line-retry-key': RETRY_KEY });
    expect(state.duplicateDeliveries()).toBe(0);
    await post(PUSH, pushBody(), { 'x-line-retry-key': OTHER_RETRY_KEY });
    expect(state.duplicateDeliveries()).toBe(1);
  });

  it('sends a multicast to each user and answers {}', async () => {
    const { post, state } = harness();
    const res = await post(MULTICAST, { to: [f.USER, f.OTHER_USER], messages: [f.text('ประกาศ')] });
    expect(await res.json()).toEqual({});
    expect(state.messagesTo(f.OTHER_USER)).toEqual([f.text('ประกาศ')]);
  });

  it('tells onSent listeners about each accepted send until they unsubscribe', async () => {
    const { post, state } = harness();
    const seen: string[] = [];
    const stop = state.onSent((record) => seen.push(`${record.kind}:${record.to.join(',')}`));
    await post(PUSH, pushBody());
    await post(PUSH, { to: f.GROUP, messages: [{ type: 'text' }] });
    stop();
    await post(PUSH, pushBody());
    expect(seen).toEqual([`push:${f.GROUP}`]);
  });

  it('resolves waitFor with a request that arrives later, and clears everything on reset', async () => {
    const { post, state } = harness();
    const waiting = state.waitFor((r) => r.operationId === 'pushMessage');
    await post(PUSH, pushBody());
    expect((await waiting).status).toBe(200);
    await expect(state.waitFor((r) => r.operationId === 'multicast', 20)).rejects.toThrow(
      'no matching request',
    );
    state.reset();
    expect([state.requests.length, state.pushes().length]).toEqual([0, 0]);
  });
});
