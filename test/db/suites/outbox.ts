// The outbox: enqueue, lease-based claims no two drains share, retries and counts, on both dialects.
import { describe, expect, it } from 'vitest';
import {
  claimDue,
  countOutboxBySource,
  countOutboxByState,
  enqueueMessages,
  markFailed,
  markRetry,
  markSent,
} from '../../../db/queries/outbox.ts';
import { forEachDialect } from '../dialects.ts';
import { LEASE, minutesLater, NOW, push, TEXT } from '../fixtures.ts';

describe('outbox', () => {
  forEachDialect((ctx) => {
    it('enqueues push and multicast rows and claims them with their content', async () => {
      const db = await ctx.open();
      const ids = await enqueueMessages(
        db,
        [
          push('Cgroup', {
            retryKey: '6f1c0f6e-0000-4000-8000-000000000001',
            sourceKind: 'reminder',
            sourceId: 'r1',
          }),
          { kind: 'multicast', to: ['U1', 'U2'], messages: TEXT },
        ],
        NOW,
      );
      expect(ids).toEqual([1, 2]);
      const claimed = await claimDue(db, NOW, 10, LEASE);
      expect(claimed[0]).toMatchObject({
        id: 1,
        kind: 'push',
        to: 'Cgroup',
        messages: TEXT,
        retryKey: '6f1c0f6e-0000-4000-8000-000000000001',
        sourceKind: 'reminder',
        sourceId: 'r1',
        attempts: 1,
      });
      expect(claimed[1]).toMatchObject({ kind: 'multicast', to: ['U1', 'U2'] });
      expect(claimed[1]?.retryKey).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('skips a retry key already queued', async () => {
      const db = await ctx.open();
      const key = '6f1c0f6e-0000-4000-8000-00000000000a';
      expect(await enqueueMessages(db, [push('C1', { retryKey: key })], NOW)).toEqual([1]);
      expect(await enqueueMessages(db, [push('C2', { retryKey: key }), push('C3')], NOW)).toEqual([3]);
    });

    it('enqueues a large fan-out in one atomic call', async () => {
      const db = await ctx.open();
      const many = Array.from({ length: 600 }, (_, i) =>
        push(`C${i}`, { messages: [{ type: 'text', text: 'ก'.repeat(300) }] }),
      );
      expect(await enqueueMessages(db, many, NOW)).toHaveLength(600);
      expect((await countOutboxByState(db)).pending).toBe(600);
    });

    it('never gives the same row to two concurrent drains', async () => {
      const db = await ctx.open();
      await enqueueMessages(
        db,
        Array.from({ length: 40 }, (_, i) => push(`C${i}`)),
        NOW,
      );
      const claims = await Promise.all([1, 2, 3, 4, 5].map(() => claimDue(db, NOW, 10, LEASE)));
      const ids = claims.flat().map((m) => m.id);
      expect(ids).toHaveLength(40);
      expect(new Set(ids).size).toBe(40);
    });

    it('waits for notBefore and for the retry time', async () => {
      const db = await ctx.open();
      await enqueueMessages(db, [push('Clater', { notBefore: minutesLater(10) })], NOW);
      expect(await claimDue(db, NOW, 10, LEASE)).toEqual([]);
      const [claimed] = await claimDue(db, minutesLater(10), 10, LEASE);
      const retried = await markRetry(db, {
        id: 1,
        leaseToken: claimed?.leaseToken ?? '',
        status: 500,
        error: 'Internal',
        nextAttemptAt: minutesLater(12),
      });
      expect(retried).toBe(true);
      expect(await claimDue(db, minutesLater(11), 10, LEASE)).toEqual([]);
      const [again] = await claimDue(db, minutesLater(12), 10, LEASE);
      expect(again).toMatchObject({ id: 1, attempts: 2, retryKey: claimed?.retryKey });
    });

    it('re-claims a row whose drain died, with the same retry key, and fails it after the last lease', async () => {
      const db = await ctx.open();
      await enqueueMessages(db, [push('C1')], NOW);
      const [first] = await claimDue(db, NOW, 1, LEASE, { maxAttempts: 2 });
      const [second] = await claimDue(db, minutesLater(1), 1, LEASE, { maxAttempts: 2 });
      expect(second?.retryKey).toBe(first?.retryKey);
      expect(await markSent(db, { id: 1, leaseToken: first?.leaseToken ?? '', status: 200 }, NOW)).toBe(
        false,
      );
      expect(await claimDue(db, minutesLater(2), 1, LEASE, { maxAttempts: 2 })).toEqual([]);
      expect((await countOutboxByState(db)).failed).toBe(1);
    });

    it('marks sent and failed, counting by state and by source', async () => {
      const db = await ctx.open();
      await enqueueMessages(
        db,
        [
          push('C1', { sourceKind: 'broadcast', sourceId: 'b1' }),
          push('C2', { sourceKind: 'broadcast', sourceId: 'b1' }),
          // Not due yet: the claim below takes the announcement's two rows (reminders would go first).
          push('C3', { sourceKind: 'reminder', notBefore: new Date(NOW.getTime() + 60_000) }),
          push('C4', { notBefore: new Date(NOW.getTime() + 60_000) }),
        ],
        NOW,
      );
      const [a, b] = await claimDue(db, NOW, 2, LEASE);
      expect(
        await markSent(
          db,
          { id: a?.id ?? 0, leaseToken: a?.leaseToken ?? '', status: 200, requestId: 'req-1' },
          NOW,
        ),
      ).toBe(true);
      expect(
        await markFailed(db, {
          id: b?.id ?? 0,
          leaseToken: b?.leaseToken ?? '',
          status: 400,
          error: 'Invalid',
        }),
      ).toBe(true);
      expect(await countOutboxByState(db, { kind: 'broadcast', id: 'b1' })).toEqual({
        pending: 0,
        sending: 0,
        sent: 1,
        failed: 1,
      });
      expect(await countOutboxBySource(db)).toEqual({
        broadcast: { pending: 0, sending: 0, sent: 1, failed: 1 },
        reminder: { pending: 1, sending: 0, sent: 0, failed: 0 },
        other: { pending: 1, sending: 0, sent: 0, failed: 0 },
      });
    });
  });
});

describe('outbox priority', () => {
  forEachDialect((ctx) => {
    it('claims complaint updates to citizens first, then officers, reminders, announcements, the rest', async () => {
      const db = await ctx.open();
      await enqueueMessages(
        db,
        [
          push('C9', {}),
          push('C1', { sourceKind: 'broadcast', sourceId: 'b1' }),
          push('C2', { sourceKind: 'reminder' }),
          push('C3', { sourceKind: 'complaint' }),
          push(`U${'a'.repeat(32)}`, { sourceKind: 'complaint' }),
        ],
        NOW,
      );
      const claimed = await claimDue(db, NOW, 5, LEASE);
      expect(claimed.map((c) => (c.kind === 'push' ? c.to : ''))).toEqual([
        `U${'a'.repeat(32)}`,
        'C3',
        'C2',
        'C1',
        'C9',
      ]);
    });
  });
});
