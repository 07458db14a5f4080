// IIT/EIT links as conversations: staff groups, 1:1 chat for every role, citizens picking an agency, refusals.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LineMessage } from '../../../../bot/dev/fake-line/types.ts';
import {
  DEMO_CITIZEN_ID,
  DEMO_COORDINATOR_ID,
  DEMO_OFFICER_ID,
  DEMO_OFFICERS_GROUP_ID,
  DEMO_STAFF_ID,
  demoGroupIdOf,
} from '../../../../bot/tools/demo/line.ts';
import { checkAndClose, PUBLIC_BASE_URL } from '../../../support/harness.ts';
import {
  buttons,
  type Conversation,
  groupIdOf,
  NOW,
  readable,
  startConversation,
  userIdOf,
} from '../../line/events/conversation.ts';
import { addAgency, demoLink, sayUnnamed, setLink } from './fixtures.ts';

const RANGSIT = 'nakhon-rangsit';
const RANGSIT_GROUP = { group: demoGroupIdOf(RANGSIT), user: userIdOf(41) };
const CITIZEN = { user: DEMO_CITIZEN_ID };
const STAFF = { user: DEMO_STAFF_ID };

let c: Conversation;
beforeEach(async () => {
  c = await startConversation();
});
afterEach(() => checkAndClose(c.h));

async function codeOf(agencyId: string, instrument: 'IIT' | 'EIT'): Promise<string> {
  return (await demoLink(c.h.deps.db, agencyId, instrument)).code;
}

/** The answer is the short link (channel line) and its QR image, print size and preview. */
async function expectLink(answer: LineMessage[], agencyId: string, instrument: 'IIT' | 'EIT') {
  const code = await codeOf(agencyId, instrument);
  expect(answer).toHaveLength(2);
  expect(readable(answer)).toContain(`${PUBLIC_BASE_URL}/s/${code}?c=line`);
  expect(answer[1]).toEqual({
    type: 'image',
    originalContentUrl: `${PUBLIC_BASE_URL}/qr/${code}.png`,
    previewImageUrl: `${PUBLIC_BASE_URL}/qr/${code}.png?size=preview`,
  });
}

describe('IIT / EIT in a group', () => {
  it("gives any member of the agency's staff group the IIT link, QR and progress", async () => {
    const answer = await c.say('IIT', RANGSIT_GROUP);
    await expectLink(answer, RANGSIT, 'IIT');
    const text = readable(answer);
    expect(text).toContain('แบบวัด IIT ของเทศบาลนครรังสิต ปีงบประมาณ 2569');
    expect(text).toMatch(/เป้าขั้นต่ำ 25 คน/);
    expect(text).toContain('ไม่เผยแพร่ต่อบุคคลภายนอก');
  });

  it('answers a member LINE does not name, and the Thai alias', async () => {
    await expectLink(await sayUnnamed(c, 'ลิงก์ IIT', demoGroupIdOf(RANGSIT)), RANGSIT, 'IIT');
  });

  it('gives the EIT link with advice for the service counter', async () => {
    const answer = await c.say('EIT', RANGSIT_GROUP);
    await expectLink(answer, RANGSIT, 'EIT');
    expect(readable(answer)).toContain('จุดบริการ');
    expect(readable(answer)).toMatch(/เป้าขั้นต่ำ 400 คน/);
  });

  it("refuses IIT in the province officers' group and in an agency's officers' group", async () => {
    for (const group of [
      DEMO_OFFICERS_GROUP_ID,
      (await addAgency(c.h.deps.db, 1, NOW, 'officers')).groupId,
    ]) {
      const answer = await c.say('IIT', { group, user: DEMO_STAFF_ID });
      expect(readable(answer)).toContain('กลุ่มเจ้าหน้าที่รับเรื่องร้องเรียน');
      expect(readable(answer)).not.toContain('/s/');
    }
  });

  it('explains binding in a group that is not bound, and refuses in a room', async () => {
    for (const text of ['IIT', 'EIT']) {
      const answer = await c.say(text, { group: groupIdOf(9), user: DEMO_COORDINATOR_ID });
      expect(readable(answer)).toContain('ยังไม่ได้ผูกกับหน่วยงาน');
    }
    expect(readable(await c.say('IIT', { room: `R${'5'.repeat(32)}`, user: DEMO_STAFF_ID }))).toContain(
      'กลุ่ม LINE ที่ผูกกับหน่วยงาน',
    );
  });

  it('finds an agency by name for EIT even in a group that is not bound (EIT is public)', async () => {
    const answer = await c.say('EIT เทศบาลนครรังสิต', { group: groupIdOf(9) });
    await expectLink(answer, RANGSIT, 'EIT');
    expect(readable(answer)).not.toContain('เป้าขั้นต่ำ'); // another agency's figures stay with its own people
  });

  it('stays out of group talk that starts with EIT but names no agency', async () => {
    expect(await c.say('EIT ของเราได้กี่คนแล้วคะ', RANGSIT_GROUP)).toEqual([]);
    expect(await c.say('EIT ของเราได้กี่คนแล้วคะ', { group: groupIdOf(9) })).toEqual([]);
    expect(readable(await c.say('EIT ของเราได้กี่คนแล้วคะ', CITIZEN))).toContain('ไม่พบหน่วยงาน');
  });

  it('says when the agency has no link for the year', async () => {
    const { groupId } = await addAgency(c.h.deps.db, 2, NOW);
    const answer = await c.say('EIT', { group: groupId });
    expect(readable(answer)).toBe(
      'หน่วยงานทดสอบที่2 ยังไม่มีลิงก์แบบวัด EIT ของปีงบประมาณ 2569 ค่ะ ขอให้ผู้ประสานงานจังหวัดบันทึกลิงก์จากระบบ ITAS ก่อนนะคะ',
    );
  });
});

describe('IIT in 1:1 chat', () => {
  it('never gives IIT to a citizen, a coordinator or an officer who is not staff there', async () => {
    for (const user of [DEMO_CITIZEN_ID, DEMO_COORDINATOR_ID, DEMO_OFFICER_ID]) {
      for (const text of ['IIT', 'IIT เทศบาลนครรังสิต']) {
        const answer = await c.say(text, { user });
        expect(readable(answer)).toContain('ให้เฉพาะบุคลากรของหน่วยงาน');
        expect(readable(answer)).not.toContain('/s/');
        expect(buttons(answer).get('EIT')).toBe('EIT');
      }
    }
  });

  it('refuses a forged IIT choice from someone who is not staff of that agency', async () => {
    const answer = await c.press(`a=iit&ag=${RANGSIT}`, CITIZEN);
    expect(readable(answer)).not.toContain('/s/');
    expect(readable(await c.press('a=iit&ag=pathum-thani-pao', STAFF))).toContain('ให้เฉพาะบุคลากร');
  });

  it('lets staff of several agencies pick one, then gives that IIT link', async () => {
    const answer = await c.say('IIT', STAFF);
    const choices = buttons(answer);
    expect([...choices.values()].sort()).toEqual([
      'a=iit&ag=district-khlong-luang',
      'a=iit&ag=nakhon-rangsit',
      'a=iit&ag=pathum-thani-health',
    ]);
    await expectLink(await c.press('a=iit&ag=nakhon-rangsit', STAFF), RANGSIT, 'IIT');
  });

  it('takes the agency after the command when the staff member names it', async () => {
    await expectLink(await c.say('IIT รังสิต', STAFF), RANGSIT, 'IIT');
    expect(readable(await c.say('IIT บางเตย', STAFF))).toContain('ให้เฉพาะบุคลากร');
  });
});

describe('EIT in 1:1 chat', () => {
  it('asks a citizen which agency, with kinds of agency as quick replies', async () => {
    const answer = await c.say('EIT', CITIZEN);
    expect(readable(answer)).toContain('พิมพ์ EIT ตามด้วยชื่อหน่วยงาน');
    for (const typed of buttons(answer).values()) expect(typed).toMatch(/^EIT \S+/);
  });

  it('gives the one match at once, as an invitation without staff figures', async () => {
    const answer = await c.say('EIT รังสิต', CITIZEN);
    await expectLink(answer, RANGSIT, 'EIT');
    expect(readable(answer)).toContain('โดยไม่ต้องระบุชื่อ');
    expect(readable(answer)).not.toContain('เป้าขั้นต่ำ');
  });

  it('offers up to 13 matches as buttons, and the pressed one gets its link', async () => {
    const answer = await c.say('EIT เทศบาล', CITIZEN);
    const choices = buttons(answer);
    expect(choices.size).toBe(6);
    for (const [label, data] of choices) {
      expect(label.length).toBeLessThanOrEqual(20);
      expect(data).toMatch(/^a=eit&ag=[a-z-]+$/);
    }
    await expectLink(await c.press(choices.get('ทม.คูคต') ?? '', CITIZEN), 'khu-khot-town', 'EIT');
  });

  it('caps a long list at 13 and asks for a closer name', async () => {
    const thirteen = await c.say('EIT ปทุมธานี', CITIZEN);
    expect(buttons(thirteen).size).toBe(13);
    expect(readable(thirteen)).not.toContain('พิมพ์ชื่อให้เจาะจงขึ้น');
    for (let n = 1; n <= 14; n++) await addAgency(c.h.deps.db, n, NOW);
    const answer = await c.say('EIT หน่วยงานทดสอบ', CITIZEN);
    expect(buttons(answer).size).toBe(13);
    expect(readable(answer)).toContain('พิมพ์ชื่อให้เจาะจงขึ้น');
  });

  it('says politely when nothing matches, and how to search', async () => {
    const answer = await c.say('EIT กรมอุตุนิยมวิทยา', CITIZEN);
    expect(readable(answer)).toContain('ไม่พบหน่วยงาน "กรมอุตุนิยมวิทยา"');
    expect(readable(answer)).toContain('EIT รังสิต');
    expect(readable(await c.press('a=eit&ag=no-such-agency', CITIZEN))).toContain('ไม่พบหน่วยงาน');
  });

  it("gives staff their own agency's EIT with figures, picking when they have several", async () => {
    expect(buttons(await c.say('EIT', STAFF)).size).toBe(3);
    const answer = await c.press('a=eit&ag=nakhon-rangsit', STAFF);
    await expectLink(answer, RANGSIT, 'EIT');
    expect(readable(answer)).toContain('เป้าขั้นต่ำ 400 คน');
  });

  it('tells a citizen when the agency has no link, and never hands out a non-https one', async () => {
    await setLink(c.h.deps.db, 'bang-toei-sao', 'EIT', NOW, {
      code: await codeOf('bang-toei-sao', 'EIT'),
      url: null,
    });
    expect(readable(await c.say('EIT บางเตย', CITIZEN))).toContain('ยังไม่มีลิงก์แบบวัด EIT');
    await setLink(c.h.deps.db, 'bueng-bon-sao', 'EIT', NOW, {
      code: await codeOf('bueng-bon-sao', 'EIT'),
      url: 'http://itas.example/plain',
    });
    expect(readable(await c.say('EIT บึงบอน', CITIZEN))).toContain('ยังไม่มีลิงก์แบบวัด EIT');
  });
});

describe('ช่วยเหลือ', () => {
  it('lists EIT for citizens, and IIT, EIT and counts for staff', async () => {
    const citizen = readable(await c.say('ช่วยเหลือ', CITIZEN));
    expect(citizen).toContain('EIT [ชื่อหน่วยงาน] — ลิงก์และ QR แบบวัดความเห็นผู้รับบริการ (EIT) ของหน่วยงาน');
    expect(citizen).not.toContain('รายงาน IIT');
    expect(citizen).not.toMatch(/^• IIT/m);
    const staff = readable(await c.say('help', { group: demoGroupIdOf(RANGSIT), user: DEMO_STAFF_ID }));
    expect(staff).toMatch(/^• IIT — ลิงก์และ QR แบบวัด IIT ของหน่วยงาน/m);
    expect(staff).toContain('• รายงาน IIT 45 / รายงาน EIT 120 — บันทึกจำนวนผู้ตอบล่าสุดจากระบบ ITAS');
  });
});
