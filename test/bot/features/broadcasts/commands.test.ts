// Announcements as conversations: preview, audience filters and picker, confirm once, the outbox, the report.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LineMessage } from '../../../../bot/dev/fake-line/types.ts';
import { parseAudience } from '../../../../bot/features/broadcasts/audience.ts';
import { runScheduler } from '../../../../bot/scheduler.ts';
import {
  DEMO_CITIZEN_ID,
  DEMO_COORDINATOR_ID,
  DEMO_OFFICER_ID,
  DEMO_STAFF_ID,
  demoGroupIdOf,
} from '../../../../bot/tools/demo/line.ts';
import { findBroadcast } from '../../../../db/queries/broadcasts.ts';
import { listMemberCounts, setMemberCount } from '../../../../db/queries/group-members.ts';
import { type GroupFilter, listBoundGroups, markGroupLeft } from '../../../../db/queries/line-groups.ts';
import { countOutboxByState } from '../../../../db/queries/outbox.ts';
import { makePostbackEvent, userSource } from '../../../support/events.ts';
import { checkAndClose } from '../../../support/harness.ts';
import {
  answerTo,
  buttons,
  type Conversation,
  NOW,
  readable,
  startConversation,
} from '../../line/events/conversation.ts';

const COORDINATOR = { user: DEMO_COORDINATOR_ID };
const HEADING = '📢 ประกาศจากผู้ประสานงาน ITA จังหวัดปทุมธานี';

let c: Conversation;
beforeEach(async () => {
  c = await startConversation();
});
afterEach(() => checkAndClose(c.h));

/** The number of groups the preview's confirm card announces. */
function countIn(preview: readonly LineMessage[]): number {
  return Number(/จำนวน (\d+) กลุ่ม/.exec(readable(preview))?.[1] ?? 0);
}

const sendButton = (preview: readonly LineMessage[]) => buttons(preview).get('ส่ง') ?? '';
const idOf = (data: string) => new URLSearchParams(data).get('id') ?? '';

async function staffGroupCount(filter: GroupFilter = {}) {
  return (await listBoundGroups(c.h.deps.db, 'pathum-thani', { kind: 'staff', ...filter })).length;
}

const FILTERS: [string, GroupFilter, string][] = [
  ['[อปท.]', { agencyTypes: ['pao', 'municipality', 'sao'] }, 'อบจ., เทศบาล, อบต.'],
  ['[ประเภท: เทศบาล]', { agencyTypes: ['municipality'] }, 'กลุ่มของหน่วยงาน เทศบาล'],
  ['[อำเภอ: คลองหลวง, ธัญบุรี]', { districts: ['คลองหลวง', 'ธัญบุรี'] }, 'ในอำเภอคลองหลวง, ธัญบุรี'],
  ['[อบต.] [อำเภอคลองหลวง]', { agencyTypes: ['sao'], districts: ['คลองหลวง'] }, 'อบต. ในอำเภอคลองหลวง'],
];

describe('ประกาศ / announce', () => {
  it('previews the exact message, confirms once, queues one push per group, and reports delivery', async () => {
    const preview = await c.say('ประกาศ ขอเชิญประชุมชี้แจง ITA\nวันที่ 20 มิ.ย. เวลา 09:30 น.', COORDINATOR);
    expect(preview).toHaveLength(2);
    const exact = `${HEADING}\n\nขอเชิญประชุมชี้แจง ITA\nวันที่ 20 มิ.ย. เวลา 09:30 น.`;
    expect(preview[0]).toEqual({ type: 'text', text: exact });
    const groups = await staffGroupCount();
    expect(groups).toBeGreaterThan(20);
    expect(countIn(preview)).toBe(groups);
    expect(readable(preview)).toContain('ทุกกลุ่มหน่วยงานที่ผูกแล้ว');

    const send = sendButton(preview);
    expect(readable(await c.press(send, COORDINATOR))).toContain(`กำลังส่งประกาศถึง ${groups} กลุ่ม`);
    expect(readable(await c.press(send, COORDINATOR))).toContain('ส่งไปแล้ว');
    const source = { kind: 'broadcast', id: idOf(send) };
    expect(await countOutboxByState(c.h.deps.db, source)).toEqual({
      pending: groups,
      sending: 0,
      sent: 0,
      failed: 0,
    });

    await runScheduler(c.h.deps, NOW);
    // The same tick may also nudge the group about its survey; the announcement arrives exactly once.
    const inGroup = c.h.fake.messagesTo(demoGroupIdOf('nakhon-rangsit'));
    expect(
      inGroup.filter((m) => JSON.stringify(m) === JSON.stringify({ type: 'text', text: exact })),
    ).toHaveLength(1);
    await runScheduler(c.h.deps, NOW);
    const report = readable(c.h.fake.messagesTo(DEMO_COORDINATOR_ID));
    expect(report).toContain(`ส่งสำเร็จ ${groups} จาก ${groups} กลุ่ม`);
    expect((await findBroadcast(c.h.deps.db, idOf(send)))?.state).toBe('sent');
    await runScheduler(c.h.deps, NOW);
    // One delivery report, however many ticks run (the coordinator's daily digest may arrive too).
    const reports = c.h.fake.messagesTo(DEMO_COORDINATOR_ID).filter((m) => readable([m]).includes('ส่งสำเร็จ'));
    expect(reports).toHaveLength(1);
  });

  it('queues once when the send button is pressed twice at once', async () => {
    const preview = await c.say('ประกาศ ทดสอบกดซ้ำ', COORDINATOR);
    const send = sendButton(preview);
    const taps = [1, 2].map(() =>
      makePostbackEvent(send, { source: userSource(DEMO_COORDINATOR_ID), timestamp: NOW.getTime() }),
    );
    await c.h.send(...taps);
    const answers = taps.map((t) => readable(answerTo(c.h, t.replyToken)));
    expect(answers.filter((a) => a.includes('กำลังส่งประกาศ'))).toHaveLength(1);
    expect(answers.filter((a) => a.includes('ส่งไปแล้ว'))).toHaveLength(1);
    const queued = await countOutboxByState(c.h.deps.db, { kind: 'broadcast', id: idOf(send) });
    expect(queued.pending).toBe(countIn(preview));
  });

  it('names the agencies whose group could not be reached', async () => {
    // The day's reminders and digest go first (the outbox sends announcements after them): out of the way.
    await runScheduler(c.h.deps, NOW);
    const preview = await c.say('ประกาศ [อำเภอ: คลองหลวง] ทดสอบ', COORDINATOR);
    await c.press(sendButton(preview), COORDINATOR);
    c.h.fake.failNext(1, { status: 400, paths: ['/v2/bot/message/push'] });
    await runScheduler(c.h.deps, NOW);
    await runScheduler(c.h.deps, NOW);
    const report = readable(c.h.fake.messagesTo(DEMO_COORDINATOR_ID));
    expect(report).toContain(`ส่งสำเร็จ ${countIn(preview) - 1} จาก ${countIn(preview)} กลุ่ม`);
    expect(report).toMatch(/ส่งไม่สำเร็จ 1 กลุ่ม:\n• \S+/);
  });

  it.each(FILTERS)('sends %s only to the groups it selects', async (filter, query, audience) => {
    const preview = await c.say(`ประกาศ ${filter} ส่งรายงานภายในวันศุกร์`, COORDINATOR);
    expect(countIn(preview)).toBe(await staffGroupCount(query));
    expect(countIn(preview)).toBeGreaterThan(0);
    expect(readable(preview)).toContain(audience);
    expect(readable([preview[0] ?? { type: 'none' }])).toContain('\n\nส่งรายงานภายในวันศุกร์');
  });

  it('sends [ยังไม่เสร็จ: N] to the agencies not done with activity N', async () => {
    const pick = await c.press(`a=bc-pick&id=none&by=activity`, COORDINATOR);
    expect(readable(pick)).toContain('ไม่พบประกาศนี้');
    const draft = await c.say('ประกาศ เร่งดำเนินการ', COORDINATOR);
    const choices = buttons(
      await c.press(`a=bc-pick&id=${idOf(sendButton(draft))}&by=activity`, COORDINATOR),
    );
    const seq = /ข้อ (\d+)/.exec([...choices.keys()][0] ?? '')?.[1] ?? '';
    expect(seq).not.toBe('');
    const preview = await c.say(
      `ประกาศ [ยังไม่เสร็จ: ${seq.replace(/\d/g, (d) => '๐๑๒๓๔๕๖๗๘๙'[Number(d)] ?? d)}] เร่งดำเนินการ`,
      COORDINATOR,
    );
    expect(readable(preview)).toContain(`ที่ยังไม่เสร็จงานข้อ ${seq}`);
    expect(countIn(preview)).toBeGreaterThan(0);
    expect(countIn(preview)).toBeLessThan(await staffGroupCount());
  });

  it('keeps a bracket that is not a filter as part of the text', async () => {
    const preview = await c.say('ประกาศ [ด่วน] ประชุมบ่ายนี้', COORDINATOR);
    expect(readable([preview[0] ?? { type: 'none' }])).toContain('[ด่วน] ประชุมบ่ายนี้');
    expect(countIn(preview)).toBe(await staffGroupCount());
  });

  it.each([
    ['an unknown type', 'ประกาศ [ประเภท: กระทรวง] ข้อความ', 'ไม่รู้จักประเภทหน่วยงาน'],
    ['an unknown district', 'ประกาศ [อำเภอ: บางบัวทอง] ข้อความ', 'อำเภอที่มี: คลองหลวง'],
    ['an activity that is not a number', 'ประกาศ [ยังไม่เสร็จ: OIT] ข้อความ', 'เลขข้อ'],
    ['an activity not in the plan', 'ประกาศ [ยังไม่เสร็จ: 99] ข้อความ', 'ไม่พบงานข้อ 99'],
    ['no text', 'ประกาศ', 'พิมพ์ "ประกาศ" ตามด้วยข้อความ'],
    ['only a filter', 'announce [อปท.]', 'พิมพ์ "ประกาศ" ตามด้วยข้อความ'],
  ])('explains %s and drafts nothing', async (_what, text, expected) => {
    const answer = await c.say(text, COORDINATOR);
    expect(readable(answer)).toContain(expected);
    expect(buttons(answer).has('ส่ง')).toBe(false);
  });

  it('refuses text longer than LINE can carry in one message', async () => {
    const answer = await c.say(`ประกาศ ${'ก'.repeat(4990)}`, COORDINATOR);
    expect(readable(answer)).toMatch(/ข้อความยาว 4,990 ตัวอักษร เกินกว่าที่ LINE ส่งได้/);
    const fits = await c.say(`ประกาศ ${'ก'.repeat(4900)}`, COORDINATOR);
    expect(countIn(fits)).toBeGreaterThan(0);
  });

  it.each([
    ['staff', DEMO_STAFF_ID],
    ['officer', DEMO_OFFICER_ID],
    ['citizen', DEMO_CITIZEN_ID],
  ])('refuses a %s in 1:1 chat and stays quiet when they say it in a group', async (_role, user) => {
    expect(readable(await c.say('ประกาศ ทดสอบ', { user }))).toContain('เฉพาะผู้ประสานงานจังหวัด');
    expect(await c.say('ประกาศผล ITA ออกแล้วนะ', { user, group: demoGroupIdOf('nakhon-rangsit') })).toEqual(
      [],
    );
  });

  it('points a coordinator in a group to 1:1 chat', async () => {
    const answer = await c.say('ประกาศ ทดสอบ', { ...COORDINATOR, group: demoGroupIdOf('nakhon-rangsit') });
    expect(readable(answer)).toContain('แชตส่วนตัว');
  });

  it('leaves out groups the bot was removed from', async () => {
    const before = countIn(await c.say('ประกาศ ทดสอบ', COORDINATOR));
    await markGroupLeft(c.h.deps.db, demoGroupIdOf('nakhon-rangsit'), NOW);
    expect(countIn(await c.say('ประกาศ ทดสอบ', COORDINATOR))).toBe(before - 1);
  });
});

describe('the preview prices the announcement in LINE’s monthly quota', () => {
  /** LINE's figures this month (the fake LINE API's /quota and /quota/consumption), and 12 members a group. */
  async function lineSays(limit: number | undefined, used: number) {
    (c.h.fake.options as { quotaLimit?: number }).quotaLimit = limit;
    c.h.fake.totalUsage = used;
    const counts = await listMemberCounts(c.h.deps.db);
    for (const groupId of counts.keys()) await setMemberCount(c.h.deps.db, groupId, 12, NOW);
  }

  it('shows what it costs (12 a group) and what remains of the month after it', async () => {
    await lineSays(5_000, 1_234);
    const preview = await c.say('ประกาศ ขอเชิญประชุม', COORDINATOR);
    const groups = countIn(preview);
    expect(groups).toBe(await staffGroupCount());
    const cost = groups * 12;
    const text = readable(preview);
    expect(text).toContain(`ใช้โควตาข้อความ LINE ประมาณ ${cost.toLocaleString('en-US')} ข้อความ`);
    expect(text).toContain(`หลังส่งจะเหลือโควตาเดือนนี้ ${(5_000 - 1_234 - cost).toLocaleString('en-US')} ข้อความ`);
    const paths = c.h.fake.requests.map((r) => r.path);
    expect(paths).toContain('/v2/bot/message/quota');
    expect(paths).toContain('/v2/bot/message/quota/consumption');
    // A narrower audience costs less: the picker's preview is priced again.
    const local = await c.press(
      buttons([preview[1] ?? { type: 'none' }]).get('อปท. ทั้งหมด') ?? '',
      COORDINATOR,
    );
    expect(readable(local)).toContain(`ประมาณ ${(countIn(local) * 12).toLocaleString('en-US')} ข้อความ`);
    expect(countIn(local)).toBeLessThan(groups);
  });

  it('warns in red by how much the quota falls short, and still lets the coordinator send', async () => {
    await lineSays(300, 250);
    const preview = await c.say('ประกาศ ขอเชิญประชุม', COORDINATOR);
    const short = countIn(preview) * 12 - 50;
    expect(readable(preview)).toContain(`โควตาเดือนนี้ไม่พอ ขาดอีก ${short.toLocaleString('en-US')} ข้อความ`);
    expect(JSON.stringify(preview[1])).toContain('"color":"#B3261E"');
    expect(buttons(preview).has('ส่ง')).toBe(true);
  });

  it('says so when the plan has no monthly limit, or LINE cannot be read', async () => {
    await lineSays(undefined, 0);
    expect(readable(await c.say('ประกาศ ทดสอบ', COORDINATOR))).toContain('ไม่จำกัดจำนวนข้อความต่อเดือน');
    c.h.fake.failNext(2, {
      status: 500,
      paths: ['/v2/bot/message/quota', '/v2/bot/message/quota/consumption'],
    });
    const unread = readable(await c.say('ประกาศ ทดสอบ', COORDINATOR));
    expect(unread).toContain('อ่านโควตาคงเหลือจาก LINE ไม่ได้ในขณะนี้');
    expect(unread).toMatch(/ใช้โควตาข้อความ LINE ประมาณ [\d,]+ ข้อความ/);
  });
});

describe('announcement buttons', () => {
  it('changes the audience from quick replies and refuses the outdated send button', async () => {
    const preview = await c.say('ประกาศ ทดสอบ', COORDINATOR);
    const picker = buttons([preview[1] ?? { type: 'none' }]);
    expect(picker.size).toBeLessThanOrEqual(13 + 2);
    const local = await c.press(picker.get('อปท. ทั้งหมด') ?? '', COORDINATOR);
    expect(countIn(local)).toBe(await staffGroupCount({ agencyTypes: ['pao', 'municipality', 'sao'] }));
    expect(readable(await c.press(sendButton(preview), COORDINATOR))).toContain('ตัวอย่างล่าสุด');
    const districts = buttons(await c.press(picker.get('เลือกอำเภอ…') ?? '', COORDINATOR));
    const khlongLuang = await c.press(districts.get('คลองหลวง') ?? '', COORDINATOR);
    expect(readable(khlongLuang)).toContain('ในอำเภอคลองหลวง');
    expect(countIn(khlongLuang)).toBe(await staffGroupCount({ districts: ['คลองหลวง'] }));
    expect(readable(await c.press(sendButton(khlongLuang), COORDINATOR))).toContain('กำลังส่งประกาศ');
  });

  it('cancels a draft; its buttons then do nothing', async () => {
    const preview = await c.say('ประกาศ ทดสอบ', COORDINATOR);
    const cancel = buttons(preview).get('ยกเลิก') ?? '';
    expect(readable(await c.press(cancel, COORDINATOR))).toContain('ยกเลิกประกาศนี้แล้ว');
    expect(readable(await c.press(sendButton(preview), COORDINATOR))).toContain('ยกเลิกไปแล้ว');
    expect(readable(await c.press(cancel, COORDINATOR))).toContain('ยกเลิกไปแล้ว');
    expect(await countOutboxByState(c.h.deps.db, { kind: 'broadcast', id: idOf(cancel) })).toMatchObject({
      pending: 0,
    });
  });

  it('shows no send button when no group matches', async () => {
    const preview = await c.say('ประกาศ [ส่วนราชการ] [อำเภอ: คลองหลวง] ทดสอบ', COORDINATOR);
    expect(readable(preview)).toContain('ไม่มีกลุ่มที่ตรงเงื่อนไข');
    expect([...buttons([preview[1] ?? { type: 'none' }]).keys()]).toContain('ยกเลิก');
    expect(buttons(preview).has('ส่ง')).toBe(false);
  });

  it('keeps the audience when a quick reply names nothing known, and refuses presses by others', async () => {
    const preview = await c.say('ประกาศ ทดสอบ', COORDINATOR);
    const id = idOf(sendButton(preview));
    const same = await c.press(`a=bc-aud&id=${id}&act=99`, COORDINATOR);
    expect(countIn(same)).toBe(countIn(preview));
    for (const f of ['constructor', '__proto__', 'toString'])
      expect(countIn(await c.press(`a=bc-aud&id=${id}&f=${f}`, COORDINATOR))).toBe(countIn(preview));
    expect(readable(await c.press(sendButton(preview), { user: DEMO_STAFF_ID }))).toContain(
      'เฉพาะผู้ประสานงาน',
    );
    expect((await findBroadcast(c.h.deps.db, id))?.state).toBe('draft');
  });
});

describe('parseAudience', () => {
  it.each([
    ['[อปท.] ข้อความ', { types: ['pao', 'municipality', 'sao'], districts: [] }, 'ข้อความ'],
    ['[all] ข้อความ', { types: [], districts: [] }, 'ข้อความ'],
    ['[type: municipality, sao] x', { types: ['municipality', 'sao'], districts: [] }, 'x'],
    ['[district: คลองหลวง] x', { types: [], districts: ['คลองหลวง'] }, 'x'],
    ['[not done: 5] x', { types: [], districts: [], notDoneSeq: 5 }, 'x'],
    ['[ด่วน] [อปท.] x', { types: [], districts: [] }, '[ด่วน] [อปท.] x'],
    ['[constructor] x', { types: [], districts: [] }, '[constructor] x'],
    ['[__proto__] x', { types: [], districts: [] }, '[__proto__] x'],
  ])('reads %s', (typed, filter, text) => {
    expect(parseAudience(typed)).toEqual({ ok: true, filter, text });
  });

  it('refuses a type word that is only a member of every object', () => {
    expect(parseAudience('[type: constructor] x')).toEqual({
      ok: false,
      problem: 'type',
      value: 'constructor',
    });
  });
});
