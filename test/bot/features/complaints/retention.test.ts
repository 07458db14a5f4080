// Retention: officers are warned once before a finished complaint is deleted; deletion takes its history,
// photos and sealed identity with it (ON DELETE CASCADE), and the outbox forgets the reporter's LINE id.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyComplaintAction } from '../../../../bot/features/complaints/actions.ts';
import { runComplaintRetention } from '../../../../bot/features/complaints/retention.ts';
import { resolveWho } from '../../../../bot/line/chat/who.ts';
import { drainOutbox } from '../../../../bot/line/outbox/index.ts';
import { listAudit } from '../../../../db/queries/audit-log.ts';
import { findComplaintById } from '../../../../db/queries/complaints.ts';
import { bkk } from '../../../core/reminders/helpers.ts';
import { checkAndClose } from '../../../support/harness.ts';
import { type Fixture, G_OFFICERS_A, OFFICER_A, REPORTER, startOfficersFixture } from './officers-fixture.ts';

let f: Fixture;
beforeEach(async () => {
  f = await startOfficersFixture();
});
afterEach(() => checkAndClose(f.h));

const count = async (table: 'complaint_attachments' | 'complaint_events' | 'complaints') =>
  Number(
    (
      await f.h.deps.db.kysely
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirst()
    )?.n ?? 0,
  );

async function twoRuns(when: string) {
  const now = bkk(when);
  f.clock.now = now;
  const [a, b] = await Promise.all([
    runComplaintRetention(f.h.deps, now),
    runComplaintRetention(f.h.deps, now),
  ]);
  return { warned: a.warned + b.warned, deleted: a.deleted + b.deleted };
}

describe('runComplaintRetention', () => {
  it('warns the officers 30 days ahead once, then deletes the complaint with its photos and identity', async () => {
    const c = await f.file({ photo: true, mode: 'anonymous_updates' });
    const kept = await f.file({ photo: true });
    const who = await resolveWho(f.h.deps.db, OFFICER_A);
    await applyComplaintAction(f.h.deps, {
      complaintId: c.id,
      action: 'close',
      actor: { userId: OFFICER_A, who },
      text: 'เสร็จ',
    });
    expect((await findComplaintById(f.h.deps.db, c.id))?.deleteAfter).toBe(
      bkk('2026-06-24 09:00').toISOString(),
    );
    await drainOutbox(f.h.deps, f.clock.now);
    expect(f.h.fake.messagesTo(REPORTER)).toHaveLength(1);

    expect(await twoRuns('2026-05-20 10:00')).toEqual({ warned: 0, deleted: 0 });
    // Sent pushes to the reporter no longer name them in the outbox.
    const recipients = await f.h.deps.db.kysely.selectFrom('outbox').select('recipient').execute();
    expect(recipients.map((r) => r.recipient)).not.toContain(REPORTER);

    expect(await twoRuns('2026-05-26 10:00')).toEqual({ warned: 1, deleted: 0 });
    expect(await twoRuns('2026-05-27 10:00')).toEqual({ warned: 0, deleted: 0 });
    await drainOutbox(f.h.deps, f.clock.now);
    const warning = f.h.fake.messagesTo(G_OFFICERS_A).at(-1);
    expect(JSON.stringify(warning)).toContain(c.trackingCode);
    expect(JSON.stringify(warning)).toContain('24 มิ.ย. 2569');

    expect([await count('complaint_attachments'), await count('complaint_events')]).toEqual([2, 3]);
    expect(await twoRuns('2026-06-24 09:00')).toEqual({ warned: 0, deleted: 1 });
    expect(await findComplaintById(f.h.deps.db, c.id)).toBeUndefined();
    expect(await findComplaintById(f.h.deps.db, kept.id)).toBeDefined();
    expect([
      await count('complaints'),
      await count('complaint_attachments'),
      await count('complaint_events'),
    ]).toEqual([1, 1, 1]);
    const sources = await f.h.deps.db.kysely.selectFrom('outbox').select('source_id').execute();
    expect(sources.map((s) => s.source_id)).not.toContain(c.id);
    const audit = await listAudit(f.h.deps.db, { actor: 'system' });
    expect(audit.map((a) => [a.action, a.detail])).toEqual([['complaint.retention_delete', { deleted: 1 }]]);
  });
});
