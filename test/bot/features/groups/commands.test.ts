// Group binding as conversations: codes for coordinators, binding in groups, re-binding, unbinding, races.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CODE_ALPHABET, looksLikeCode } from '../../../../bot/features/groups/codes.ts';
import { DEMO_STAFF_AGENCY_IDS } from '../../../../bot/tools/demo/agencies.ts';
import {
  DEMO_CITIZEN_ID,
  DEMO_COORDINATOR_ID,
  DEMO_OFFICER_ID,
  DEMO_OFFICERS_GROUP_ID,
  DEMO_STAFF_ID,
  demoGroupIdOf,
} from '../../../../bot/tools/demo/line.ts';
import { createBindCode, findBindCode } from '../../../../db/queries/bind-codes.ts';
import { bindGroupWithCode, findGroup } from '../../../../db/queries/line-groups.ts';
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

const COORDINATOR = { user: DEMO_COORDINATOR_ID };
const NEW_GROUP = groupIdOf(1);
const OTHER_GROUP = groupIdOf(2);
const MEMBER = userIdOf(7);

let c: Conversation;
beforeEach(async () => {
  c = await startConversation();
});
afterEach(() => checkAndClose(c.h));

/** Asks for a code in 1:1 chat and returns it, checking the answer's shape. */
async function codeFor(agency: string): Promise<string> {
  const answer = await c.say(`รหัสผูกกลุ่ม ${agency}`, COORDINATOR);
  expect(answer).toHaveLength(2);
  const code = /^ผูกกลุ่ม ([A-Z0-9]{6})$/.exec(readable([answer[1] ?? { type: 'none' }]))?.[1] ?? '';
  expect(looksLikeCode(code)).toBe(true);
  return code;
}

describe('รหัสผูกกลุ่ม / bindcode', () => {
  it('gives a coordinator a one-time code naming the agency and its expiry in Thai', async () => {
    const answer = await c.say('รหัสผูกกลุ่ม รังสิต', COORDINATOR);
    const text = readable(answer);
    expect(text).toContain('เทศบาลนครรังสิต');
    expect(text).toMatch(/ภายใน 17 มิ\.ย\. 2569/);
    const code = /ผูกกลุ่ม ([A-Z0-9]{6})$/.exec(text)?.[1] ?? '';
    expect([...code].every((ch) => CODE_ALPHABET.includes(ch))).toBe(true);
    const stored = await findBindCode(c.h.deps.db, code);
    expect(stored).toMatchObject({
      agencyId: 'nakhon-rangsit',
      kind: 'staff',
      createdBy: DEMO_COORDINATOR_ID,
    });
  });

  it('takes an agency id and the English alias', async () => {
    const answer = await c.say('bindcode pathum-thani-health', COORDINATOR);
    expect(readable(answer)).toContain('สำนักงานสาธารณสุขจังหวัดปทุมธานี');
  });

  it('offers quick replies when the name matches several agencies', async () => {
    const answer = await c.say('รหัสผูกกลุ่ม เทศบาล', COORDINATOR);
    const choices = buttons(answer);
    expect(choices.size).toBeGreaterThan(1);
    expect(choices.size).toBeLessThanOrEqual(13);
    for (const [label, text] of choices) {
      expect(label.length).toBeLessThanOrEqual(20);
      expect(text).toMatch(/^รหัสผูกกลุ่ม [a-z-]+$/);
    }
    const picked = await c.say([...choices.values()][0] ?? '', COORDINATOR);
    expect(readable(picked)).toMatch(/รหัสผูกกลุ่มสำหรับ เทศบาล/);
  });

  it('says when no agency matches, and how to ask when nothing is given', async () => {
    expect(readable(await c.say('รหัสผูกกลุ่ม กรมอุตุนิยมวิทยา', COORDINATOR))).toContain('ไม่พบหน่วยงาน');
    expect(readable(await c.say('รหัสผูกกลุ่ม', COORDINATOR))).toContain('เจ้าหน้าที่รับเรื่อง');
  });

  it('reads a leading "เจ้าหน้าที่" as the staff group it is anyway', async () => {
    expect(readable(await c.say('รหัสผูกกลุ่ม เจ้าหน้าที่ รังสิต', COORDINATOR))).toContain('สำหรับ เทศบาลนครรังสิต');
  });

  it('issues officers codes for the province and for an agency', async () => {
    const province = await c.say('รหัสผูกกลุ่ม เจ้าหน้าที่รับเรื่อง', COORDINATOR);
    expect(readable(province)).toContain('กลุ่มเจ้าหน้าที่รับเรื่องร้องเรียนของจังหวัดปทุมธานี');
    const agency = await c.say('bindcode officers รังสิต', COORDINATOR);
    expect(readable(agency)).toContain('กลุ่มเจ้าหน้าที่รับเรื่องร้องเรียนของเทศบาลนครรังสิต');
  });

  it.each([
    ['staff', DEMO_STAFF_ID],
    ['officer', DEMO_OFFICER_ID],
    ['citizen', DEMO_CITIZEN_ID],
  ])('refuses a %s politely', async (_role, user) => {
    const answer = await c.say('รหัสผูกกลุ่ม รังสิต', { user });
    expect(readable(answer)).toContain('เฉพาะผู้ประสานงานจังหวัด');
  });

  it('points a coordinator in a group to 1:1 chat and refuses others there', async () => {
    const group = demoGroupIdOf('nakhon-rangsit');
    expect(readable(await c.say('รหัสผูกกลุ่ม รังสิต', { ...COORDINATOR, group }))).toContain('แชตส่วนตัว');
    expect(readable(await c.say('รหัสผูกกลุ่ม รังสิต', { user: MEMBER, group }))).toContain('เฉพาะผู้ประสานงาน');
  });
});

describe('ผูกกลุ่ม / bind', () => {
  it('binds a new group and confirms with the agency name; the code cannot be used again', async () => {
    const code = await codeFor('รังสิต');
    const answer = await c.say(`ผูกกลุ่ม ${code.toLowerCase()}`, { user: MEMBER, group: NEW_GROUP });
    expect(readable(answer)).toContain('ผูกกลุ่มนี้กับ เทศบาลนครรังสิต เรียบร้อยแล้ว');
    expect(await findGroup(c.h.deps.db, NEW_GROUP)).toMatchObject({
      agencyId: 'nakhon-rangsit',
      kind: 'staff',
      boundBy: MEMBER,
    });
    const again = await c.say(`bind ${code}`, { user: MEMBER, group: OTHER_GROUP });
    expect(readable(again)).toContain('ถูกใช้ไปแล้ว');
    expect(await findGroup(c.h.deps.db, OTHER_GROUP)).toBeUndefined();
  });

  it('accepts Thai digits and a member whose user id LINE does not give', async () => {
    const code = await codeFor('รังสิต');
    const thai = code.replace(/[0-9]/g, (d) => '๐๑๒๓๔๕๖๗๘๙'[Number(d)] ?? d);
    const answer = await c.say(`ผูกกลุ่ม${thai}`, { group: NEW_GROUP });
    expect(readable(answer)).toContain('เรียบร้อยแล้ว');
  });

  it('binds an officers group of the province', async () => {
    const answer = await c.say('รหัสผูกกลุ่ม เจ้าหน้าที่รับเรื่อง', COORDINATOR);
    const code = /([A-Z0-9]{6})$/.exec(readable(answer))?.[1] ?? '';
    const bound = await c.say(`ผูกกลุ่ม ${code}`, { user: MEMBER, group: NEW_GROUP });
    expect(readable(bound)).toContain('เรื่องร้องเรียนใหม่');
    expect(await findGroup(c.h.deps.db, NEW_GROUP)).toMatchObject({
      agencyId: null,
      kind: 'officers',
      provinceId: 'pathum-thani',
    });
  });

  it.each([
    ['a code nobody issued', 'ผูกกลุ่ม 4KX9QP', 'ไม่พบรหัสนี้'],
    ['something that is not a code', 'ผูกกลุ่ม hello', 'ไม่พบรหัสนี้'],
    ['no code', 'ผูกกลุ่ม', 'กรุณาพิมพ์รหัส 6 ตัว'],
  ])('explains %s', async (_what, text, expected) => {
    expect(readable(await c.say(text, { user: MEMBER, group: NEW_GROUP }))).toContain(expected);
  });

  it('explains an expired code', async () => {
    const issued = new Date(NOW.getTime() - 8 * 86_400_000);
    const expiresAt = new Date(NOW.getTime() - 86_400_000);
    const input = {
      code: 'ACDEF3',
      provinceId: 'pathum-thani',
      agencyId: 'nakhon-rangsit',
      kind: 'staff',
      expiresAt,
    };
    expect(await createBindCode(c.h.deps.db, input, issued)).toBe(true);
    expect(readable(await c.say('ผูกกลุ่ม ACDEF3', { user: MEMBER, group: NEW_GROUP }))).toContain('หมดอายุ');
    expect(await findGroup(c.h.deps.db, NEW_GROUP)).toBeUndefined();
  });

  it('does not take a coordinator claim code as a group code', async () => {
    const { bootstrapCoordinators } = await import('../../../../bot/features/roles/bootstrap.ts');
    const { revokeRole } = await import('../../../../db/queries/user-roles.ts');
    await revokeRole(c.h.deps.db, {
      userId: DEMO_COORDINATOR_ID,
      role: 'coordinator',
      provinceId: 'pathum-thani',
    });
    const boot = await bootstrapCoordinators(
      c.h.deps,
      { adminLineUserIds: [], provinceId: 'pathum-thani' },
      NOW,
    );
    expect(readable(await c.say(`ผูกกลุ่ม ${boot.claimCode}`, { user: MEMBER, group: NEW_GROUP }))).toContain(
      'ไม่พบรหัสนี้',
    );
  });

  it('is for groups only: 1:1 chat and multi-person rooms get an explanation and the code is kept', async () => {
    const code = await codeFor('รังสิต');
    expect(readable(await c.say(`ผูกกลุ่ม ${code}`, { user: MEMBER }))).toContain('ใช้ในกลุ่ม LINE');
    expect(readable(await c.say(`ผูกกลุ่ม ${code}`, { user: MEMBER, room: `R${'5'.repeat(32)}` }))).toContain(
      'เฉพาะกลุ่ม LINE',
    );
    expect((await findBindCode(c.h.deps.db, code))?.usedAt).toBeNull();
  });

  it('keeps the code when the group is already bound to the same agency', async () => {
    const code = await codeFor('รังสิต');
    const group = demoGroupIdOf('nakhon-rangsit');
    expect(readable(await c.say(`ผูกกลุ่ม ${code}`, { user: MEMBER, group }))).toContain(
      'ผูกกับ เทศบาลนครรังสิต อยู่แล้ว',
    );
    expect((await findBindCode(c.h.deps.db, code))?.usedAt).toBeNull();
  });

  it('moves a group bound elsewhere and says from what to what', async () => {
    const code = await codeFor('รังสิต');
    const group = demoGroupIdOf('pathum-thani-health');
    const answer = await c.say(`ผูกกลุ่ม ${code}`, { user: MEMBER, group });
    expect(readable(answer)).toContain('จาก สำนักงานสาธารณสุขจังหวัดปทุมธานี เป็น เทศบาลนครรังสิต');
    expect((await findGroup(c.h.deps.db, group))?.agencyId).toBe('nakhon-rangsit');
  });

  it('lets one of two groups racing for the same code win', async () => {
    const code = await codeFor('รังสิต');
    const bind = (groupId: string) => bindGroupWithCode(c.h.deps.db, { code, groupId, userId: MEMBER }, NOW);
    const results = await Promise.all([bind(NEW_GROUP), bind(OTHER_GROUP)]);
    expect(results.filter((r) => r !== undefined)).toHaveLength(1);
  });

  it('answers two groups typing the same code in one webhook: one bound, one told it is used', async () => {
    const code = await codeFor('รังสิต');
    const events = [NEW_GROUP, OTHER_GROUP].map((group) => textEvent(`ผูกกลุ่ม ${code}`, { group }));
    await c.h.send(...events);
    const texts = events.map((e) => readable(answerTo(c.h, e.replyToken)));
    expect(texts.filter((t) => t.includes('เรียบร้อยแล้ว'))).toHaveLength(1);
    expect(texts.filter((t) => t.includes('ถูกใช้ไปแล้ว'))).toHaveLength(1);
  });

  it('stops guessing after ten tries an hour in one group', async () => {
    for (let i = 0; i < 10; i++) await c.say('ผูกกลุ่ม AAAAAA', { group: NEW_GROUP });
    const code = await codeFor('รังสิต');
    expect(readable(await c.say(`ผูกกลุ่ม ${code}`, { group: NEW_GROUP }))).toContain('หลายครั้งเกินไป');
  });
});

describe('ยกเลิกผูกกลุ่ม / unbind', () => {
  const staffGroup = demoGroupIdOf(DEMO_STAFF_AGENCY_IDS[0] ?? '');

  it('refuses a plain member and keeps the binding', async () => {
    expect(readable(await c.say('ยกเลิกผูกกลุ่ม', { user: DEMO_CITIZEN_ID, group: staffGroup }))).toContain(
      'ขออภัย',
    );
    expect((await findGroup(c.h.deps.db, staffGroup))?.kind).toBe('staff');
  });

  it('lets the agency staff unbind, then says the group is not bound', async () => {
    expect(readable(await c.say('ยกเลิกผูกกลุ่ม', { user: DEMO_STAFF_ID, group: staffGroup }))).toContain(
      'ยกเลิกการผูกกลุ่มนี้',
    );
    expect(await findGroup(c.h.deps.db, staffGroup)).toMatchObject({ agencyId: null, kind: null });
    expect(readable(await c.say('unbind', { user: DEMO_STAFF_ID, group: staffGroup }))).toContain('ยังไม่ได้ผูก');
  });

  it('lets a coordinator unbind any group, and an officer the officers group', async () => {
    const other = demoGroupIdOf('nakhon-rangsit');
    expect(readable(await c.say('unbind', { ...COORDINATOR, group: other }))).toContain('ยกเลิกการผูกกลุ่มนี้');
    expect(
      readable(await c.say('ยกเลิกผูกกลุ่ม', { user: DEMO_OFFICER_ID, group: DEMO_OFFICERS_GROUP_ID })),
    ).toContain('ยกเลิก');
    expect((await findGroup(c.h.deps.db, DEMO_OFFICERS_GROUP_ID))?.kind).toBeNull();
  });

  it('in 1:1 chat says to type it in the group', async () => {
    expect(readable(await c.say('ยกเลิกผูกกลุ่ม', COORDINATOR))).toContain('ในกลุ่มที่ต้องการยกเลิก');
  });
});
