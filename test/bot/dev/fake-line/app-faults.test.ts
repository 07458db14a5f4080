// The fake's fault injection: failNext, hangNext, monthly quota, and per-endpoint rate limits.
import { describe, expect, it } from 'vitest';
import * as f from './factories.ts';
import { harness, MULTICAST, PUSH, REPLY, RETRY_KEY } from './harness.ts';

const pushBody = () => ({ to: f.USER, messages: [f.text()] });
const withKey = { 'x-line-retry-key': RETRY_KEY };

describe('fake LINE faults', () => {
  it('fails the next n requests with the given status, then answers normally', async () => {
    const { post, state } = harness();
    state.failNext(2, { status: 500 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await post(PUSH, pushBody(), withKey)).status);
    expect(statuses).toEqual([500, 500, 200]);
    expect(state.deliveredRetryKeys()).toEqual([RETRY_KEY]);
    expect(state.retryKeyCounts().get(RETRY_KEY)).toBe(3);
  });

  it('fails only matching paths and uses the given body', async () => {
    const { post, state } = harness();
    state.failNext(1, { status: 503, body: { message: 'down' }, paths: ['multicast'] });
    expect((await post(PUSH, pushBody())).status).toBe(200);
    const res = await post(MULTICAST, { to: [f.USER], messages: [f.text()] });
    expect([res.status, await res.json()]).toEqual([503, { message: 'down' }]);
  });

  it('delivers and then fails with afterDelivery, so the retry gets 409', async () => {
    const { post, state } = harness();
    state.failNext(1, { status: 500, afterDelivery: true });
    expect((await post(PUSH, pushBody(), withKey)).status).toBe(500);
    expect((await post(PUSH, pushBody(), withKey)).status).toBe(409);
    expect(state.pushes()).toHaveLength(1);
  });

  it('holds the response for the given time with hangNext', async () => {
    const { post, state } = harness();
    state.hangNext(1, 80);
    const started = performance.now();
    const res = await post(PUSH, pushBody());
    expect(res.status).toBe(200);
    // A lower bound only: a hold cannot end early, however busy the machine (no upper bound on timing here).
    expect(performance.now() - started).toBeGreaterThanOrEqual(75);
    expect(state.pushes()).toHaveLength(1);
  });

  it('holds a response forever until close, with the request already recorded', async () => {
    const { post, state } = harness();
    state.hangNext(1, Number.POSITIVE_INFINITY);
    let settled = false;
    const pending = post(PUSH, pushBody()).then((r) => {
      settled = true;
      return r;
    });
    const seen = await state.waitFor((r) => r.operationId === 'pushMessage');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect([seen.status, settled]).toEqual([200, false]);
    state.closeState();
    expect((await pending).status).toBe(200);
  });

  it('answers 429 "You have reached your monthly limit." to sends while the quota is exhausted, but not to replies', async () => {
    const { post, state } = harness();
    state.setQuotaExhausted(true);
    const push = await post(PUSH, pushBody());
    const multicast = await post(MULTICAST, { to: [f.USER], messages: [f.text()] });
    const reply = await post(REPLY, { replyToken: 'r', messages: [f.text()] });
    expect([push.status, multicast.status, reply.status]).toEqual([429, 429, 200]);
    expect(await push.json()).toEqual({ message: 'You have reached your monthly limit.' });
    state.setQuotaExhausted(false);
    expect((await post(PUSH, pushBody())).status).toBe(200);
  });

  it('reports the quota and uses it up when quotaLimit is set', async () => {
    const { post, get } = harness({ quotaLimit: 3 });
    await post(MULTICAST, { to: [f.USER, f.OTHER_USER], messages: [f.text()] });
    expect(await (await get('/v2/bot/message/quota')).json()).toEqual({ type: 'limited', value: 3 });
    expect(await (await get('/v2/bot/message/quota/consumption')).json()).toEqual({ totalUsage: 2 });
    expect((await post(PUSH, pushBody())).status).toBe(200);
    expect((await post(PUSH, pushBody())).status).toBe(429);
  });

  it('answers 429 "Too many requests" over the per-second limit and lets requests through a second later', async () => {
    const { post, state, advance } = harness({ rateLimits: { push: 3 } });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await post(PUSH, pushBody())).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(await (await post(PUSH, pushBody())).json()).toEqual({ message: 'Too many requests' });
    expect((await post(MULTICAST, { to: [f.USER], messages: [f.text()] })).status).toBe(200);
    advance(1_000);
    expect((await post(PUSH, pushBody())).status).toBe(200);
    expect(state.pushes()).toHaveLength(4);
  });

  it("limits multicast to LINE's 200 a second by default", async () => {
    const { post } = harness();
    const body = { to: [f.USER], messages: [f.text()] };
    const statuses = await Promise.all(
      Array.from({ length: 201 }, () => post(MULTICAST, body).then((r) => r.status)),
    );
    expect(statuses.filter((s) => s === 429)).toHaveLength(1);
  });

  it('does not limit at all when rateLimits is false', async () => {
    const { post } = harness({ rateLimits: false });
    const body = { to: [f.USER], messages: [f.text()] };
    const statuses = await Promise.all(
      Array.from({ length: 250 }, () => post(MULTICAST, body).then((r) => r.status)),
    );
    expect(statuses.every((s) => s === 200)).toBe(true);
  });
});
