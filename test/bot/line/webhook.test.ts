// POST /webhook through app.request: signatures, malformed bodies, every event kind, duplicates, crashes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateWebhook } from '../../../bot/dev/fake-line/index.ts';
import { recordEvents } from '../../../bot/line/inbox.ts';
import { createInboxWriter } from '../../../bot/line/inbox-writer.ts';
import { runScheduler } from '../../../bot/scheduler.ts';
import { countInboxByState } from '../../../db/queries/webhook-inbox.ts';
import {
  everyEventKind,
  groupSource,
  makeCallback,
  makeFollowEvent,
  makeJoinEvent,
  makeTextEvent,
  userSource,
} from '../../support/events.ts';
import { type Harness, startHarness } from '../../support/harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

async function errorOf(res: Response): Promise<string> {
  const body = (await res.json()) as { message?: string };
  return body.message ?? '';
}

describe('webhook signature', () => {
  it('answers 401 when the x-line-signature header is missing', async () => {
    const res = await h.postWebhook(makeCallback(makeFollowEvent()), { signature: null });
    expect(res.status).toBe(401);
    expect(await errorOf(res)).toMatch(/missing x-line-signature/);
    expect((await countInboxByState(h.deps.db)).pending).toBe(0);
  });

  it('answers 401 when the signature was made with another secret', async () => {
    const { signLineBody } = await import('../../../bot/line/signature.ts');
    const raw = JSON.stringify(makeCallback(makeFollowEvent()));
    const res = await h.postWebhook(undefined, { raw, signature: await signLineBody(raw, 'another-secret') });
    expect(res.status).toBe(401);
  });

  it('answers 401 when the body was changed after signing', async () => {
    const { signLineBody } = await import('../../../bot/line/signature.ts');
    const raw = JSON.stringify(makeCallback(makeFollowEvent()));
    const signature = await signLineBody(raw, 'test-channel-secret');
    const res = await h.postWebhook(undefined, { raw: raw.replace('follow', 'unfollow'), signature });
    expect(res.status).toBe(401);
  });

  it('answers 401 when the signature is not base64', async () => {
    const res = await h.postWebhook(makeCallback(), { signature: '%%%not-base64%%%' });
    expect(res.status).toBe(401);
  });
});

describe('webhook body', () => {
  it.each([
    ['not JSON', '{"destination": "U1", "events": ['],
    ['no events array', JSON.stringify({ destination: 'U1' })],
    [
      'an event without webhookEventId',
      JSON.stringify({ destination: 'U1', events: [{ type: 'follow', timestamp: 1 }] }),
    ],
    ['an array body', JSON.stringify([1, 2])],
  ])('answers 400 with a reason for %s', async (_name, raw) => {
    const res = await h.postWebhook(undefined, { raw });
    expect(res.status).toBe(400);
    expect(await errorOf(res)).not.toBe('');
  });

  it('answers 200 to the empty events list LINE sends to check the endpoint', async () => {
    const res = await h.postWebhook(makeCallback());
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: 0, new: 0 });
    expect(h.fake.requests).toEqual([]);
  });
});

describe('webhook events', () => {
  it('builds event factories that LINE’s own webhook schema accepts', () => {
    const events = Object.values(everyEventKind());
    expect(validateWebhook(makeCallback(...events)).errors).toEqual([]);
  });

  it('records every event kind of LINE’s spec and answers 200 without a failure', async () => {
    const events = Object.values(everyEventKind());
    const res = await h.postWebhook(makeCallback(...events));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: events.length, new: events.length });
    await h.settle();
    const counts = await countInboxByState(h.deps.db);
    expect(counts).toMatchObject({ done: events.length, pending: 0, processing: 0, parked: 0 });
    expect(h.logs.filter((l) => l.level !== 'info')).toEqual([]);
    expect(h.fake.violations()).toEqual([]);
  });

  it('greets a new friend in Thai with a reply', async () => {
    await h.send(makeFollowEvent());
    const replies = h.fake.replies();
    expect(replies).toHaveLength(1);
    expect(JSON.stringify(replies[0])).toMatch(/สวัสดีค่ะ/);
    expect(h.fake.violations()).toEqual([]);
  });

  it('greets a group it was added to', async () => {
    await h.send(makeJoinEvent());
    expect(JSON.stringify(h.fake.replies())).toMatch(/ผูกกลุ่ม/);
  });

  it('sends nothing for standby events', async () => {
    await h.send(makeFollowEvent({ mode: 'standby' }), makeJoinEvent({ mode: 'standby' }));
    expect(h.fake.requests).toEqual([]);
    expect((await countInboxByState(h.deps.db)).done).toBe(2);
  });

  it('ignores an event type LINE adds later', async () => {
    const future = { ...makeFollowEvent(), type: 'somethingNew' };
    const res = await h.send(future);
    expect(res.status).toBe(200);
    expect(h.fake.requests).toEqual([]);
    expect((await countInboxByState(h.deps.db)).done).toBe(1);
  });
});

describe('webhook events with nothing to do', () => {
  it('records a group’s chatter done before its 200, without content or sender, and still handles a command', async () => {
    const groupId = `C${'d'.repeat(32)}`;
    const source = groupSource(groupId, `U${'e'.repeat(32)}`);
    const chatter = makeTextEvent('ประชุมบ่ายนี้นะคะ', { source });
    const sticker = {
      ...makeTextEvent('x', { source }),
      message: { type: 'sticker', id: '1', packageId: '1', stickerId: '1' },
    };
    const command = makeTextEvent('ช่วยเหลือ', { source });
    const res = await h.postWebhook(makeCallback(chatter, sticker, command));
    expect(await res.json()).toEqual({ received: 3, new: 3 });
    // Before any handling: the chatter and the sticker are done already, the command is claimed.
    const rows = await h.deps.db.kysely.selectFrom('webhook_inbox').selectAll().orderBy('id').execute();
    expect(rows.map((r) => [r.state, r.attempts, r.payload === '{}', r.source_id])).toEqual([
      ['done', 0, true, null],
      ['done', 0, true, null],
      ['processing', 1, false, groupId],
    ]);
    await h.settle();
    expect(h.fake.replies()).toHaveLength(1);
    expect(await countInboxByState(h.deps.db)).toMatchObject({ done: 3, processing: 0 });
    const again = await h.postWebhook(makeCallback({ ...chatter, deliveryContext: { isRedelivery: true } }));
    expect(await again.json()).toEqual({ received: 1, new: 0 });
  });

  it('handles every message in 1:1, where chatter gets an answer', async () => {
    const res = await h.send(makeTextEvent('ประชุมบ่ายนี้นะคะ', { source: userSource(`U${'f'.repeat(32)}`) }));
    expect(await res.json()).toEqual({ received: 1, new: 1 });
    expect(h.fake.replies()).toHaveLength(1);
  });
});

describe('webhook duplicates and crashes', () => {
  it('handles a duplicated event once, in the same request or a later one', async () => {
    const follow = makeFollowEvent();
    const res = await h.postWebhook(makeCallback(follow, follow));
    expect(await res.json()).toEqual({ received: 2, new: 1 });
    await h.settle();
    await h.send(follow);
    expect(h.fake.replies()).toHaveLength(1);
  });

  it('forgets handled events after a week, and still recognises a redelivery before that', async () => {
    const follow = makeFollowEvent();
    await h.send(follow);
    const day = 24 * 60 * 60 * 1000;
    expect((await runScheduler(h.deps, new Date(Date.now() + 6 * day))).eventsForgotten).toBe(0);
    const again = await h.postWebhook(makeCallback({ ...follow, deliveryContext: { isRedelivery: true } }));
    expect(await again.json()).toEqual({ received: 1, new: 0 });
    expect((await runScheduler(h.deps, new Date(Date.now() + 8 * day))).eventsForgotten).toBe(1);
    expect((await countInboxByState(h.deps.db)).done).toBe(0);
  });

  it('drops a redelivery of an event already handled', async () => {
    const follow = makeFollowEvent();
    await h.send(follow);
    const res = await h.postWebhook(makeCallback({ ...follow, deliveryContext: { isRedelivery: true } }));
    expect(await res.json()).toEqual({ received: 1, new: 0 });
    await h.settle();
    expect(h.fake.replies()).toHaveLength(1);
  });

  it('handles an event recorded before a crash exactly once, on the next scheduler runs', async () => {
    const now = new Date();
    const follow = makeFollowEvent({ timestamp: now.getTime() });
    await recordEvents(h.deps.db, [follow], now);
    await Promise.all([runScheduler(h.deps, now), runScheduler(h.deps, now)]);
    await runScheduler(h.deps, new Date(now.getTime() + 120_000));
    expect(h.fake.replies()).toHaveLength(1);
    expect((await countInboxByState(h.deps.db)).done).toBe(1);
  });

  it('takes over an event whose worker died mid-way once its lease runs out, and pushes when the reply token is too old', async () => {
    // Three minutes past an hour: no run below falls on a ten-minute mark, when the scheduler also reads LINE's quota.
    const now = new Date();
    now.setUTCMinutes(3, 0, 0);
    const join = makeJoinEvent({ timestamp: now.getTime(), source: groupSource(undefined, undefined) });
    // What the webhook does before its 200: record the event claimed for itself; then the process dies.
    const writer = createInboxWriter(h.deps.db, 60_000);
    const inbox = { webhookEventId: join.webhookEventId, eventType: 'join', sourceId: null, payload: join };
    expect((await writer.record([inbox], now)).claimed).toHaveLength(1);
    await runScheduler(h.deps, new Date(now.getTime() + 30_000));
    expect(h.fake.requests).toEqual([]); // still leased
    const later = new Date(now.getTime() + 61_000);
    await runScheduler(h.deps, later);
    await runScheduler(h.deps, new Date(later.getTime() + 1000));
    expect(h.fake.replies()).toHaveLength(0);
    expect(h.fake.pushes()).toHaveLength(1);
    expect(h.fake.duplicateDeliveries()).toBe(0);
  });
});
