// Issue 16 §5: a reply that timed out (LINE took it after all) never reaches the user twice; a refused reply
// token falls back to a push sent right after the event, not at the scheduler's next minute; room members'
// names come from the room member endpoint.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatContext } from '../../../bot/line/chat/context.ts';
import { findDisplayName } from '../../../bot/line/chat/display-name.ts';
import { processDueEvents } from '../../../bot/line/inbox.ts';
import { runScheduler } from '../../../bot/scheduler.ts';
import { DEMO_STAFF_ID } from '../../../bot/tools/demo/line.ts';
import { ROOM_ID } from '../../support/events.ts';
import { checkAndClose } from '../../support/harness.ts';
import { type Conversation, NOW, startConversation, textEvent } from './events/conversation.ts';

let c: Conversation;
beforeEach(async () => {
  c = await startConversation();
});
afterEach(() => checkAndClose(c.h));

const pushesTo = (chat: string) => c.h.fake.pushes().filter((p) => p.to.includes(chat));
const later = (ms: number) => new Date(NOW.getTime() + ms);

describe('a reply whose outcome is unknown', () => {
  it('is not pushed again when LINE accepted it after the time-out (the harness times out at 2 s)', async () => {
    const { h } = c;
    h.fake.hangNext(1, 3_000, { paths: ['replyMessage'] });
    const event = textEvent('ช่วยเหลือ', { user: DEMO_STAFF_ID });
    await h.send(event);
    // The fake delivered the reply and answered only after the client gave up.
    expect(h.fake.replies()).toHaveLength(1);
    // Whatever the scheduler does later (retries, drains), the same answer is not pushed.
    await processDueEvents(h.deps, later(5 * 60_000));
    await runScheduler(h.deps, later(10 * 60_000));
    expect(pushesTo(DEMO_STAFF_ID)).toEqual([]);
    expect(h.fake.replies()).toHaveLength(1);
  });

  it('is not pushed again after a connection reset once LINE had delivered it (5xx after delivery)', async () => {
    const { h } = c;
    h.fake.failNext(1, { status: 500, paths: ['replyMessage'], afterDelivery: true });
    await h.send(textEvent('ช่วยเหลือ', { user: DEMO_STAFF_ID }));
    await runScheduler(h.deps, later(5 * 60_000));
    expect(h.fake.replies()).toHaveLength(1);
    expect(pushesTo(DEMO_STAFF_ID)).toEqual([]);
  });
});

describe('a refused reply token', () => {
  it('falls back to a push that LINE gets before the webhook work settles, without a scheduler run', async () => {
    const { h } = c;
    h.fake.failNext(1, {
      status: 400,
      body: { message: 'Invalid reply token' },
      paths: ['replyMessage'],
    });
    await h.send(textEvent('ช่วยเหลือ', { user: DEMO_STAFF_ID }));
    expect(h.fake.replies()).toEqual([]);
    const pushes = h.fake.pushes();
    expect(pushes).toHaveLength(1);
    expect(pushes[0]?.to).toEqual([DEMO_STAFF_ID]);
  });
});

describe('room members', () => {
  it('get their display name from the room member endpoint', async () => {
    const { h } = c;
    const userId = `U${'9'.repeat(32)}`;
    h.fake.setProfile(userId, { displayName: 'มานี ในห้อง' });
    const ctx = { deps: h.deps, now: NOW, chat: { kind: 'room', id: ROOM_ID } } as unknown as ChatContext;
    expect(await findDisplayName(ctx, userId)).toBe('มานี ในห้อง');
    const paths = h.fake.requests.map((r) => r.path);
    expect(paths).toContain(`/v2/bot/room/${ROOM_ID}/member/${userId}`);
    expect(paths.some((p) => p.startsWith('/v2/bot/profile/'))).toBe(false);
  });
});
