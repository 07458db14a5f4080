// A scheduler run drains the outbox until it is empty or the run's message budget is spent (OUTBOX_MESSAGES_PER_RUN,
// 900 on Workers), and sent messages leave the outbox after `outboxRetentionDays`, keeping their ledger rows.
import { afterEach, describe, expect, it } from 'vitest';
import { SETTINGS_KEY } from '../../../../bot/features/settings/settings.ts';
import { runScheduler } from '../../../../bot/scheduler.ts';
import { setSetting } from '../../../../db/queries/app-settings.ts';
import { enqueueMessages } from '../../../../db/queries/outbox.ts';
import { reserveSlotWithMessages } from '../../../../db/queries/reminder-log.ts';
import { checkAndClose, type Harness, startHarness } from '../../../support/harness.ts';

/** A Sunday night in Bangkok: nothing else is due, so a run only drains and deletes. */
const NIGHT = new Date('2026-06-14T20:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;
const TEXT = [{ type: 'text', text: 'ประกาศ: ส่งหลักฐาน OIT ภายในวันศุกร์นี้ค่ะ' }];
const groups = (n: number) =>
  Array.from({ length: n }, (_, i) => `C${(i + 1).toString(16).padStart(32, 'e')}`);

let h: Harness;
afterEach(() => checkAndClose(h));

async function states(): Promise<Record<string, number>> {
  const rows = await h.deps.db.kysely
    .selectFrom('outbox')
    .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('state')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
}

describe('a scheduler run and its message budget', () => {
  it('drains more than a claim batch in one run when no budget is set', async () => {
    h = await startHarness({ now: () => NIGHT });
    h.deps.drain = { concurrency: 6 };
    await enqueueMessages(
      h.deps.db,
      groups(250).map((to) => ({ kind: 'push' as const, to, messages: TEXT })),
      NIGHT,
    );
    const report = await runScheduler(h.deps, NIGHT);
    expect(report.sent).toBe(250);
    expect(await states()).toEqual({ sent: 250 });
  }, 60_000);

  it('stops at the budget and leaves the rest for the next run', async () => {
    h = await startHarness({ now: () => NIGHT });
    h.deps.drain = { concurrency: 6, maxMessages: 120 };
    await enqueueMessages(
      h.deps.db,
      groups(200).map((to) => ({ kind: 'push' as const, to, messages: TEXT })),
      NIGHT,
    );
    expect((await runScheduler(h.deps, NIGHT)).sent).toBe(120);
    expect(await states()).toEqual({ sent: 120, pending: 80 });
    expect((await runScheduler(h.deps, new Date(NIGHT.getTime() + 60_000))).sent).toBe(80);
  }, 60_000);

  it("sends a coordinator's delivery report before the day's reminders when the budget is short", async () => {
    h = await startHarness({ now: () => NIGHT });
    h.deps.drain = { concurrency: 6, maxMessages: 10 };
    const coordinator = `U${'d'.repeat(31)}5`;
    await enqueueMessages(
      h.deps.db,
      groups(40).map((to) => ({ kind: 'push' as const, to, messages: TEXT, sourceKind: 'reminder' })),
      new Date(NIGHT.getTime() - 60_000),
    );
    await enqueueMessages(
      h.deps.db,
      [{ kind: 'push', to: coordinator, messages: TEXT, sourceKind: 'broadcast_report', sourceId: 'b-1' }],
      NIGHT,
    );
    expect((await runScheduler(h.deps, NIGHT)).sent).toBe(10);
    // Queued last, sent first: the report is not behind the 40 reminders.
    expect(h.fake.pushes()[0]?.to).toEqual([coordinator]);
    const report = await h.deps.db.kysely
      .selectFrom('outbox')
      .select('state')
      .where('source_kind', '=', 'broadcast_report')
      .executeTakeFirstOrThrow();
    expect(report.state).toBe('sent');
  }, 60_000);

  it('deletes sent messages after the retention setting and keeps the ledger that guarded them', async () => {
    h = await startHarness({ now: () => NIGHT });
    await setSetting(h.deps.db, SETTINGS_KEY, { outboxRetentionDays: 30 }, 'test', NIGHT);
    const key = { kind: 'activity', subjectId: 'a-1', targetId: 'agency-1', slot: 'd-7' };
    const [group] = groups(1);
    await reserveSlotWithMessages(
      h.deps.db,
      key,
      NIGHT,
      [{ kind: 'push', to: group ?? '', messages: TEXT }],
      NIGHT,
    );
    expect((await runScheduler(h.deps, NIGHT)).sent).toBe(1);
    expect((await runScheduler(h.deps, new Date(NIGHT.getTime() + 29 * DAY))).outboxDeleted).toBe(0);
    expect((await runScheduler(h.deps, new Date(NIGHT.getTime() + 31 * DAY))).outboxDeleted).toBe(1);
    expect(await states()).toEqual({});
    const ledger = await h.deps.db.kysely.selectFrom('reminder_log').selectAll().execute();
    expect(ledger).toHaveLength(1);
    expect(ledger[0]?.outbox_id).toBeNull();
    // The slot stays reserved: the same reminder is not queued again.
    const again = await reserveSlotWithMessages(
      h.deps.db,
      key,
      NIGHT,
      [{ kind: 'push', to: group ?? '', messages: TEXT }],
      NIGHT,
    );
    expect(again.reserved).toBe(false);
  }, 60_000);
});
