// Issue 16 §1: after LINE's monthly-limit 429 the bot used to never push again. Now: coordinators are told in
// their next (free) reply, sending resumes by itself in LINE's next month (once LINE says there is room) or at
// once from `outbox resume` / the mini-app, nothing queued is lost, the backlog goes out most urgent first, and
// reminders whose day passed are merged into one catch-up push per group.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MERGED_NOTE } from '../../../../bot/features/plan/catch-up.ts';
import { resumeSending } from '../../../../bot/features/quota/resume.ts';
import { QUOTA_ALERT_TH, readOutboxPause } from '../../../../bot/line/outbox/index.ts';
import { runScheduler } from '../../../../bot/scheduler.ts';
import { DEMO_COORDINATOR_ID, DEMO_STAFF_ID } from '../../../../bot/tools/demo/line.ts';
import { countOutboxByState, enqueueMessages } from '../../../../db/queries/outbox.ts';
import { checkAndClose } from '../../../support/harness.ts';
import { type Conversation, NOW, readable, startConversation } from '../../line/events/conversation.ts';

const CITIZEN = `U${'c'.repeat(32)}`;
const OFFICERS = `C${'0'.repeat(31)}1`;
const ANNOUNCED = `C${'0'.repeat(31)}2`;
/** 1 July 2026, 09:00 in Bangkok: LINE's July (it turned at 22:00 Bangkok on 30 June). */
const NEXT_MONTH = new Date('2026-07-01T02:00:00.000Z');

let c: Conversation;
beforeEach(async () => {
  c = await startConversation();
});
afterEach(() => checkAndClose(c.h));

/** Runs out of quota at NOW: the tick queues the demo's reminders, LINE refuses the first push, sending pauses. */
async function exhaustAt(at: Date) {
  const { h } = c;
  h.fake.setQuotaExhausted(true);
  const queued = [
    { to: ANNOUNCED, sourceKind: 'broadcast', text: 'ประกาศจากจังหวัด' },
    { to: OFFICERS, sourceKind: 'complaint', text: 'มีเรื่องร้องเรียนใหม่' },
    { to: CITIZEN, sourceKind: 'complaint', text: 'เรื่องของท่านมีความคืบหน้า' },
  ];
  await enqueueMessages(
    h.deps.db,
    queued.map((q) => ({
      kind: 'push' as const,
      to: q.to,
      messages: [{ type: 'text', text: q.text }],
      sourceKind: q.sourceKind,
    })),
    at,
  );
  const report = await runScheduler(h.deps, at);
  expect(report.outboxPaused).toBe(true);
  expect(report.remindersQueued).toBeGreaterThan(0);
  return report;
}

describe('the monthly limit', () => {
  it('pauses, tells each coordinator once in a free reply, and resumes by itself in LINE’s next month', async () => {
    const { h } = c;
    await exhaustAt(NOW);
    const waiting = (await countOutboxByState(h.deps.db)).pending;
    expect(waiting).toBeGreaterThan(3);

    const first = readable(await c.say('ช่วยเหลือ', { user: DEMO_COORDINATOR_ID }));
    expect(first).toContain(QUOTA_ALERT_TH);
    const again = readable(await c.say('ช่วยเหลือ', { user: DEMO_COORDINATOR_ID }));
    expect(again).not.toContain(QUOTA_ALERT_TH);
    const staff = readable(await c.say('ช่วยเหลือ', { user: DEMO_STAFF_ID }));
    expect(staff).not.toContain(QUOTA_ALERT_TH);

    // Later the same month nothing is sent, and nothing is lost.
    const sameMonth = await runScheduler(h.deps, new Date(NOW.getTime() + 24 * 3600_000));
    expect(sameMonth.sent).toBe(0);
    expect((await countOutboxByState(h.deps.db)).pending).toBeGreaterThanOrEqual(waiting);

    // LINE's month turns: its quota has room again; the tick resumes and sends, most urgent first.
    h.fake.setQuotaExhausted(false);
    h.fake.reset();
    h.deps.drain = { concurrency: 1 };
    const resumed = await runScheduler(h.deps, NEXT_MONTH);
    expect(resumed.outboxPaused).toBe(false);
    expect(await readOutboxPause(h.deps.db)).toBeUndefined();
    expect((await countOutboxByState(h.deps.db)).pending).toBe(0);
    const order = h.fake.pushes().map((p) => p.to[0]);
    expect(order[0]).toBe(CITIZEN);
    expect(order[1]).toBe(OFFICERS);
    expect(order.at(-1)).toBe(ANNOUNCED);
  });

  it('does not resume in the new month while LINE still says the quota is used up', async () => {
    const { h } = c;
    await exhaustAt(NOW);
    const tick = await runScheduler(h.deps, NEXT_MONTH);
    expect(tick.outboxPaused).toBe(true);
    expect(h.fake.pushes()).toEqual([]);
  });

  it('resumes at once from `outbox resume`, merging reminders whose day passed into one push per group', async () => {
    const { h } = c;
    await exhaustAt(NOW);
    // The next day's tick queues that day's reminders too; nothing goes out.
    await runScheduler(h.deps, new Date(NOW.getTime() + 24 * 3600_000));
    const stale = await h.deps.db.kysely
      .selectFrom('outbox')
      .select(['recipient'])
      .where('source_kind', '=', 'reminder')
      .where('state', '=', 'pending')
      .execute();
    const groups = new Set(stale.map((r) => r.recipient));
    expect(stale.length).toBeGreaterThan(groups.size); // two days of reminders per group were held up

    h.fake.setQuotaExhausted(false);
    const later = new Date(NOW.getTime() + 2 * 24 * 3600_000); // Friday 12 June, the same LINE month
    expect(await resumeSending(h.deps, later, 'cli')).toEqual({ resumed: true, merged: stale.length });
    const merged = await h.deps.db.kysely
      .selectFrom('outbox')
      .select('id')
      .where('last_error', '=', MERGED_NOTE)
      .execute();
    expect(merged).toHaveLength(stale.length);
    await runScheduler(h.deps, later);
    const sentReminders = await h.deps.db.kysely
      .selectFrom('outbox')
      .select(['recipient'])
      .where('source_kind', '=', 'reminder')
      .where('state', '=', 'sent')
      .execute();
    // One catch-up per group plus that day's own reminders (one push), never the held-up ones one by one.
    const perGroup = new Map<string, number>();
    for (const r of sentReminders) perGroup.set(r.recipient, (perGroup.get(r.recipient) ?? 0) + 1);
    expect(Math.max(...perGroup.values())).toBeLessThanOrEqual(2);
    // Every group still has its open task reminded: nothing held up was lost.
    expect(new Set(perGroup.keys())).toEqual(groups);
  });
});
