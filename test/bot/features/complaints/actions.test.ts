// Officers' buttons in the group and the reporter's updates, rating and reopen, through the fake LINE.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyComplaintAction } from '../../../../bot/features/complaints/actions.ts';
import { resolveWho } from '../../../../bot/line/chat/who.ts';
import { drainOutbox } from '../../../../bot/line/outbox/index.ts';
import { listAudit } from '../../../../db/queries/audit-log.ts';
import { findComplaintById } from '../../../../db/queries/complaints.ts';
import { groupSource, makePostbackEvent, makeTextEvent, userSource } from '../../../support/events.ts';
import { checkAndClose } from '../../../support/harness.ts';
import { answerTo, buttons, readable } from '../../line/events/conversation.ts';
import {
  CITIZEN,
  type Fixture,
  G_OFFICERS_A,
  OFFICER_A,
  OFFICER_B,
  OFFICER_PROVINCE,
  REPORTER,
  STAFF_A,
  startOfficersFixture,
} from './officers-fixture.ts';

let f: Fixture;
beforeEach(async () => {
  f = await startOfficersFixture();
});
afterEach(() => checkAndClose(f.h));

async function press(data: string, source: ReturnType<typeof groupSource>) {
  const event = makePostbackEvent(data, { source, timestamp: f.clock.now.getTime() });
  await f.h.send(event);
  return readable(answerTo(f.h, event.replyToken));
}

async function say(text: string, userId: string) {
  const event = makeTextEvent(text, { source: userSource(userId), timestamp: f.clock.now.getTime() });
  await f.h.send(event);
  return answerTo(f.h, event.replyToken);
}

/** Sends what the outbox holds and returns the texts the reporter received. */
async function reporterInbox(): Promise<string> {
  await drainOutbox(f.h.deps, f.clock.now);
  return readable(f.h.fake.messagesTo(REPORTER));
}

async function act(userId: string, action: 'close' | 'take' | 'reject', text?: string) {
  const who = await resolveWho(f.h.deps.db, userId);
  return applyComplaintAction(f.h.deps, { complaintId: '', action, actor: { userId, who }, text });
}

describe('complaint.ack and complaint.take buttons', () => {
  it('acknowledges for an officer of the agency, says who did it, audits it and tells the reporter', async () => {
    const c = await f.file();
    const answer = await press(`a=complaint.ack&id=${c.id}`, groupSource(G_OFFICERS_A, OFFICER_A));
    expect(answer).toContain('สมศรี เจ้าหน้าที่ รับทราบเรื่อง');
    expect(answer).toContain(c.trackingCode);
    expect(answer).not.toContain('เรียกรับเงิน');
    expect((await findComplaintById(f.h.deps.db, c.id))?.status).toBe('acknowledged');
    const audit = await listAudit(f.h.deps.db, { subjectType: 'complaint', subjectId: c.id });
    expect(audit.map((a) => [a.actor, a.action])).toEqual([[OFFICER_A, 'complaint.status']]);
    expect(audit[0]?.detail).toEqual({ action: 'acknowledge', from: 'received', to: 'acknowledged' });
    const inbox = await reporterInbox();
    expect(inbox).toContain(c.trackingCode);
    expect(inbox).toContain('หน่วยงานรับทราบเรื่องแล้ว');
  });

  it('answers a second press, by anyone, with who did it first', async () => {
    const c = await f.file();
    await press(`a=complaint.ack&id=${c.id}`, groupSource(G_OFFICERS_A, OFFICER_A));
    const again = await press(`a=complaint.ack&id=${c.id}`, groupSource(G_OFFICERS_A, OFFICER_PROVINCE));
    expect(again).toContain(`${c.trackingCode}: หน่วยงานรับทราบเรื่องแล้ว โดย สมศรี เจ้าหน้าที่`);
    const taken = await press(`a=complaint.take&id=${c.id}`, groupSource(G_OFFICERS_A, OFFICER_PROVINCE));
    expect(taken).toContain('วิชัย ศูนย์ดำรงธรรม รับเรื่องไว้ดำเนินการ');
    const late = await press(`a=complaint.take&id=${c.id}`, groupSource(G_OFFICERS_A, OFFICER_A));
    expect(late).toContain('โดย วิชัย ศูนย์ดำรงธรรม');
    const now = await findComplaintById(f.h.deps.db, c.id);
    expect([now?.status, now?.assignedTo]).toEqual(['in_progress', OFFICER_PROVINCE]);
  });

  it.each([
    ['another agency’s officer', OFFICER_B],
    ['the agency’s ITA staff', STAFF_A],
    ['a citizen', CITIZEN],
    ['a plain group member', `U${'e'.repeat(32)}`],
  ])('refuses %s and changes nothing', async (_who, userId) => {
    const c = await f.file();
    const answer = await press(`a=complaint.take&id=${c.id}`, groupSource(G_OFFICERS_A, userId));
    expect(answer).toContain('ปุ่มนี้สำหรับเจ้าหน้าที่รับเรื่องร้องเรียนของหน่วยงานที่เกี่ยวข้องเท่านั้น');
    const now = await findComplaintById(f.h.deps.db, c.id);
    expect([now?.status, now?.assignedTo]).toEqual(['received', null]);
    expect(await listAudit(f.h.deps.db, { subjectId: c.id })).toEqual([]);
  });

  it('asks for a user id when LINE does not say who pressed', async () => {
    const c = await f.file();
    const answer = await press(`a=complaint.ack&id=${c.id}`, { type: 'group', groupId: G_OFFICERS_A });
    expect(answer).toContain('LINE ไม่ได้แจ้งว่าใครเป็นผู้กดปุ่มนี้');
    expect((await findComplaintById(f.h.deps.db, c.id))?.status).toBe('received');
  });
});

describe('applyComplaintAction', () => {
  it('requires the result to close and sets the retention date when closing', async () => {
    const c = await f.file();
    const who = await resolveWho(f.h.deps.db, OFFICER_A);
    const base = { complaintId: c.id, actor: { userId: OFFICER_A, who } };
    const missing = await applyComplaintAction(f.h.deps, { ...base, action: 'close', text: '  ' });
    expect(missing).toMatchObject({
      ok: false,
      reason: 'needs_text',
      message: 'โปรดระบุผลการดำเนินการก่อนปิดเรื่อง',
    });
    const closed = await applyComplaintAction(f.h.deps, { ...base, action: 'close', text: 'คืนเงินส่วนเกินแล้ว' });
    expect(closed.ok).toBe(true);
    const row = await findComplaintById(f.h.deps.db, c.id);
    expect(row?.result).toBe('คืนเงินส่วนเกินแล้ว');
    expect(row?.deleteAfter).toBe(new Date(f.clock.now.getTime() + 730 * 86_400_000).toISOString());
    expect([row?.acknowledgedAt, row?.repliedAt, row?.closedAt]).toEqual(
      Array(3).fill(f.clock.now.toISOString()),
    );
  });

  it('lets exactly one of two officers pressing at once take the case', async () => {
    const c = await f.file();
    const take = async (userId: string) =>
      applyComplaintAction(f.h.deps, {
        complaintId: c.id,
        action: 'take',
        actor: { userId, who: await resolveWho(f.h.deps.db, userId) },
      });
    const results = await Promise.all([take(OFFICER_A), take(OFFICER_PROVINCE)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const audit = await listAudit(f.h.deps.db, { subjectId: c.id });
    expect(audit).toHaveLength(1);
    expect((await findComplaintById(f.h.deps.db, c.id))?.assignedTo).toBe(audit[0]?.actor);
  });

  it('reports an unknown complaint as not found', async () => {
    expect(await act(OFFICER_A, 'take')).toMatchObject({ ok: false, reason: 'not_found' });
  });

  it('pushes nothing for a "tracking code only" complaint', async () => {
    const c = await f.file({ mode: 'code_only' });
    await press(`a=complaint.ack&id=${c.id}`, groupSource(G_OFFICERS_A, OFFICER_A));
    expect(await reporterInbox()).toBe('');
    const rows = await f.h.deps.db.kysely.selectFrom('outbox').select('recipient').execute();
    expect(rows.map((r) => r.recipient)).not.toContain(REPORTER);
  });
});

describe('the reporter after closing', () => {
  it('offers a rating, thanks with the EIT link, then reopens once with a reason', async () => {
    const c = await f.file({ mode: 'anonymous_updates' });
    const who = await resolveWho(f.h.deps.db, OFFICER_A);
    const close = (text: string) =>
      applyComplaintAction(f.h.deps, {
        complaintId: c.id,
        action: 'close',
        actor: { userId: OFFICER_A, who },
        text,
      });
    await close('ซ่อมไฟทางแล้ว');
    const closing = await reporterInbox();
    expect(closing).toContain('ผลการดำเนินการ: ซ่อมไฟทางแล้ว');
    const offered = buttons(f.h.fake.messagesTo(REPORTER));
    const five = offered.get('5 ★★★★★') ?? '';
    expect(five).toBe(`a=complaint.rate&code=${c.trackingCode}&r=5`);

    const thanks = await press(five, userSource(REPORTER));
    expect(thanks).toContain('ขอบคุณที่ให้คะแนน 5 จาก 5');
    expect(thanks).toContain('https://ita.example.go.th/s/EITA2567?c=line');
    expect(await press(five, userSource(REPORTER))).toContain('ได้รับคะแนนจากท่านแล้ว');
    expect((await findComplaintById(f.h.deps.db, c.id))?.rating).toBe(5);

    const how = await press(offered.get('ขอพิจารณาอีกครั้ง') ?? '', userSource(REPORTER));
    expect(how).toContain(`เปิดเรื่องอีกครั้ง ${c.trackingCode}`);
    const typed = c.trackingCode.replaceAll('-', '').toLowerCase();
    expect(readable(await say(`เปิดเรื่องอีกครั้ง ${typed} ไฟดับอีกแล้ว`, CITIZEN))).toContain('ส่งคำขอ');
    const reopened = await findComplaintById(f.h.deps.db, c.id);
    expect([reopened?.status, reopened?.reopenedCount, reopened?.closedAt]).toEqual(['reopened', 1, null]);
    expect(reopened?.deleteAfter).toBeNull();
    await drainOutbox(f.h.deps, f.clock.now);
    const toGroup = readable(f.h.fake.messagesTo(G_OFFICERS_A));
    expect(toGroup).toContain(`ผู้ร้องขอให้พิจารณาเรื่อง ${c.trackingCode} อีกครั้ง`);
    expect(toGroup).not.toContain('ไฟดับอีกแล้ว');

    await close('ซ่อมอีกครั้งแล้ว');
    const twice = readable(await say(`เปิดเรื่องอีกครั้ง ${c.trackingCode} ยังไม่หาย`, REPORTER));
    expect(twice).toContain('ขอได้เพียง 1 ครั้ง');
    const audit = await listAudit(f.h.deps.db, { subjectId: c.id });
    expect(audit.map((a) => a.actor)).toEqual([OFFICER_A, 'reporter', OFFICER_A]);
  });
});
