// `งาน` / `tasks` and the "เสร็จแล้ว" button as conversations with the demo province (10 June 2026, FY2569).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultActivityKey } from '../../../../bot/features/plan/default-plan.ts';
import { runReminders } from '../../../../bot/features/plan/reminders.ts';
import { PROVINCIAL_OFFICE_ID } from '../../../../bot/tools/demo/agencies.ts';
import {
  DEMO_CITIZEN_ID,
  DEMO_COORDINATOR_ID,
  DEMO_OFFICERS_GROUP_ID,
  DEMO_STAFF_ID,
  demoGroupIdOf,
} from '../../../../bot/tools/demo/line.ts';
import { bangkokTime } from '../../../../core/index.ts';
import {
  findActivityStatus,
  listStatusHistory,
  setActivityStatus,
} from '../../../../db/queries/activity-status.ts';
import { findLineUser } from '../../../../db/queries/line-users.ts';
import { type Activity, listActivities } from '../../../../db/queries/plan-activities.ts';
import { grantRole } from '../../../../db/queries/user-roles.ts';
import { makePostbackEvent } from '../../../support/events.ts';
import { checkAndClose } from '../../../support/harness.ts';
import {
  answerTo,
  buttons,
  type Conversation,
  groupIdOf,
  NOW,
  readable,
  startConversation,
  userIdOf,
} from '../../line/events/conversation.ts';

const RANGSIT = 'nakhon-rangsit';
const RANGSIT_GROUP = demoGroupIdOf(RANGSIT);
/** Staff of no agency the demo staff member works for. */
const OTHER_AGENCY = 'khu-khot-town';

let c: Conversation;
let iit: Activity;
let secretariat: Activity;
beforeEach(async () => {
  c = await startConversation();
  const plan = await listActivities(c.h.deps.db, 'pathum-thani', 2569);
  const byKey = (seq: number) => plan.find((a) => a.key === defaultActivityKey(seq));
  const [a, b] = [byKey(8), byKey(1)];
  if (!a || !b) throw new Error('demo plan is missing activities');
  [iit, secretariat] = [a, b];
  // Whatever the demo drew, these agencies have the IIT answers still open.
  for (const agencyId of [RANGSIT, OTHER_AGENCY, PROVINCIAL_OFFICE_ID])
    await setActivityStatus(
      c.h.deps.db,
      { activityId: iit.id, agencyId, status: 'in_progress', by: null },
      NOW,
    );
});
afterEach(() => checkAndClose(c.h));

const done = (activity: Activity, agencyId: string) => `a=done&act=${activity.id}&ag=${agencyId}`;

/** The postback data of every button in the messages (labels repeat: one "เสร็จแล้ว" per task). */
function presses(messages: readonly unknown[]): string[] {
  const found: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (typeof value === 'object' && value !== null) {
      if ('type' in value && value.type === 'postback' && 'data' in value && typeof value.data === 'string')
        found.push(value.data);
      Object.values(value).forEach(walk);
    }
  };
  walk(messages);
  return found;
}

describe('งาน / tasks', () => {
  it('lists the open tasks of a bound group’s agency, each with a done button', async () => {
    const answer = await c.say('งาน', { user: DEMO_STAFF_ID, group: RANGSIT_GROUP });
    expect(answer).toHaveLength(2);
    const text = readable(answer);
    expect(text).toMatch(/^เทศบาลนครรังสิต มีงาน ITA ที่ยังไม่เสร็จ \d+ งาน/);
    expect(text).toContain('ข้อ 8 ให้ผู้มีส่วนได้ส่วนเสียภายในตอบแบบวัด IIT ให้แล้วเสร็จ');
    expect(text).toContain('กำหนดเสร็จ 1 ก.ค. 2569');
    expect(text).toContain('เหลืออีก 21 วัน');
    expect(text).toMatch(/ผู้ตอบ IIT: /);
    const data = presses(answer);
    expect(data).toContain(done(iit, RANGSIT));
    expect(data.every((d) => d.endsWith(`&ag=${RANGSIT}`))).toBe(true);
  });

  it('answers the English alias, in a group, for anyone in it', async () => {
    const answer = await c.say('tasks', { user: userIdOf(5), group: RANGSIT_GROUP });
    expect(readable(answer)).toContain('เทศบาลนครรังสิต มีงาน ITA ที่ยังไม่เสร็จ');
  });

  it('stays quiet when a sentence in a group merely starts with the word', async () => {
    expect(await c.say('งานนี้ใครรับผิดชอบคะ', { user: DEMO_STAFF_ID, group: RANGSIT_GROUP })).toEqual([]);
  });

  it('explains how to bind a group that is not bound', async () => {
    const text = readable(await c.say('งาน', { user: DEMO_STAFF_ID, group: groupIdOf(3) }));
    expect(text).toContain('กลุ่มนี้ยังไม่ได้ผูกกับหน่วยงาน');
    expect(text).toContain('ผูกกลุ่ม <รหัส 6 ตัว>');
  });

  it('points the officers’ group and a room elsewhere', async () => {
    expect(readable(await c.say('งาน', { user: DEMO_STAFF_ID, group: DEMO_OFFICERS_GROUP_ID }))).toContain(
      'กลุ่มเจ้าหน้าที่รับเรื่องร้องเรียน',
    );
    expect(readable(await c.say('งาน', { user: DEMO_STAFF_ID, room: `R${'7'.repeat(32)}` }))).toContain(
      'ในกลุ่ม LINE ที่ผูกกับหน่วยงาน หรือในแชตส่วนตัว',
    );
  });

  it('lists a staff member’s tasks across their agencies in 1:1 chat', async () => {
    const answer = await c.say('งาน', { user: DEMO_STAFF_ID });
    expect(readable(answer)).toMatch(/^หน่วยงานที่ท่านรับผิดชอบ มีงาน ITA ที่ยังไม่เสร็จ \d+ งาน/);
    expect(readable(answer)).toContain('เทศบาลนครรังสิต');
    expect(presses(answer)).toContain(done(iit, RANGSIT));
  });

  it('lists the provincial office’s own tasks for a coordinator', async () => {
    const answer = await c.say('งาน', { user: DEMO_COORDINATOR_ID });
    expect(readable(answer)).toMatch(/^จังหวัดปทุมธานี /);
    expect(presses(answer)).toContain(done(iit, PROVINCIAL_OFFICE_ID));
    expect(presses(answer).every((d) => d.endsWith(`&ag=${PROVINCIAL_OFFICE_ID}`))).toBe(true);
  });

  it('tells a citizen the list is for agency staff', async () => {
    expect(readable(await c.say('งาน', { user: DEMO_CITIZEN_ID }))).toContain(
      'สำหรับเจ้าหน้าที่ผู้รับผิดชอบของหน่วยงาน',
    );
  });

  it('is in the help of staff, and not of citizens', async () => {
    expect(readable(await c.say('ช่วยเหลือ', { user: DEMO_STAFF_ID, group: RANGSIT_GROUP }))).toContain(
      '• งาน — ',
    );
    expect(readable(await c.say('ช่วยเหลือ', { user: DEMO_CITIZEN_ID }))).not.toContain('• งาน — ');
  });
});

describe('the เสร็จแล้ว button', () => {
  it('marks the task done for the agency with who and when, and answers in the group', async () => {
    const answer = await c.press(done(iit, RANGSIT), { user: DEMO_STAFF_ID, group: RANGSIT_GROUP });
    expect(readable(answer)).toBe(
      'ขอบคุณค่ะ บันทึกว่า "ข้อ 8 ให้ผู้มีส่วนได้ส่วนเสียภายในตอบแบบวัด IIT ให้แล้วเสร็จ" ของเทศบาลนครรังสิต เสร็จแล้ว ' +
        'โดย ธนพล (ผู้รับผิดชอบ ITA หน่วยงาน) เมื่อ 10 มิ.ย. 2569 10:00 น.\nระบบจะไม่แจ้งเตือนงานนี้อีกค่ะ\n' +
        'หากกดผิด กด "ยกเลิก" ได้ภายใน 10 นาที\nยกเลิก',
    );
    expect(await findActivityStatus(c.h.deps.db, iit.id, RANGSIT)).toMatchObject({
      status: 'done',
      updatedBy: DEMO_STAFF_ID,
    });
  });

  it('can be undone with ยกเลิก within 10 minutes: the task is open again, its reminders resume', async () => {
    const from = { user: DEMO_STAFF_ID, group: RANGSIT_GROUP };
    const before = (await findActivityStatus(c.h.deps.db, iit.id, RANGSIT))?.status ?? 'not_started';
    const answer = await c.press(done(iit, RANGSIT), from);
    const undo = buttons(answer).get('ยกเลิก') ?? '';
    // Someone who may not mark the agency's tasks cannot take it back either.
    expect(readable(await c.press(undo, { user: DEMO_CITIZEN_ID, group: RANGSIT_GROUP }))).toContain('ขออภัย');
    expect(readable(await c.press(undo, from))).toContain('กลับเป็นงานที่ยังไม่เสร็จ');
    expect((await findActivityStatus(c.h.deps.db, iit.id, RANGSIT))?.status).toBe(before);
    expect(readable(await c.press(undo, from))).toContain('ไม่ได้บันทึกว่าเสร็จอยู่แล้ว');
    // Eleven minutes after a press, it stays done.
    await c.press(done(iit, RANGSIT), from);
    await c.h.deps.db.kysely
      .updateTable('activity_status')
      .set({ updated_at: new Date(NOW.getTime() - 11 * 60_000).toISOString() })
      .where('activity_id', '=', iit.id)
      .where('agency_id', '=', RANGSIT)
      .execute();
    expect(readable(await c.press(undo, from))).toContain('เกิน 10 นาที');
    expect((await findActivityStatus(c.h.deps.db, iit.id, RANGSIT))?.status).toBe('done');
  });

  it('keeps the first press when pressed again, by anyone', async () => {
    await c.press(done(iit, RANGSIT), { user: DEMO_STAFF_ID, group: RANGSIT_GROUP });
    const before = await listStatusHistory(c.h.deps.db, iit.id, RANGSIT);
    const again = await c.press(done(iit, RANGSIT), { user: DEMO_COORDINATOR_ID, group: RANGSIT_GROUP });
    expect(readable(again)).toBe(
      '"ข้อ 8 ให้ผู้มีส่วนได้ส่วนเสียภายในตอบแบบวัด IIT ให้แล้วเสร็จ" ของเทศบาลนครรังสิต บันทึกไว้แล้วว่าเสร็จ ' +
        'โดย ธนพล (ผู้รับผิดชอบ ITA หน่วยงาน) เมื่อ 10 มิ.ย. 2569 10:00 น. ค่ะ',
    );
    expect(await listStatusHistory(c.h.deps.db, iit.id, RANGSIT)).toEqual(before);
    expect(await findActivityStatus(c.h.deps.db, iit.id, RANGSIT)).toMatchObject({
      updatedBy: DEMO_STAFF_ID,
    });
  });

  it('lets a coordinator mark any agency’s task', async () => {
    const answer = await c.press(done(iit, OTHER_AGENCY), { user: DEMO_COORDINATOR_ID });
    expect(readable(answer)).toContain('ของเทศบาลเมืองคูคต เสร็จแล้ว โดย สุดารัตน์ (ผู้ประสานงาน ITA จังหวัด)');
  });

  it('refuses staff of another agency and a citizen politely, recording nothing', async () => {
    const staff = await c.press(done(iit, OTHER_AGENCY), { user: DEMO_STAFF_ID, group: RANGSIT_GROUP });
    expect(readable(staff)).toContain('ทำได้เฉพาะเจ้าหน้าที่ ITA ของเทศบาลเมืองคูคต หรือผู้ประสานงานจังหวัด');
    const citizen = await c.press(done(iit, RANGSIT), { user: DEMO_CITIZEN_ID });
    expect(readable(citizen)).toContain('ทำได้เฉพาะเจ้าหน้าที่ ITA ของเทศบาลนครรังสิต');
    expect((await findActivityStatus(c.h.deps.db, iit.id, RANGSIT))?.status).toBe('in_progress');
    expect((await findActivityStatus(c.h.deps.db, iit.id, OTHER_AGENCY))?.status).toBe('in_progress');
  });

  it('explains why it cannot record a press LINE sent without a user id', async () => {
    const event = makePostbackEvent(done(iit, RANGSIT), {
      source: { type: 'group', groupId: RANGSIT_GROUP },
    });
    await c.h.send(event);
    expect(readable(answerTo(c.h, event.replyToken))).toContain('LINE ไม่ได้แจ้งว่าใครเป็นผู้กดปุ่มนี้');
    expect((await findActivityStatus(c.h.deps.db, iit.id, RANGSIT))?.status).toBe('in_progress');
  });

  it('says a button is out of date when the task is gone or no longer the agency’s', async () => {
    const gone = await c.press(`a=done&act=not-a-task&ag=${RANGSIT}`, {
      user: DEMO_STAFF_ID,
      group: RANGSIT_GROUP,
    });
    expect(readable(gone)).toContain('ไม่พบงานนี้แล้ว');
    const notTheirs = await c.press(done(secretariat, RANGSIT), { user: DEMO_COORDINATOR_ID });
    expect(readable(notTheirs)).toContain('ไม่พบงานนี้แล้ว');
  });

  it('names a new staff member from their LINE profile and remembers it', async () => {
    const newcomer = userIdOf(9);
    await grantRole(
      c.h.deps.db,
      { userId: newcomer, role: 'staff', provinceId: 'pathum-thani', agencyId: RANGSIT, grantedBy: null },
      NOW,
    );
    const answer = await c.press(done(iit, RANGSIT), { user: newcomer, group: RANGSIT_GROUP });
    expect(readable(answer)).toContain(`โดย LINE user ${newcomer.slice(-4)} เมื่อ`);
    expect((await findLineUser(c.h.deps.db, newcomer))?.displayName).toBe(`LINE user ${newcomer.slice(-4)}`);
  });

  it('stops the agency’s reminders for the task', async () => {
    await c.press(done(iit, RANGSIT), { user: DEMO_STAFF_ID, group: RANGSIT_GROUP });
    await runReminders(c.h.deps, bangkokTime(2026, 6, 24, 8, 30));
    const rows = await c.h.deps.db.kysely
      .selectFrom('reminder_log')
      .select(['target_id', 'slot'])
      .where('subject_id', '=', iit.id)
      .execute();
    expect(rows.map((r) => r.target_id)).toContain(OTHER_AGENCY);
    expect(rows.map((r) => r.target_id)).not.toContain(RANGSIT);
    expect(rows.every((r) => r.slot === 'd-7@2026-07-01')).toBe(true);
  });
});
