// The quota as coordinators see it, against the fake LINE API's quota, consumption and member-count endpoints:
// `โควตา`, `ติดตาม`, the 80 % alert once, /api/quota and "ส่งต่อ", the announcement preview's cost, and member
// counts refreshed on join, memberJoined and memberLeft.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pauseOutbox, readOutboxPause } from '../../../../bot/line/outbox/index.ts';
import { runScheduler } from '../../../../bot/scheduler.ts';
import { DEMO_COORDINATOR_ID, DEMO_STAFF_ID } from '../../../../bot/tools/demo/line.ts';
import { listMemberCounts, setMemberCount } from '../../../../db/queries/group-members.ts';
import { GROUP_ID, makeJoinEvent, nextEventId } from '../../../support/events.ts';
import { checkAndClose } from '../../../support/harness.ts';
import { type ApiHarness, startApiHarness } from '../../http/api-support.ts';
import { readable } from '../../line/events/conversation.ts';

let h: ApiHarness;
beforeEach(async () => {
  h = await startApiHarness();
});
afterEach(() => checkAndClose(h));

/** LINE's figures for this month: the plan's limit and what it has counted so far. */
function lineSays(limit: number, used: number) {
  (h.fake.options as { quotaLimit?: number }).quotaLimit = limit;
  h.fake.totalUsage = used;
}

async function say(text: string, user: string) {
  const event = {
    type: 'message',
    mode: 'active',
    timestamp: h.deps.now().getTime(),
    webhookEventId: nextEventId(),
    deliveryContext: { isRedelivery: false },
    source: { type: 'user', userId: user },
    replyToken: `rt-${nextEventId()}`,
    message: { type: 'text', id: String(Date.now()), quoteToken: 'q', text },
  };
  await h.send(event);
  return readable(
    h.fake
      .replies()
      .filter((r) => r.replyToken === event.replyToken)
      .flatMap((r) => r.messages),
  );
}

describe('โควตา / quota', () => {
  it('shows a coordinator the limit, what is used, the forecast and what to do', async () => {
    lineSays(5_000, 4_250);
    const text = await say('โควตา', DEMO_COORDINATOR_ID);
    expect(text).toContain('ใช้แล้ว 4,250 จาก 5,000 ข้อความ (85%)');
    expect(text).toMatch(/คาดว่าจะใช้อีก [\d,]+ ข้อความถึง 30 พ.ย. 2569/);
    expect(text).toMatch(/คาดว่าโควตาจะไม่พอ|คาดว่าพอใช้ถึงสิ้นเดือน/);
    const paths = h.fake.requests.map((r) => r.path);
    expect(paths).toContain('/v2/bot/message/quota');
    expect(paths).toContain('/v2/bot/message/quota/consumption');
  });

  it('is for coordinators only', async () => {
    expect(await say('quota', DEMO_STAFF_ID)).toContain('เฉพาะผู้ประสานงาน');
  });

  it('is shown under ติดตาม too', async () => {
    lineSays(5_000, 100);
    expect(await say('ติดตาม', DEMO_COORDINATOR_ID)).toContain('โควตาข้อความ LINE เดือนนี้');
  });
});

describe('the 80 % alert', () => {
  it('tells the coordinator once a LINE month', async () => {
    lineSays(1_000, 810);
    const at = new Date('2026-11-23T03:00:00.000Z'); // Monday 10:00 in Bangkok
    await runScheduler(h.deps, at);
    const alerts = () =>
      h.fake
        .pushes()
        .filter((p) => p.to[0] === DEMO_COORDINATOR_ID && readable(p.messages).includes('แจ้งเตือน: ใช้โควตา'));
    expect(alerts()).toHaveLength(1);
    await runScheduler(h.deps, new Date(at.getTime() + 60 * 60_000));
    expect(alerts()).toHaveLength(1);
  });

  it('stays quiet below 80 %', async () => {
    lineSays(1_000, 700);
    await runScheduler(h.deps, new Date('2026-11-23T03:00:00.000Z'));
    expect(h.fake.pushes().filter((p) => readable(p.messages).includes('แจ้งเตือน: ใช้โควตา'))).toEqual([]);
  });
});

describe('/api/quota', () => {
  it('gives the coordinator the budget and the pause, and "ส่งต่อ" resumes sending at once', async () => {
    lineSays(5_000, 5_000);
    await pauseOutbox(
      h.deps,
      { reason: 'quota', detail: 'You have reached your monthly limit.' },
      h.deps.now(),
    );
    const res = await h.call('coordinator', '/quota');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ limit: 5_000, used: 5_000, paused: { reason: 'quota' } });
    expect(body.advice).toContain('ส่งต่อ');
    expect(body.forecast.total).toBeGreaterThan(0);
    expect((await h.call('staff', '/quota')).status).toBe(403);
    expect((await h.call('staff', '/quota/resume', { method: 'POST' })).status).toBe(403);
    const resumed = await h.call('coordinator', '/quota/resume', { method: 'POST' });
    expect(await resumed.json()).toMatchObject({ resumed: true });
    expect(await readOutboxPause(h.deps.db)).toBeUndefined();
  });

  it('prices an announcement in the preview by the groups’ members, and what remains after it', async () => {
    lineSays(5_000, 1_000);
    const counts = await listMemberCounts(h.deps.db);
    for (const groupId of counts.keys()) await setMemberCount(h.deps.db, groupId, 20, h.deps.now());
    const preview = await (
      await h.call('coordinator', '/broadcasts/preview', {
        method: 'POST',
        body: { text: 'ทดสอบ', filter: {} },
      })
    ).json();
    expect(preview.cost).toBe(preview.groups * 20);
    expect(preview.remainingAfter).toBe(5_000 - 1_000 - preview.groups * 20);
  });
});

describe('member counts', () => {
  it('are read from LINE when the bot joins a group, and again when members join or leave', async () => {
    const members = (n: number) => Array.from({ length: n }, (_, i) => `U${String(i).padStart(32, 'a')}`);
    h.fake.setGroup(GROUP_ID, { groupName: 'ITA ทดสอบ', memberIds: members(7) });
    await h.send(makeJoinEvent({ timestamp: h.deps.now().getTime() }));
    expect((await listMemberCounts(h.deps.db)).get(GROUP_ID)).toBe(7);
    h.fake.setGroup(GROUP_ID, { groupName: 'ITA ทดสอบ', memberIds: members(5) });
    await h.send({
      type: 'memberLeft',
      mode: 'active',
      timestamp: h.deps.now().getTime(),
      webhookEventId: nextEventId(),
      deliveryContext: { isRedelivery: false },
      source: { type: 'group', groupId: GROUP_ID },
      left: { members: [{ type: 'user', userId: members(7)[6] }] },
    });
    expect((await listMemberCounts(h.deps.db)).get(GROUP_ID)).toBe(5);
    expect(h.fake.requests.some((r) => r.path === `/v2/bot/group/${GROUP_ID}/members/count`)).toBe(true);
  });
});

describe('the fake LINE API’s scenarios', () => {
  it('sets up the monthly limit, the rate limit and a reply time-out by name', async () => {
    h.fake.useScenario('monthly-limit');
    expect(h.fake.quotaExhausted).toBe(true);
    h.fake.useScenario('normal');
    expect(h.fake.quotaExhausted).toBe(false);
    h.fake.useScenario('rate-limit');
    const ok = h.fake.limiter.tryTake('pushMessage', 0);
    for (let i = 0; i < 4; i++) h.fake.limiter.tryTake('pushMessage', 0);
    expect([ok, h.fake.limiter.tryTake('pushMessage', 0)]).toEqual([true, false]);
    h.fake.useScenario('normal');
  });
});
