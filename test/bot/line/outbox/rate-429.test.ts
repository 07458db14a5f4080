// Issue 16 §3: a rate-limit 429 slows the whole sender, not just the message that got it. LINE (here the fake,
// limited to 5 pushes a second) refuses most of an announcement to 29 groups; the next drain, a minute later,
// must not fire the rest in the same second again.
import { describe, expect, it } from 'vitest';
import { createRateLimiter, createSendLimiters, drainOutbox } from '../../../../bot/line/outbox/index.ts';
import { enqueueMessages } from '../../../../db/queries/outbox.ts';
import { later, NOW, setup } from './harness.ts';

const groupId = (n: number) => `C${n.toString(16).padStart(32, 'b')}`;

/** The most requests that fell inside any one second. */
function busiestSecond(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while ((sorted[i] ?? 0) - (sorted[j] ?? 0) >= 1_000) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

describe('a rate-limit 429 against the fake LINE API', () => {
  it('shrinks the shared bucket so the retry of a 29-group announcement is paced, not fired at once', async () => {
    const s = await setup({ fake: { rateLimits: { push: 5 } } });
    const limiters = createSendLimiters();
    const rows = Array.from({ length: 29 }, (_, i) => ({
      kind: 'push' as const,
      to: groupId(i + 1),
      messages: [{ type: 'text', text: `ประกาศจากจังหวัด ถึงกลุ่มที่ ${i + 1}` }],
      sourceKind: 'broadcast',
    }));
    await enqueueMessages(s.db, rows, NOW);
    const first = await drainOutbox(s, NOW, { limiters });
    // LINE took about 5 a second of them (fewer refusals when a loaded machine spreads the requests out).
    expect(first.retried).toBeGreaterThan(0);
    expect(limiters.push.currentRate()).toBeLessThan(1_900 / 2 ** Math.min(first.retried, 8) + 1);

    const mark = s.fake.requests.length;
    const second = await drainOutbox(s, later(61_000), { limiters, maxMs: 20_000 });
    const retry = s.fake.requests.slice(mark).filter((r) => r.operationId === 'pushMessage');
    const refused = retry.filter((r) => r.status === 429).length;
    expect(second.sent).toBeGreaterThan(0);
    expect(busiestSecond(retry.map((r) => r.at))).toBeLessThanOrEqual(8);
    expect(refused).toBeLessThanOrEqual(4);
  });
});

describe('the limiter after a 429 (fake clock)', () => {
  it('halves per 429, pauses a second, grows back with accepted requests, and is whole after 10 quiet minutes', async () => {
    let now = 0;
    const waits: number[] = [];
    const limiter = createRateLimiter(
      { perSecond: 100, burst: 2, maxInFlight: 10 },
      () => now,
      async (ms) => {
        waits.push(ms);
      },
    );
    limiter.throttled();
    expect(limiter.currentRate()).toBe(50);
    (await limiter.acquire())?.();
    expect(waits.at(-1)).toBeGreaterThanOrEqual(1_000); // nobody sends in the pause
    limiter.throttled();
    expect(limiter.currentRate()).toBe(25);
    for (let i = 0; i < 5; i++) limiter.accepted();
    expect(limiter.currentRate()).toBeGreaterThan(25);
    expect(limiter.currentRate()).toBeLessThan(100);
    for (let i = 0; i < 200; i++) limiter.throttled();
    expect(limiter.currentRate()).toBe(1); // the floor: a long queue still moves
    now += 10 * 60_000;
    (await limiter.acquire())?.();
    expect(limiter.currentRate()).toBe(100);
  });
});
