// Drains at the same time, a drain killed half-way, and drains stopped by their signal or budgets.
import { describe, expect, it } from 'vitest';
import { createSendLimiters, drainOutbox } from '../../../../bot/line/outbox/index.ts';
import { countOutboxByState, enqueueMessages } from '../../../../db/queries/outbox.ts';
import { allRows, crashingClient, later, NOW, pushes, setup } from './harness.ts';

const LEASE_MS = 30_000;

describe('drainOutbox concurrency', () => {
  it('lets two drains run at once over 500 rows: each retry key is delivered exactly once', async () => {
    const t = await setup();
    await enqueueMessages(t.db, pushes(500), NOW);
    const options = { batchSize: 50 };
    const [a, b] = await Promise.all([drainOutbox(t, NOW, options), drainOutbox(t, NOW, options)]);
    expect((a?.sent ?? 0) + (b?.sent ?? 0)).toBe(500);
    expect(a?.sent).toBeGreaterThan(0); // both really took part
    expect(b?.sent).toBeGreaterThan(0);
    const keys = (await allRows(t.db)).map((r) => r.retry_key).sort();
    expect([...t.fake.deliveredRetryKeys()].sort()).toEqual(keys);
    expect([...t.fake.retryKeyCounts().values()].every((n) => n === 1)).toBe(true);
    expect(t.fake.duplicateDeliveries()).toBe(0);
    expect(t.fake.violations()).toEqual([]);
  });

  it('recovers from a drain killed half-way: after the lease the rest is sent, nothing twice', async () => {
    const t = await setup();
    await enqueueMessages(t.db, pushes(300), NOW);
    const crash = crashingClient(t.line, 120);
    void drainOutbox({ ...t, line: crash.line }, NOW); // never finishes: its process "died"
    await crash.crashed;
    await new Promise((resolve) => setTimeout(resolve, 100)); // answers still on their way are lost
    const left = await countOutboxByState(t.db);
    expect(left.sending).toBeGreaterThan(0);
    expect(left.sent).toBeLessThan(300);

    const early = await drainOutbox(t, later(LEASE_MS / 2));
    expect(early.sent).toBe(left.pending); // rows under a live lease are left alone
    const report = await drainOutbox(t, later(LEASE_MS + 1_000));
    expect(report.sent).toBe(left.sending);
    expect(report.duplicates).toBeGreaterThan(0); // sent by the dead drain, answered 409 now
    expect(await countOutboxByState(t.db)).toEqual({ pending: 0, sending: 0, sent: 300, failed: 0 });
    expect(t.fake.pushes()).toHaveLength(300);
    expect(new Set(t.fake.deliveredRetryKeys()).size).toBe(300);
    expect(t.fake.duplicateDeliveries()).toBe(0);
  });

  it('on abort records what is in flight, hands back the rest, and the next drain sends it once', async () => {
    const t = await setup();
    await enqueueMessages(t.db, pushes(300), NOW);
    const abort = new AbortController();
    const stop = t.fake.onSent(() => {
      if (t.fake.pushes().length === 100) abort.abort();
    });
    const limiters = createSendLimiters({ push: { perSecond: 1_000 } });
    const first = await drainOutbox(t, NOW, { signal: abort.signal, limiters });
    stop();
    expect(first.stoppedBy).toBe('aborted');
    expect(first.sent).toBeGreaterThanOrEqual(100);
    expect(first.released).toBeGreaterThan(0);
    expect((await countOutboxByState(t.db)).sending).toBe(0);
    const second = await drainOutbox(t, later(1_000), { limiters }); // handed back as due at the stop
    expect(first.sent + second.sent).toBe(300);
    expect(second.duplicates).toBe(0);
    expect(t.fake.pushes()).toHaveLength(300);
    expect([...t.fake.retryKeyCounts().values()].every((n) => n === 1)).toBe(true);
  });

  it('stops after maxMessages, leaving the rest due', async () => {
    const t = await setup();
    await enqueueMessages(t.db, pushes(50), NOW);
    const report = await drainOutbox(t, NOW, { maxMessages: 10, batchSize: 4 });
    expect(report).toMatchObject({ sent: 10, released: 0, stoppedBy: 'max-messages' });
    expect(await countOutboxByState(t.db)).toMatchObject({ pending: 40, sending: 0, sent: 10 });
  });

  it('stops after maxMs, handing back what it had claimed', async () => {
    const t = await setup();
    await enqueueMessages(t.db, pushes(200), NOW);
    const limiters = createSendLimiters({ push: { perSecond: 50, burst: 1 } });
    const report = await drainOutbox(t, NOW, { maxMs: 300, limiters });
    expect(report.stoppedBy).toBe('max-ms');
    expect(report.sent).toBeGreaterThan(5);
    expect(report.sent).toBeLessThan(40);
    expect(await countOutboxByState(t.db)).toMatchObject({
      sending: 0,
      sent: report.sent,
      pending: 200 - report.sent,
    });
  });
});
