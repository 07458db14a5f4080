// runReminders against a small province: who gets what and when, the digest, working hours, and rescheduling.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runReminders } from '../../../../../bot/features/plan/reminders.ts';
import { drainOutbox } from '../../../../../bot/line/outbox/index.ts';
import { setActivityStatus } from '../../../../../db/queries/activity-status.ts';
import { setFollowing } from '../../../../../db/queries/line-users.ts';
import { updateActivity } from '../../../../../db/queries/plan-activities.ts';
import { bkk } from '../../../../core/reminders/helpers.ts';
import { checkAndClose } from '../../../../support/harness.ts';
import { readable } from '../../../line/events/conversation.ts';
import {
  COORDINATOR,
  type Fixture,
  G_LINE,
  G_MUNI,
  G_MUNI_2,
  G_OFFICE,
  LINE_AGENCY,
  ledger,
  MUNI,
  OFFICE,
  outbox,
  PROVINCE,
  SAO,
  startFixture,
} from './fixture.ts';

let f: Fixture;
beforeEach(async () => {
  f = await startFixture();
});
afterEach(() => checkAndClose(f.h));

/** A scheduler tick of this step alone: queue reminders, then send (survey nudges have tests of their own). */
async function tick(time: string): Promise<void> {
  await runReminders(f.h.deps, bkk(time));
  await drainOutbox(f.h.deps, bkk(time));
}

/** The activity reminders in the ledger, as 'seq agency slot'. */
async function reminders(): Promise<string[]> {
  const seqOf = new Map([f.iit, f.secretariat, f.nacc, f.picked].map((a) => [a.id, a.seq]));
  return (await ledger(f.db))
    .filter((l) => l.startsWith('activity '))
    .map((l) => {
      const [, subject = '', target, slot] = l.split(' ');
      return `${seqOf.get(subject)} ${target} ${slot}`;
    })
    .sort();
}

describe('runReminders', () => {
  it('queues the latest slot of each open task to every group of its agency, and the digest', async () => {
    // The provincial office's two reminders of the day go to its group as one carousel push (issue 16).
    expect(await runReminders(f.h.deps, bkk('2024-06-24 08:30'))).toBe(5);
    expect(await reminders()).toEqual([
      `1 ${LINE_AGENCY} d-7@2024-07-01`,
      `1 ${MUNI} d-7@2024-07-01`,
      `1 ${OFFICE} d-7@2024-07-01`,
      // The secretariat's own work goes to the provincial office's group; nothing for the NACC's step.
      `2 ${OFFICE} d-7@2024-06-28`,
    ]);
    expect(await outbox(f.db)).toEqual(
      [
        `${COORDINATOR} digest`,
        `${G_LINE} reminder`,
        `${G_MUNI} reminder`,
        `${G_MUNI_2} reminder`,
        `${G_OFFICE} reminder`,
      ].sort(),
    );
  });

  it('sends what it queued through the outbox, each group its own reminder with the done button', async () => {
    await tick('2024-06-24 08:30');
    const muni = f.h.fake.messagesTo(G_MUNI);
    expect(muni).toHaveLength(1);
    expect(f.h.fake.messagesTo(G_MUNI_2)).toEqual(muni);
    const text = readable(muni);
    expect(text).toContain('เทศบาลเมืองทดสอบ');
    expect(text).toContain('ข้อ 1 ตอบแบบวัด IIT');
    expect(text).toContain('กำหนดเสร็จ 1 ก.ค. 2567');
    expect(text).toContain('เหลืออีก 7 วัน');
    expect(text).toContain('ผู้ตอบ IIT: 45/120 คน (37%)');
    expect(JSON.stringify(muni)).toContain(`"data":"a=done&act=${f.iit.id}&ag=${MUNI}"`);
    expect(readable(f.h.fake.messagesTo(G_LINE))).toContain('ยังไม่ได้รายงานยอดและยังไม่ได้ตั้งเป้า');
    expect(f.h.fake.pushes()).toHaveLength(5);
    const office = f.h.fake.messagesTo(G_OFFICE);
    expect(office).toHaveLength(1);
    expect(JSON.stringify(office)).toContain('"type":"carousel"');
    expect(readable(office)).toContain('ข้อ 2');
  });

  it('tells coordinators once a day which agencies cannot be reached and what is overdue', async () => {
    await tick('2024-06-24 08:30');
    const first = readable(f.h.fake.messagesTo(COORDINATOR));
    expect(first).toContain('สรุปงาน ITA ที่เลยกำหนด ณ 24 มิ.ย. 2567');
    expect(first).toContain('วันนี้ไม่มีงานที่เลยกำหนดค่ะ');
    expect(first).toContain('ยังไม่ได้ผูกกลุ่ม LINE จึงส่งแจ้งเตือนไม่ถึง 1 หน่วยงาน:\nองค์การบริหารส่วนตำบลห่างไกล');
    await tick('2024-06-24 15:00');
    expect(f.h.fake.messagesTo(COORDINATOR)).toHaveLength(1);
    await tick('2024-07-02 08:30');
    const second = readable(f.h.fake.messagesTo(COORDINATOR).slice(1));
    expect(second).toContain('งานที่เลยกำหนด 2 งาน ของ 4 หน่วยงาน');
    expect(second).toContain(
      '• ข้อ 2 สรุปผลให้จังหวัด (กำหนด 28 มิ.ย. 2567)\n  ยังไม่เสร็จ 1 หน่วยงาน: สำนักงานจังหวัดทดสอบ',
    );
    expect(second).toContain('• ข้อ 1 ตอบแบบวัด IIT (กำหนด 1 ก.ค. 2567)\n  ยังไม่เสร็จ 4 หน่วยงาน: ทม.ทดสอบ,');
    expect(second).toContain('ดูแผนงาน\nเตือนหน่วยงาน');
  });

  it('sends no digest to a coordinator who blocked the account', async () => {
    await setFollowing(f.db, COORDINATOR, false, bkk('2024-06-20 10:00'));
    expect(await runReminders(f.h.deps, bkk('2024-06-24 08:30'))).toBe(4);
  });

  it.each([
    ['before working hours', '2024-06-24 08:29'],
    ['at closing time', '2024-06-24 16:30'],
    ['on a Saturday', '2024-06-22 10:00'],
    ['on a public holiday', '2024-07-22 10:00'],
  ])('queues nothing %s', async (_when, time) => {
    expect(await runReminders(f.h.deps, bkk(time))).toBe(0);
    expect(await ledger(f.db)).toEqual([]);
  });

  it('stops an agency’s reminders once it marks the task done, and keeps the others', async () => {
    await runReminders(f.h.deps, bkk('2024-06-24 08:30'));
    await setActivityStatus(
      f.db,
      { activityId: f.iit.id, agencyId: MUNI, status: 'done', by: 'U1' },
      bkk('2024-06-26 10:00'),
    );
    await runReminders(f.h.deps, bkk('2024-06-28 08:30'));
    const iit = (await reminders()).filter((r) => r.startsWith('1 '));
    expect(iit).toEqual([
      `1 ${LINE_AGENCY} d-3@2024-07-01`,
      `1 ${LINE_AGENCY} d-7@2024-07-01`,
      `1 ${MUNI} d-7@2024-07-01`,
      `1 ${OFFICE} d-3@2024-07-01`,
      `1 ${OFFICE} d-7@2024-07-01`,
    ]);
  });

  it('reschedules when the due date moves: old slots are not sent again, new ones come on time', async () => {
    await runReminders(f.h.deps, bkk('2024-06-24 08:30'));
    await updateActivity(f.db, f.iit.id, { dueOn: '2024-07-15' }, bkk('2024-06-25 11:00'));
    await runReminders(f.h.deps, bkk('2024-06-28 08:30'));
    await runReminders(f.h.deps, bkk('2024-07-01 08:30'));
    expect((await reminders()).filter((r) => r.startsWith(`1 ${MUNI}`))).toEqual([
      `1 ${MUNI} d-7@2024-07-01`,
    ]);
    await runReminders(f.h.deps, bkk('2024-07-08 08:30'));
    expect((await reminders()).filter((r) => r.startsWith(`1 ${MUNI}`))).toEqual([
      `1 ${MUNI} d-7@2024-07-01`,
      `1 ${MUNI} d-7@2024-07-15`,
    ]);
  });

  it('follows a change of responsible agencies', async () => {
    await runReminders(f.h.deps, bkk('2024-07-03 08:30'));
    expect((await reminders()).filter((r) => r.startsWith('4 '))).toEqual([`4 ${MUNI} d-7@2024-07-10`]);
    await updateActivity(f.db, f.picked.id, { agencyIds: [LINE_AGENCY] }, bkk('2024-07-04 09:00'));
    await runReminders(f.h.deps, bkk('2024-07-08 08:30'));
    expect((await reminders()).filter((r) => r.startsWith('4 '))).toEqual([
      `4 ${LINE_AGENCY} d-3@2024-07-10`,
      `4 ${MUNI} d-7@2024-07-10`,
    ]);
  });

  it('reminds an agency once it binds a group, with its latest slot', async () => {
    await runReminders(f.h.deps, bkk('2024-06-24 08:30'));
    expect((await reminders()).some((r) => r.includes(SAO))).toBe(false);
    await f.db.kysely
      .insertInto('line_groups')
      .values({
        group_id: `C${'e'.repeat(32)}`,
        agency_id: SAO,
        province_id: PROVINCE,
        kind: 'staff',
        bound_at: 'x',
      })
      .execute();
    await runReminders(f.h.deps, bkk('2024-06-25 10:00'));
    expect((await reminders()).filter((r) => r.includes(SAO))).toEqual([`1 ${SAO} d-7@2024-07-01`]);
  });
});
