// The drain against the fake LINE API: one delivery per row, retries with the same key, 409, 4xx, multicast.
import { describe, expect, it } from 'vitest';
import { drainOutbox } from '../../../../bot/line/outbox/index.ts';
import { enqueueMessages } from '../../../../db/queries/outbox.ts';
import { later, NOW, pushes, rowOf, setup, UUID, userId } from './harness.ts';

describe('drainOutbox delivery', () => {
  it('delivers a push once with a UUID retry key and a valid body, and stores the request id', async () => {
    const t = await setup();
    const [id = 0] = await enqueueMessages(t.db, pushes(1), NOW);
    const report = await drainOutbox(t, NOW);
    expect(report).toMatchObject({
      sent: 1,
      duplicates: 0,
      retried: 0,
      failed: 0,
      paused: false,
      stoppedBy: 'empty',
    });
    const [delivered] = t.fake.pushes();
    const row = await rowOf(t.db, id);
    expect(t.fake.pushes()).toHaveLength(1);
    expect(delivered?.retryKey).toMatch(UUID);
    expect(delivered?.retryKey).toBe(row.retry_key);
    expect(delivered?.to).toEqual([userId(1)]);
    expect(t.fake.violations()).toEqual([]);
    expect(row).toMatchObject({
      state: 'sent',
      attempts: 1,
      last_status: 200,
      request_id: delivered?.requestId,
    });
  });

  it('retries a 500 later with the same retry key, and the row ends sent', async () => {
    const t = await setup();
    const [id = 0] = await enqueueMessages(t.db, pushes(1), NOW);
    t.fake.failNext(1, { status: 500 });
    expect(await drainOutbox(t, NOW)).toMatchObject({ sent: 0, retried: 1, failed: 0 });
    const waiting = await rowOf(t.db, id);
    expect(waiting).toMatchObject({ state: 'pending', last_status: 500, lease_token: null });
    // Backoff after the first attempt: 0.5–1 s (1 s with equal jitter).
    const wait = Date.parse(waiting.next_attempt_at) - NOW.getTime();
    expect(wait).toBeGreaterThanOrEqual(500);
    expect(wait).toBeLessThan(2_000);
    expect(await drainOutbox(t, later(2_000))).toMatchObject({ sent: 1, duplicates: 0, retried: 0 });
    expect(t.fake.retryKeyCounts().get(waiting.retry_key)).toBe(2);
    expect(t.fake.deliveredRetryKeys()).toEqual([waiting.retry_key]);
    expect(await rowOf(t.db, id)).toMatchObject({ state: 'sent', attempts: 2 });
  });

  it('retries a time-out with the same key, and LINE delivers the message once', async () => {
    const t = await setup({ timeoutMs: 150 });
    const [id = 0] = await enqueueMessages(t.db, pushes(1), NOW);
    t.fake.hangNext(1, 600); // LINE took the message but the answer never came back in time
    expect(await drainOutbox(t, NOW)).toMatchObject({ sent: 0, retried: 1 });
    expect(await rowOf(t.db, id)).toMatchObject({ state: 'pending', last_status: 0 });
    expect(await drainOutbox(t, later(2_000))).toMatchObject({ sent: 1, duplicates: 1 });
    expect(t.fake.pushes()).toHaveLength(1);
    expect(t.fake.duplicateDeliveries()).toBe(0);
    expect(await rowOf(t.db, id)).toMatchObject({ state: 'sent', last_status: 409 });
  });

  it('counts a 409 on the retry as delivered, not failed, and keeps the accepted request id', async () => {
    const t = await setup();
    const [id = 0] = await enqueueMessages(t.db, pushes(1), NOW);
    t.fake.failNext(1, { status: 500, afterDelivery: true });
    await drainOutbox(t, NOW);
    const report = await drainOutbox(t, later(2_000));
    expect(report).toMatchObject({ sent: 1, duplicates: 1, failed: 0, retried: 0 });
    const [accepted] = t.fake.pushes();
    expect(t.fake.pushes()).toHaveLength(1);
    expect(await rowOf(t.db, id)).toMatchObject({
      state: 'sent',
      last_status: 409,
      request_id: accepted?.requestId,
    });
  });

  it("fails a 400 with LINE's body and never sends it again", async () => {
    const t = await setup();
    const [id = 0] = await enqueueMessages(t.db, pushes(1), NOW);
    const body = {
      message: 'The request body has 1 error(s)',
      details: [{ message: 'Length must be between 0 and 5000', property: 'messages[0].text' }],
    };
    t.fake.failNext(1, { status: 400, body });
    expect(await drainOutbox(t, NOW)).toMatchObject({ sent: 0, retried: 0, failed: 1 });
    const row = await rowOf(t.db, id);
    expect(row).toMatchObject({ state: 'failed', last_status: 400 });
    expect(JSON.parse(row.last_error ?? '')).toEqual(body);
    expect(await drainOutbox(t, later(60 * 60_000))).toMatchObject({ sent: 0, failed: 0 });
    expect(t.fake.retryKeyCounts().get(row.retry_key)).toBe(1);
    expect(t.logs.some((l) => l.level === 'warn' && l.data?.id === id)).toBe(true);
  });

  it('sends a multicast row through the multicast endpoint to all its users', async () => {
    const t = await setup();
    const to = Array.from({ length: 500 }, (_, i) => userId(i + 1));
    const messages = [{ type: 'text', text: 'ประกาศ: เปิดแบบสำรวจ EIT แล้ว' }];
    await enqueueMessages(t.db, [{ kind: 'multicast', to, messages }], NOW);
    expect(await drainOutbox(t, NOW)).toMatchObject({ sent: 1 });
    expect(t.fake.sent().map((s) => [s.kind, s.to.length])).toEqual([['multicast', 500]]);
    expect(t.fake.violations()).toEqual([]);
  });

  it('fails without a request the rows LINE would refuse: over 500 users, or no messages', async () => {
    const t = await setup();
    const to = Array.from({ length: 501 }, (_, i) => userId(i + 1));
    const text = [{ type: 'text', text: 'x' }];
    await enqueueMessages(
      t.db,
      [
        { kind: 'multicast', to, messages: text },
        { kind: 'push', to: userId(1), messages: [] },
      ],
      NOW,
    );
    expect(await drainOutbox(t, NOW)).toMatchObject({ sent: 0, failed: 2 });
    expect(t.fake.requests).toHaveLength(0);
  });

  it('gives a retryable failure up after maxAttempts', async () => {
    const t = await setup();
    const [id = 0] = await enqueueMessages(t.db, pushes(1), NOW);
    t.fake.failNext(3, { status: 503 });
    const fast = { maxAttempts: 3, backoff: { baseMs: 10, maxMs: 10 } };
    for (const at of [0, 1_000, 2_000]) await drainOutbox(t, later(at), fast);
    const row = await rowOf(t.db, id);
    expect(row).toMatchObject({ state: 'failed', attempts: 3, last_status: 503 });
    expect(row.last_error).toMatch(/^gave up after 3 attempts/);
  });
});
