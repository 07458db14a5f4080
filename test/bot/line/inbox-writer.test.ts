// The webhook inbox's group commit on SQLite: one transaction per event-loop turn, all or nothing, no duplicates.
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createInboxWriter } from '../../../bot/line/inbox-writer.ts';
import { countInboxByState, type InboxEvent } from '../../../db/queries/webhook-inbox.ts';
import { makeCallback, makeFollowEvent, makeTextEvent, userSource } from '../../support/events.ts';
import { type Harness, startHarness } from '../../support/harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await h.close();
});

function inboxEvent(webhookEventId: string): InboxEvent {
  return {
    webhookEventId,
    eventType: 'message',
    sourceId: 'U1',
    payload: { type: 'message', webhookEventId },
  };
}

/** Makes any insert of this webhookEventId fail inside SQLite, as a full disk or a broken row would. */
async function failInsertsOf(webhookEventId: string) {
  await sql`CREATE TEMP TRIGGER fail_insert BEFORE INSERT ON webhook_inbox
    WHEN NEW.webhook_event_id = ${sql.lit(webhookEventId)} BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`.execute(
    h.deps.db.kysely,
  );
}

describe('createInboxWriter', () => {
  it('commits the requests of one event-loop turn in one batch, each getting its own events', async () => {
    const batch = vi.spyOn(h.deps.db, 'batch');
    const writer = createInboxWriter(h.deps.db, 60_000);
    const now = new Date();
    const [a, b, c] = await Promise.all([
      writer.record([inboxEvent('a1'), inboxEvent('a2')], now),
      writer.record([inboxEvent('b1')], now),
      writer.record([inboxEvent('c1'), inboxEvent('c2'), inboxEvent('c3')], now),
    ]);
    expect(batch).toHaveBeenCalledTimes(1);
    expect(a?.claimed.map((e) => e.webhookEventId)).toEqual(['a1', 'a2']);
    expect(b?.claimed.map((e) => e.webhookEventId)).toEqual(['b1']);
    expect(c?.claimed.map((e) => e.webhookEventId)).toEqual(['c1', 'c2', 'c3']);
    const all = [a, b, c].flatMap((r) => r?.claimed ?? []);
    expect(new Set(all.map((e) => e.leaseToken)).size).toBe(1);
    expect(await countInboxByState(h.deps.db)).toMatchObject({ processing: 6 });
  });

  it('records a webhookEventId that two waiting requests share once, for the first of them', async () => {
    const writer = createInboxWriter(h.deps.db, 60_000);
    const now = new Date();
    const [first, second] = await Promise.all([
      writer.record([inboxEvent('same'), inboxEvent('x')], now),
      writer.record([inboxEvent('same')], now),
    ]);
    expect(first?.claimed.map((e) => e.webhookEventId)).toEqual(['same', 'x']);
    expect(second).toEqual({ claimed: [], fresh: 0 });
    expect(await countInboxByState(h.deps.db)).toMatchObject({ processing: 2 });
  });

  it('counts ignored events as new without handing them out, and drops their redeliveries', async () => {
    const writer = createInboxWriter(h.deps.db, 60_000);
    const now = new Date();
    const chatter = { ...inboxEvent('chatter'), ignored: true };
    const [first, again] = await Promise.all([
      writer.record([chatter, inboxEvent('command')], now),
      writer.record([chatter], now),
    ]);
    expect(first?.fresh).toBe(2);
    expect(first?.claimed.map((e) => e.webhookEventId)).toEqual(['command']);
    expect(again).toEqual({ claimed: [], fresh: 0 });
    expect(await countInboxByState(h.deps.db)).toMatchObject({ processing: 1, done: 1 });
  });

  it('fails every request of a commit that fails, and leaves none of their events behind', async () => {
    await failInsertsOf('bad');
    const writer = createInboxWriter(h.deps.db, 60_000);
    const now = new Date();
    const results = await Promise.allSettled([
      writer.record([inboxEvent('good1'), inboxEvent('good2')], now),
      writer.record([inboxEvent('bad')], now),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(await countInboxByState(h.deps.db)).toEqual({ pending: 0, processing: 0, done: 0, parked: 0 });
    // The next turn's commit is a new transaction: the same good events are recorded then.
    expect((await writer.record([inboxEvent('good1'), inboxEvent('good2')], now)).claimed).toHaveLength(2);
  });

  it('still marks handled events done when the commit they shared with a bad record fails', async () => {
    const writer = createInboxWriter(h.deps.db, 60_000);
    const now = new Date();
    const { claimed: handled } = await writer.record([inboxEvent('e1'), inboxEvent('e2')], now);
    await failInsertsOf('bad');
    const [done, bad] = await Promise.allSettled([
      writer.markDone(handled, now),
      writer.record([inboxEvent('bad')], now),
    ]);
    expect([done.status, bad.status]).toEqual(['fulfilled', 'rejected']);
    expect(await countInboxByState(h.deps.db)).toEqual({ pending: 0, processing: 0, done: 2, parked: 0 });
  });
});

describe('webhook group commit', () => {
  it('handles an event once when two concurrent requests carry the same webhookEventId', async () => {
    const follow = makeFollowEvent();
    const [a, b] = await Promise.all([
      h.postWebhook(makeCallback(follow)),
      h.postWebhook(makeCallback(follow, makeTextEvent('สวัสดี', { source: userSource('U2') }))),
    ]);
    const bodies = (await Promise.all([a.json(), b.json()])) as { new: number }[];
    expect(bodies.reduce((sum, body) => sum + body.new, 0)).toBe(2);
    await h.settle();
    expect(h.fake.replies().filter((r) => JSON.stringify(r).includes('สวัสดีค่ะ'))).toHaveLength(1);
    expect(await countInboxByState(h.deps.db)).toEqual({ pending: 0, processing: 0, done: 2, parked: 0 });
  });

  it('answers 503 when the commit fails, recording no event of the request, and 200 to its redelivery', async () => {
    await failInsertsOf('bad-event');
    const events = [makeFollowEvent(), { ...makeFollowEvent(), webhookEventId: 'bad-event' }];
    const res = await h.postWebhook(makeCallback(...events));
    expect(res.status).toBe(503);
    await h.settle();
    expect(await countInboxByState(h.deps.db)).toEqual({ pending: 0, processing: 0, done: 0, parked: 0 });
    expect(h.fake.requests).toEqual([]);
    expect(h.logs.filter((l) => l.message === 'webhook events not recorded')).toHaveLength(1);
    await sql`DROP TRIGGER fail_insert`.execute(h.deps.db.kysely);
    const again = await h.send(...events);
    expect(await again.json()).toEqual({ received: 2, new: 2 });
    expect(h.fake.replies()).toHaveLength(2);
  });
});
