// The webhook inbox: dedupe by webhookEventId, leases that never double-claim, retries and parking.
import { describe, expect, it } from 'vitest';
import type { Db } from '../../../db/db.ts';
import type { InboxEvent } from '../../../db/queries/webhook-inbox.ts';
import {
  claimPending,
  countInboxByState,
  deleteDoneEvents,
  markEventDone,
  markEventFailed,
  recordEvents,
  renewEventLease,
} from '../../../db/queries/webhook-inbox.ts';
import { buildMarkEventsDone, buildRecordClaimed } from '../../../db/queries/webhook-inbox-claimed.ts';
import { forEachDialect } from '../dialects.ts';
import { minutesLater, NOW } from '../fixtures.ts';

const LEASE = 60_000;

function makeEvent(n: number, sourceId: string | null = `U${n}`): InboxEvent {
  return {
    webhookEventId: `01HEVENT${String(n).padStart(4, '0')}`,
    eventType: 'message',
    sourceId,
    payload: { type: 'message', message: { type: 'text', text: `ข้อความ ${n}` } },
  };
}

/** What the webhook does: record events claimed under `token`, in one batch; returns the ids inserted. */
async function recordClaimed(db: Db, events: readonly InboxEvent[], token = 'webhook-lease', at = NOW) {
  const results = await db.batch(buildRecordClaimed(db, [{ events, receivedAt: at }], token, LEASE));
  return results.flatMap((r) => r.rows.map((row) => row.id)).sort((a, b) => a - b);
}

describe('webhook inbox', () => {
  forEachDialect((ctx) => {
    it('records an event once and drops a redelivery', async () => {
      const db = await ctx.open();
      const first = await recordEvents(db, [makeEvent(1)], NOW);
      expect(first).toEqual([{ id: 1, webhookEventId: makeEvent(1).webhookEventId }]);
      expect(await recordEvents(db, [makeEvent(1)], minutesLater(1))).toEqual([]);
      const batch = await recordEvents(db, [makeEvent(1), makeEvent(2), makeEvent(3)], NOW);
      expect(batch.map((r) => r.webhookEventId)).toEqual([
        makeEvent(2).webhookEventId,
        makeEvent(3).webhookEventId,
      ]);
      expect((await countInboxByState(db)).pending).toBe(3);
    });

    it('renews the lease of the rows a claim still holds, and not of rows taken over', async () => {
      const db = await ctx.open();
      await recordEvents(db, [makeEvent(1), makeEvent(2), makeEvent(3)], NOW);
      const claimed = await claimPending(db, NOW, 10, LEASE);
      const token = claimed[0]?.leaseToken ?? '';
      expect(await markEventDone(db, 1, token, NOW)).toBe(true);
      expect(await renewEventLease(db, token, minutesLater(2))).toEqual([2, 3]);
      // Renewed to NOW + 2 min: a claim at NOW + 1.5 min finds nothing; at NOW + 2 min it takes them over.
      expect(await claimPending(db, minutesLater(1.5), 10, LEASE)).toEqual([]);
      expect(await claimPending(db, minutesLater(2), 10, LEASE)).toHaveLength(2);
      expect(await renewEventLease(db, token, minutesLater(3))).toEqual([]);
    });

    it('records and claims a large request in one batch (more events than D1 binds), dropping redeliveries', async () => {
      const db = await ctx.open();
      await recordEvents(db, [makeEvent(7)], NOW);
      const events = Array.from({ length: 150 }, (_, i) => makeEvent(i + 1));
      const ids = await recordClaimed(db, [...events, makeEvent(3)]);
      expect(ids).toHaveLength(149); // event 7 was on record already; event 3 came twice
      expect(await countInboxByState(db)).toMatchObject({ pending: 1, processing: 149 });
      // Claimed for LEASE: the scheduler leaves them alone until it runs out, then takes them over.
      expect((await claimPending(db, NOW, 200, LEASE)).map((e) => e.id)).toEqual([1]);
      const [row] = await db.kysely.selectFrom('webhook_inbox').selectAll().where('id', '=', 2).execute();
      expect(row).toMatchObject({ state: 'processing', attempts: 1, lease_token: 'webhook-lease' });
      expect(row?.payload).toBe(JSON.stringify(events[0]?.payload));
      const later = await claimPending(db, minutesLater(1), 200, LEASE);
      expect(later.filter((e) => e.id !== 1)).toHaveLength(149); // and event 7 again: its claim ran out too
    });

    it('records ignored events done at once, mixed with claimed ones, keeping neither content nor sender', async () => {
      const db = await ctx.open();
      const ignored = (n: number): InboxEvent => ({ ...makeEvent(n), ignored: true });
      // More than D1 binds in one statement, every other event ignored.
      const events = Array.from({ length: 120 }, (_, i) => (i % 2 === 0 ? ignored(i + 1) : makeEvent(i + 1)));
      expect(await recordClaimed(db, events)).toHaveLength(120);
      expect(await countInboxByState(db)).toMatchObject({ processing: 60, done: 60, pending: 0 });
      const [first, second] = await db.kysely.selectFrom('webhook_inbox').selectAll().orderBy('id').execute();
      expect(first).toMatchObject({
        state: 'done',
        attempts: 0,
        payload: '{}',
        source_id: null,
        lease_token: null,
        locked_until: null,
        done_at: NOW.toISOString(),
      });
      expect(second).toMatchObject({
        state: 'processing',
        attempts: 1,
        lease_token: 'webhook-lease',
        done_at: null,
      });
      // Nothing for the scheduler to take over, and a redelivery of an ignored event is dropped.
      expect((await claimPending(db, minutesLater(2), 200, LEASE)).map((e) => e.webhookEventId)).toEqual(
        events.filter((e) => e.ignored !== true).map((e) => e.webhookEventId),
      );
      expect(await recordClaimed(db, [makeEvent(1)])).toEqual([]);
    });

    it('marks a claim’s events done in one statement, only with its lease token', async () => {
      const db = await ctx.open();
      const ids = await recordClaimed(
        db,
        Array.from({ length: 120 }, (_, i) => makeEvent(i + 1)),
      );
      const [wrong] = await db.batch([buildMarkEventsDone(ids, 'not-the-token', NOW)]);
      expect(wrong.numAffectedRows).toBe(0);
      const [right] = await db.batch([buildMarkEventsDone(ids.slice(0, 110), 'webhook-lease', NOW)]);
      expect(right.numAffectedRows).toBe(110);
      expect(await countInboxByState(db)).toMatchObject({ processing: 10, done: 110 });
      // A handled event keeps its id (redeliveries are still dropped) but not its content or sender.
      const rows = await db.kysely.selectFrom('webhook_inbox').selectAll().orderBy('id').execute();
      expect(rows[0]).toMatchObject({ state: 'done', payload: '{}', source_id: null });
      expect(rows[119]?.payload).toContain('ข้อความ 120');
      expect(await recordClaimed(db, [makeEvent(1)])).toEqual([]);
    });

    it('claims due events with their payload and a lease token', async () => {
      const db = await ctx.open();
      await recordEvents(db, [makeEvent(1), makeEvent(2)], NOW);
      const claimed = await claimPending(db, NOW, 10, LEASE);
      expect(claimed).toHaveLength(2);
      expect(claimed[0]).toMatchObject({
        id: 1,
        webhookEventId: makeEvent(1).webhookEventId,
        eventType: 'message',
        sourceId: 'U1',
        payload: makeEvent(1).payload,
        attempts: 1,
        receivedAt: NOW.toISOString(),
      });
      expect(claimed[0]?.leaseToken).toMatch(/^[0-9a-f-]{36}$/);
      expect(await claimPending(db, NOW, 10, LEASE)).toEqual([]);
    });

    it('never gives the same event to two concurrent claimers', async () => {
      const db = await ctx.open();
      await recordEvents(
        db,
        Array.from({ length: 30 }, (_, i) => makeEvent(i + 1)),
        NOW,
      );
      const claims = await Promise.all([1, 2, 3, 4].map(() => claimPending(db, NOW, 10, LEASE)));
      const ids = claims.flat().map((e) => e.id);
      expect(ids).toHaveLength(30);
      expect(new Set(ids).size).toBe(30);
    });

    it('holds back a source with an event in flight, so one user is handled in order', async () => {
      const db = await ctx.open();
      expect(await recordClaimed(db, [makeEvent(1, 'Usame')])).toEqual([1]);
      await recordEvents(db, [makeEvent(2, 'Usame'), makeEvent(3, 'Uother')], NOW);
      expect((await claimPending(db, NOW, 10, LEASE)).map((e) => e.id)).toEqual([3]);
      await markEventDone(db, 1, 'webhook-lease', NOW);
      expect((await claimPending(db, NOW, 10, LEASE)).map((e) => e.id)).toEqual([2]);
    });

    it('marks done only with the current lease token', async () => {
      const db = await ctx.open();
      await recordEvents(db, [makeEvent(1)], NOW);
      const [claimed] = await claimPending(db, NOW, 1, LEASE);
      expect(await markEventDone(db, 1, 'not-the-token', NOW)).toBe(false);
      expect(await markEventDone(db, 1, claimed?.leaseToken ?? '', NOW)).toBe(true);
      expect(await countInboxByState(db)).toEqual({ pending: 0, processing: 0, done: 1, parked: 0 });
    });

    it('takes over an event whose worker died once the lease expires', async () => {
      const db = await ctx.open();
      await recordEvents(db, [makeEvent(1)], NOW);
      const [dead] = await claimPending(db, NOW, 1, LEASE);
      expect(await claimPending(db, minutesLater(0.5), 1, LEASE)).toEqual([]);
      const [again] = await claimPending(db, minutesLater(2), 1, LEASE);
      expect(again?.attempts).toBe(2);
      expect(await markEventDone(db, 1, dead?.leaseToken ?? '', minutesLater(2))).toBe(false);
    });

    it('retries a failed event at its retry time and parks it after the last attempt', async () => {
      const db = await ctx.open();
      await recordEvents(db, [makeEvent(1)], NOW);
      let at = NOW;
      for (let attempt = 1; attempt <= 3; attempt++) {
        const [claimed] = await claimPending(db, at, 1, LEASE);
        expect(claimed?.attempts).toBe(attempt);
        const retryAt = minutesLater(5, at);
        const state = await markEventFailed(db, {
          id: 1,
          leaseToken: claimed?.leaseToken ?? '',
          error: `boom ${attempt}`,
          retryAt,
          maxAttempts: 3,
        });
        expect(state).toBe(attempt < 3 ? 'pending' : 'parked');
        expect(await claimPending(db, minutesLater(1, at), 1, LEASE)).toEqual([]);
        at = retryAt;
      }
      expect(await claimPending(db, minutesLater(60), 1, LEASE)).toEqual([]);
      expect((await countInboxByState(db)).parked).toBe(1);
      expect(await markEventFailed(db, { id: 1, leaseToken: 'x', error: 'e', retryAt: NOW })).toBeUndefined();
    });

    it('parks an event whose lease keeps running out instead of retrying it forever', async () => {
      const db = await ctx.open();
      await recordEvents(db, [makeEvent(1)], NOW);
      await claimPending(db, NOW, 1, LEASE, { maxAttempts: 2 });
      await claimPending(db, minutesLater(2), 1, LEASE, { maxAttempts: 2 });
      expect(await claimPending(db, minutesLater(4), 1, LEASE, { maxAttempts: 2 })).toEqual([]);
      expect((await countInboxByState(db)).parked).toBe(1);
    });

    it('forgets done events older than a cut-off', async () => {
      const db = await ctx.open();
      await recordClaimed(db, [makeEvent(1)]);
      await recordEvents(db, [makeEvent(2)], NOW);
      await markEventDone(db, 1, 'webhook-lease', NOW);
      expect(await deleteDoneEvents(db, minutesLater(1))).toBe(1);
      expect(await countInboxByState(db)).toEqual({ pending: 1, processing: 0, done: 0, parked: 0 });
    });
  });
});
