// Respondent counts as conversations: `รายงาน IIT 45` in groups and 1:1, progress and pace, refusals, bad counts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEMO_CITIZEN_ID,
  DEMO_COORDINATOR_ID,
  DEMO_OFFICER_ID,
  DEMO_STAFF_ID,
  demoGroupIdOf,
} from '../../../../bot/tools/demo/line.ts';
import { findSurveyLink } from '../../../../db/queries/survey-links.ts';
import { listSurveyReports, reportSurveyCount } from '../../../../db/queries/survey-reports.ts';
import { grantRole } from '../../../../db/queries/user-roles.ts';
import { checkAndClose } from '../../../support/harness.ts';
import {
  answerTo,
  buttons,
  type Conversation,
  groupIdOf,
  NOW,
  readable,
  startConversation,
  textEvent,
  userIdOf,
} from '../../line/events/conversation.ts';
import { addAgency, PROVINCE, sayUnnamed, setLink } from './fixtures.ts';

const RANGSIT = 'nakhon-rangsit';
const IN_RANGSIT = { group: demoGroupIdOf(RANGSIT), user: DEMO_STAFF_ID };
const DAY = 86_400_000;

let c: Conversation;
beforeEach(async () => {
  c = await startConversation();
});
afterEach(() => checkAndClose(c.h));

const reported = async (agencyId: string, instrument: 'IIT' | 'EIT') =>
  (await findSurveyLink(c.h.deps.db, agencyId, 2569, instrument))?.reportedCount;

/** Says it and, when the bot doubts the count (below the demo's last report), presses "บันทึก". */
async function sayConfirmed(text: string, from: Parameters<Conversation['say']>[1]) {
  const answer = await c.say(text, from);
  const save = buttons(answer).get('บันทึก');
  return save === undefined ? answer : c.press(save, from);
}

describe('a count that looks like a typo', () => {
  it('asks before saving more IIT answers than the agency has staff, and keeps the last count on ไม่บันทึก', async () => {
    const before = await reported(RANGSIT, 'IIT');
    const staff = (await findSurveyLink(c.h.deps.db, RANGSIT, 2569, 'IIT'))?.population ?? 0;
    expect(staff).toBeGreaterThan(0);
    const asked = await c.say('รายงาน IIT 99999', IN_RANGSIT);
    expect(asked[0]?.type).toBe('template');
    expect(readable(asked)).toContain(`มากกว่าจำนวนบุคลากรของหน่วยงาน (${staff.toLocaleString('en-US')} คน)`);
    expect(await reported(RANGSIT, 'IIT')).toBe(before);
    const kept = await c.press(buttons(asked).get('ไม่บันทึก') ?? '', IN_RANGSIT);
    expect(readable(kept)).toContain('ไม่ได้บันทึกค่ะ');
    expect(await reported(RANGSIT, 'IIT')).toBe(before);
    await c.press(buttons(asked).get('บันทึก') ?? '', IN_RANGSIT);
    expect(await reported(RANGSIT, 'IIT')).toBe(99999);
  });

  it('asks before saving fewer answers than last reported, and saves at once when the count grows', async () => {
    await sayConfirmed('รายงาน EIT 100', IN_RANGSIT);
    const asked = await c.say('รายงาน EIT 10', IN_RANGSIT);
    expect(readable(asked)).toContain('น้อยกว่าที่รายงานไว้ครั้งก่อน (100 คน)');
    expect(await reported(RANGSIT, 'EIT')).toBe(100);
    expect(readable(await c.say('รายงาน EIT 110', IN_RANGSIT))).toContain('บันทึกแล้วค่ะ');
    expect(await reported(RANGSIT, 'EIT')).toBe(110);
  });
});

describe('รายงาน in a group', () => {
  it('saves the count with its history and answers with progress, capped, overflow apart', async () => {
    const before = (await listSurveyReports(c.h.deps.db, RANGSIT, 2569, 'IIT')).length;
    const answer = await c.say('รายงาน IIT 37', IN_RANGSIT);
    expect(readable(answer)).toBe(
      'บันทึกแล้วค่ะ: ผู้ตอบแบบวัด IIT ของเทศบาลนครรังสิต 37 คน\n' +
        'ผู้ตอบ 37 จากเป้าขั้นต่ำ 25 คน (100 %) ครบแล้ว เกินเป้า 12 คน · รายงานเมื่อ 10 มิ.ย. 2569',
    );
    const history = await listSurveyReports(c.h.deps.db, RANGSIT, 2569, 'IIT');
    expect(history).toHaveLength(before + 1);
    expect(history.at(-1)).toEqual({ count: 37, reportedBy: DEMO_STAFF_ID, reportedAt: NOW.toISOString() });
  });

  it('reads Thai digits and the English alias', async () => {
    await sayConfirmed('รายงาน EIT ๑๒๐', IN_RANGSIT);
    expect(await reported(RANGSIT, 'EIT')).toBe(120);
    await sayConfirmed('report iit 21 คน', IN_RANGSIT);
    expect(await reported(RANGSIT, 'IIT')).toBe(21);
  });

  it('forecasts the pace from the history: "ตามอัตรานี้: 66 % ภายใน 1 ก.ค. 2569"', async () => {
    const { agencyId, groupId } = await addAgency(c.h.deps.db, 1, NOW);
    await grantRole(
      c.h.deps.db,
      { userId: userIdOf(5), role: 'staff', provinceId: PROVINCE, agencyId, grantedBy: null },
      NOW,
    );
    await setLink(c.h.deps.db, agencyId, 'EIT', NOW, {
      population: 5000,
      target: 100,
      targetSource: 'manual',
    });
    const twoWeeksAgo = new Date(NOW.getTime() - 14 * DAY);
    await reportSurveyCount(
      c.h.deps.db,
      { agencyId, year: 2569, instrument: 'EIT', count: 30, by: null },
      twoWeeksAgo,
    );
    // 30 → 44 in 14 days = 1 a day; 21 days 14 hours left to the end of 1 July → 44 + 21.6 ≈ 66 of 100.
    const answer = await c.say('รายงาน EIT 44', { group: groupId, user: userIdOf(5) });
    expect(readable(answer)).toContain('ผู้ตอบ 44 จากเป้าขั้นต่ำ 100 คน (44 %)');
    expect(readable(answer)).toContain('ตามอัตรานี้: 66 % ภายใน 1 ก.ค. 2569');
  });

  it('asks for more reports when there is no history to forecast from, and for a minimum when there is none', async () => {
    const { agencyId, groupId } = await addAgency(c.h.deps.db, 2, NOW);
    await setLink(c.h.deps.db, agencyId, 'IIT', new Date('2026-01-01T01:00:00.000Z'));
    const answer = await c.say('รายงาน IIT 3', { group: groupId, user: DEMO_COORDINATOR_ID });
    // One report 160 days after the opening is history enough; without a minimum the forecast is a count.
    expect(readable(answer)).toContain('ผู้ตอบ 3 คน (ยังไม่ได้กำหนดเป้าขั้นต่ำ)');
    expect(readable(answer)).toMatch(/ตามอัตรานี้: ประมาณ 3 คน ภายใน 1 ก.ค. 2569/);
    expect(readable(answer)).toContain('ขอให้ผู้ประสานงานจังหวัดบันทึกจำนวนผู้มีส่วนได้ส่วนเสีย');
  });

  it('lets the coordinator report for an agency in its group', async () => {
    await sayConfirmed('รายงาน EIT 150', { group: demoGroupIdOf(RANGSIT), user: DEMO_COORDINATOR_ID });
    expect(await reported(RANGSIT, 'EIT')).toBe(150);
  });

  it('refuses members without a staff role there, and members LINE does not name', async () => {
    const before = await reported(RANGSIT, 'IIT');
    for (const user of [userIdOf(9), DEMO_OFFICER_ID, DEMO_CITIZEN_ID]) {
      const answer = await c.say('รายงาน IIT 45', { group: demoGroupIdOf(RANGSIT), user });
      expect(readable(answer)).toContain('ทำได้เฉพาะเจ้าหน้าที่ ITA ของหน่วยงานหรือผู้ประสานงานจังหวัด');
    }
    const pao = await c.say('รายงาน IIT 45', {
      group: demoGroupIdOf('pathum-thani-pao'),
      user: DEMO_STAFF_ID,
    });
    expect(readable(pao)).toContain('ทำได้เฉพาะเจ้าหน้าที่ ITA');
    expect(readable(await sayUnnamed(c, 'รายงาน IIT 45', demoGroupIdOf(RANGSIT)))).toContain(
      'ระบบไม่ทราบว่าใครเป็นผู้ส่ง',
    );
    expect(await reported(RANGSIT, 'IIT')).toBe(before);
  });

  it('explains binding in a group that is not bound, and answers nothing to chatter', async () => {
    const unbound = await c.say('รายงาน IIT 45', { group: groupIdOf(3), user: DEMO_STAFF_ID });
    expect(readable(unbound)).toContain('ยังไม่ได้ผูกกับหน่วยงาน');
    const chatter = textEvent('รายงานการประชุมอยู่ในไดรฟ์นะคะ', IN_RANGSIT);
    await c.h.send(chatter);
    expect(answerTo(c.h, chatter.replyToken)).toEqual([]);
    expect(c.h.fake.pushes()).toEqual([]);
  });

  it.each([
    ['รายงาน IIT สี่สิบห้า', '"สี่สิบห้า" ไม่ใช่ตัวเลขค่ะ กรุณาพิมพ์จำนวนเป็นตัวเลข เช่น "รายงาน IIT 45"'],
    ['รายงาน IIT 45abc', '"45abc" ไม่ใช่ตัวเลขค่ะ'],
    ['รายงาน EIT -5', 'จำนวนผู้ตอบต้องไม่ติดลบค่ะ'],
    ['รายงาน EIT 4.5', 'จำนวนผู้ตอบต้องเป็นจำนวนเต็มค่ะ'],
    ['รายงาน EIT 2000000', 'มากเกินกว่าจะเป็นไปได้ค่ะ'],
    ['รายงาน OIT 45', 'แบบวัด OIT ไม่มีจำนวนผู้ตอบ รายงานจำนวนผู้ตอบได้เฉพาะแบบวัด IIT และ EIT ค่ะ'],
    ['รายงาน XYZ 45', 'รายงานจำนวนผู้ตอบได้เฉพาะแบบวัด IIT และ EIT ค่ะ'],
    ['รายงาน IIT', 'กรุณาใส่จำนวนผู้ตอบด้วยค่ะ เช่น "รายงาน IIT 45"'],
    ['รายงาน', 'รายงานจำนวนผู้ตอบล่าสุดจากระบบ ITAS โดยพิมพ์'],
    ['รายงานจำนวน', 'รายงานจำนวนผู้ตอบล่าสุดจากระบบ ITAS โดยพิมพ์'],
  ])('re-asks helpfully for "%s" and saves nothing', async (typed, expected) => {
    const before = await listSurveyReports(c.h.deps.db, RANGSIT, 2569, 'EIT');
    const answer = await c.say(typed, IN_RANGSIT);
    expect(readable(answer)).toContain(expected);
    expect(await listSurveyReports(c.h.deps.db, RANGSIT, 2569, 'EIT')).toEqual(before);
  });

  it('offers both surveys when the instrument is missing', async () => {
    const answer = await c.say('รายงาน 45', IN_RANGSIT);
    expect(readable(answer)).toContain('กรุณาระบุแบบวัดด้วยค่ะ');
    expect([...buttons(answer).values()]).toEqual(['รายงาน IIT 45', 'รายงาน EIT 45']);
  });
});

describe('รายงาน in 1:1 chat', () => {
  it('lets staff of several agencies pick which one, then saves it', async () => {
    const answer = await c.say('รายงาน EIT ๑๒๐', { user: DEMO_STAFF_ID });
    const choices = buttons(answer);
    expect(choices.get('ทน.รังสิต')).toBe('a=survey_report&ag=nakhon-rangsit&i=EIT&n=120');
    const picked = await c.press(choices.get('ทน.รังสิต') ?? '', { user: DEMO_STAFF_ID });
    const saved = await c.press(buttons(picked).get('บันทึก') ?? '', { user: DEMO_STAFF_ID });
    expect(readable(saved)).toContain('บันทึกแล้วค่ะ: ผู้ตอบแบบวัด EIT ของเทศบาลนครรังสิต 120 คน');
    expect(await reported(RANGSIT, 'EIT')).toBe(120);
  });

  it('saves at once for staff of one agency', async () => {
    const user = userIdOf(6);
    await grantRole(
      c.h.deps.db,
      { userId: user, role: 'staff', provinceId: PROVINCE, agencyId: 'bang-toei-sao', grantedBy: null },
      NOW,
    );
    expect(readable(await c.say('report EIT 64', { user }))).toContain('ผู้ตอบ 64 จากเป้าขั้นต่ำ 86 คน (74 %)');
    expect(await reported('bang-toei-sao', 'EIT')).toBe(64);
  });

  it('refuses citizens and officers, and sends coordinators to the agency group', async () => {
    for (const user of [DEMO_CITIZEN_ID, DEMO_OFFICER_ID])
      expect(readable(await c.say('รายงาน IIT 45', { user }))).toContain('ทำได้เฉพาะเจ้าหน้าที่ ITA');
    expect(readable(await c.say('รายงาน IIT 45', { user: DEMO_COORDINATOR_ID }))).toContain(
      'รายงานแทนหน่วยงานได้ในกลุ่ม LINE ของหน่วยงานนั้น',
    );
  });

  it('shows how to report for words that are not a report', async () => {
    expect(readable(await c.say('รายงานอะไรคะ', { user: DEMO_STAFF_ID }))).toContain('เช่น "รายงาน IIT 45"');
  });

  it('checks a pressed choice again: agency, role, survey and count', async () => {
    const before = await reported(RANGSIT, 'EIT');
    const staff = { user: DEMO_STAFF_ID };
    expect(
      readable(await c.press('a=survey_report&ag=nakhon-rangsit&i=EIT&n=5', { user: DEMO_CITIZEN_ID })),
    ).toContain('ทำได้เฉพาะเจ้าหน้าที่ ITA');
    expect(readable(await c.press('a=survey_report&ag=pathum-thani-pao&i=EIT&n=5', staff))).toContain(
      'ทำได้เฉพาะ',
    );
    for (const data of ['i=OIT&n=5', 'i=EIT&n=-5', 'i=EIT&n=abc', 'i=EIT', 'i=EIT&n=2000000'])
      expect(readable(await c.press(`a=survey_report&ag=nakhon-rangsit&${data}`, staff))).toContain('โดยพิมพ์');
    expect(await reported(RANGSIT, 'EIT')).toBe(before);
  });
});
