// The token bucket on its own (a fake clock), then the drain paced under the fake's per-endpoint limits.
import { describe, expect, it } from 'vitest';
import { createRateLimiter, createSendLimiters, drainOutbox } from '../../../../bot/line/outbox/index.ts';
import { enqueueMessages } from '../../../../db/queries/outbox.ts';
import { NOW, pushes, setup, userId } from './harness.ts';

/** A clock that moves only when the limiter sleeps, and the waits it asked for. */
function fakeTime() {
  let now = 0;
  const waits: number[] = [];
  const sleep = async (ms: number) => {
    waits.push(ms);
  };
  return { clock: () => now, sleep, waits, advance: (ms: number) => (now += ms) };
}

describe('createRateLimiter', () => {
  it('lets a burst through at once, then one token every 1/perSecond', async () => {
    const time = fakeTime();
    const limiter = createRateLimiter({ perSecond: 100, burst: 3, maxInFlight: 10 }, time.clock, time.sleep);
    for (let i = 0; i < 6; i++) (await limiter.acquire())?.();
    expect(time.waits.map((w) => Math.round(w))).toEqual([10, 20, 30]);
    time.advance(1_000); // idle: the bucket refills to its burst, not beyond
    for (let i = 0; i < 4; i++) (await limiter.acquire())?.();
    expect(time.waits.slice(3).map((w) => Math.round(w))).toEqual([10]);
  });

  it('holds a caller while maxInFlight requests are on their way, and lets it go when one answers', async () => {
    const time = fakeTime();
    const limiter = createRateLimiter(
      { perSecond: 1_000, burst: 10, maxInFlight: 2 },
      time.clock,
      time.sleep,
    );
    const first = await limiter.acquire();
    await limiter.acquire();
    expect(first).toBeTypeOf('function');
    let third = false;
    const waiting = limiter.acquire().then(() => {
      third = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(third).toBe(false);
    first?.();
    first?.(); // a second call does not free a second slot
    await waiting;
    expect(third).toBe(true);
  });

  it('defaults burst and in-flight so a second stays under LINE’s limits', () => {
    const push = createRateLimiter({ perSecond: 1_900 });
    const multicast = createRateLimiter({ perSecond: 190 });
    expect([push.burst, push.maxInFlight, multicast.burst, multicast.maxInFlight]).toEqual([38, 47, 3, 4]);
    expect(multicast.perSecond + multicast.burst + multicast.maxInFlight).toBeLessThanOrEqual(200);
    expect(createRateLimiter({ perSecond: 10 })).toMatchObject({ burst: 1, maxInFlight: 1 });
  });

  it('refuses a rate, burst or in-flight cap that makes no sense', () => {
    expect(() => createRateLimiter({ perSecond: 0 })).toThrow(RangeError);
    expect(() => createRateLimiter({ perSecond: Number.NaN })).toThrow(RangeError);
    expect(() => createRateLimiter({ perSecond: 10, maxInFlight: 0 })).toThrow(RangeError);
  });
});

describe('drainOutbox rate limits', () => {
  it('paces 600 pushes under a 300/s limit: ≥ 1.9 s and no 429 from the fake (limiter 285/s + 5 + 7)', async () => {
    const t = await setup({ fake: { rateLimits: { push: 300 } } });
    await enqueueMessages(t.db, pushes(600), NOW);
    const limiters = createSendLimiters({ push: { perSecond: 285 } });
    const started = performance.now();
    const report = await drainOutbox(t, NOW, { limiters });
    const elapsed = performance.now() - started;
    expect(report).toMatchObject({ sent: 600, retried: 0 });
    expect(t.fake.requests.filter((r) => r.status === 429)).toHaveLength(0);
    expect(t.fake.deliveredRetryKeys()).toHaveLength(600);
    expect(elapsed).toBeGreaterThanOrEqual(1_900);
  });

  it('paces multicasts by their own, lower limit (fake 20/s, limiter 18/s + 1 + 1)', async () => {
    const t = await setup({ fake: { rateLimits: { push: 2_000, multicast: 20 } } });
    const text = (i: number) => [{ type: 'text', text: `ประกาศฉบับที่ ${i}` }];
    const rows = Array.from({ length: 40 }, (_, i) => ({
      kind: 'multicast' as const,
      to: [userId(i + 1), userId(999)],
      messages: text(i),
    }));
    await enqueueMessages(t.db, [...rows, ...pushes(100)], NOW);
    const limiters = createSendLimiters({ multicast: { perSecond: 18 } });
    const started = performance.now();
    expect(await drainOutbox(t, NOW, { limiters })).toMatchObject({ sent: 140, retried: 0 });
    expect(performance.now() - started).toBeGreaterThanOrEqual(1_900);
    expect(t.fake.requests.filter((r) => r.status === 429)).toHaveLength(0);
    expect(t.fake.sent().filter((s) => s.kind === 'multicast')).toHaveLength(40);
  });
});
