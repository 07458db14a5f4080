// Service-level reminders: the officers' group before and after each deadline, coordinators after — each
// exactly once, whatever runs at once, and only in working hours.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runComplaintSla, SLA_KIND } from '../../../bot/complaints/sla.ts';
import { runScheduler } from '../../../bot/scheduler.ts';
import { updateComplaintStatus } from '../../../db/queries/complaint-events.ts';
import { listSlots } from '../../../db/queries/reminder-log.ts';
import { bkk } from '../../core/reminders/helpers.ts';
import { checkAndClose } from '../../support/harness.ts';
import { readable } from '../events/conversation.ts';
import {
  COORDINATOR,
  type Fixture,
  G_OFFICERS_A,
  G_OFFICERS_PROVINCE,
  startOfficersFixture,
} from './officers-fixture.ts';

let f: Fixture;
beforeEach(async () => {
  f = await startOfficersFixture();
});
afterEach(() => checkAndClose(f.h));

const outbox = async () =>
  (await f.h.deps.db.kysely.selectFrom('outbox').select(['recipient', 'source_kind']).execute())
    .map((r) => `${r.recipient} ${r.source_kind}`)
    .sort();

/** Two scheduler steps at the same instant, as two Workers cron invocations might run. */
async function twoTicks(when: string): Promise<number> {
  const now = bkk(when);
  f.clock.now = now;
  const [a, b] = await Promise.all([runComplaintSla(f.h.deps, now), runComplaintSla(f.h.deps, now)]);
  return a + b;
}

describe('runComplaintSla', () => {
  it('reminds the officers’ group once the working day before the acknowledgement deadline', async () => {
    const c = await f.file(); // Monday 24 June 09:00: acknowledge by Thursday 27 June
    expect(await twoTicks('2024-06-25 10:00')).toBe(0);
    expect(await twoTicks('2024-06-26 08:30')).toBe(1);
    expect(await twoTicks('2024-06-26 11:00')).toBe(0);
    expect(await outbox()).toEqual([`${G_OFFICERS_A} complaint_sla`]);
    const slots = await listSlots(f.h.deps.db, SLA_KIND, c.id);
    expect(slots.map((s) => `${s.targetId} ${s.slot}`)).toEqual(['officers acknowledge:before']);
  });

  it('tells the group and the coordinators after the deadline, once, without the complaint text', async () => {
    await f.file();
    expect(await twoTicks('2024-06-28 09:00')).toBe(2);
    expect(await twoTicks('2024-07-01 09:00')).toBe(0);
    expect(await outbox()).toEqual([`${G_OFFICERS_A} complaint_sla`, `${COORDINATOR} complaint_sla`].sort());
    const report = await runScheduler(f.h.deps, bkk('2024-07-01 09:05'));
    expect(report.sent).toBe(2);
    const toCoordinator = readable(f.h.fake.messagesTo(COORDINATOR));
    expect(toCoordinator).toContain('เกินกำหนดรับทราบเรื่อง');
    expect(toCoordinator).toContain('เทศบาลเมืองทดสอบ');
    const everything = toCoordinator + readable(f.h.fake.messagesTo(G_OFFICERS_A));
    expect(everything).not.toContain('เรียกรับเงิน');
    expect(everything).not.toContain('ผู้ร้อง');
  });

  it('sends nothing outside working hours or on a weekend', async () => {
    await f.file();
    expect(await twoTicks('2024-06-26 17:00')).toBe(0);
    expect(await twoTicks('2024-06-29 10:00')).toBe(0);
  });

  it('stops reminding about a step once done, and reminds the province for an unknown agency', async () => {
    const c = await f.file();
    await updateComplaintStatus(
      f.h.deps.db,
      { complaintId: c.id, status: 'acknowledged', actor: 'x', stamps: ['acknowledged'] },
      bkk('2024-06-25 09:00'),
    );
    await f.file({ agencyId: null });
    expect(await twoTicks('2024-06-26 09:00')).toBe(1);
    expect(await outbox()).toEqual([`${G_OFFICERS_PROVINCE} complaint_sla`]);
  });
});
