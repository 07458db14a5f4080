// Service-level reminders: the officers' group before and after each deadline, coordinators after — each
// exactly once, whatever runs at once, and only in working hours.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyComplaintAction } from '../../../../bot/features/complaints/actions.ts';
import { runComplaintSla, SLA_KIND } from '../../../../bot/features/complaints/sla.ts';
import { resolveWho } from '../../../../bot/line/chat/who.ts';
import { runScheduler } from '../../../../bot/scheduler.ts';
import { updateComplaintStatus } from '../../../../db/queries/complaint-events.ts';
import { findComplaintById } from '../../../../db/queries/complaints.ts';
import { listSlots } from '../../../../db/queries/reminder-log.ts';
import { bkk } from '../../../core/reminders/helpers.ts';
import { checkAndClose } from '../../../support/harness.ts';
import { readable } from '../../line/events/conversation.ts';
import {
  COORDINATOR,
  type Fixture,
  G_OFFICERS_A,
  G_OFFICERS_PROVINCE,
  OFFICER_A,
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

describe('runComplaintSla after a reopening', () => {
  /** Files on Monday 24 June, closes on 5 July, and the reporter reopens on Monday 5 August, all as in chat. */
  async function reopenedComplaint() {
    const c = await f.file();
    const officer = { userId: OFFICER_A, who: await resolveWho(f.h.deps.db, OFFICER_A) };
    f.clock.now = bkk('2024-07-05 10:00');
    const closed = await applyComplaintAction(f.h.deps, {
      complaintId: c.id,
      action: 'close',
      actor: officer,
      text: 'ซ่อมแล้ว',
    });
    expect(closed.ok).toBe(true);
    f.clock.now = bkk('2024-08-05 10:00');
    const reopen = {
      complaintId: c.id,
      action: 'reopen' as const,
      actor: 'reporter' as const,
      text: 'ยังเสียอยู่',
    };
    expect((await applyComplaintAction(f.h.deps, reopen)).ok).toBe(true);
    return { c, officer };
  }

  it('is not overdue at once, and reminds again before and after the new acknowledgement deadline', async () => {
    const { c } = await reopenedComplaint();
    const reopened = await findComplaintById(f.h.deps.db, c.id);
    expect(reopened?.reopenedAt).toBe(bkk('2024-08-05 10:00').toISOString());
    // Weeks past every deadline counted from the filing, yet nothing is due the day it was reopened.
    expect(await twoTicks('2024-08-05 11:00')).toBe(0);
    expect(await twoTicks('2024-08-07 09:00')).toBe(1); // the working day before Thursday 8 August
    expect(await twoTicks('2024-08-09 09:00')).toBe(2); // past it: the group and the coordinator
    const slots = await listSlots(f.h.deps.db, SLA_KIND, c.id);
    expect(slots.map((s) => `${s.targetId} ${s.slot}`).sort()).toEqual([
      'coordinators reopened:acknowledge:after',
      'officers reopened:acknowledge:after',
      'officers reopened:acknowledge:before',
    ]);
    await runScheduler(f.h.deps, bkk('2024-08-09 09:05'));
    expect(readable(f.h.fake.messagesTo(G_OFFICERS_A))).toContain(
      `เรื่องร้องเรียน ${c.trackingCode} ที่ขอให้พิจารณาอีกครั้ง เกินกำหนดรับทราบเรื่องแล้ว`,
    );
    expect(readable(f.h.fake.messagesTo(COORDINATOR))).toContain('ที่ขอให้พิจารณาอีกครั้งเมื่อ 5 ส.ค. 2567');
  });

  it('stops the second round’s acknowledgement reminders once an officer acts on it', async () => {
    const { c, officer } = await reopenedComplaint();
    f.clock.now = bkk('2024-08-06 10:00');
    const ack = { complaintId: c.id, action: 'acknowledge' as const, actor: officer };
    expect((await applyComplaintAction(f.h.deps, ack)).ok).toBe(true);
    const acked = await findComplaintById(f.h.deps.db, c.id);
    expect(acked?.reopenAcknowledgedAt).toBe(bkk('2024-08-06 10:00').toISOString());
    expect(acked?.acknowledgedAt).toBe(bkk('2024-07-05 10:00').toISOString()); // the first round's, kept
    expect(await twoTicks('2024-08-09 09:00')).toBe(0);
    expect(await twoTicks('2024-08-19 09:00')).toBe(1); // the reply, due 20 August
  });
});
