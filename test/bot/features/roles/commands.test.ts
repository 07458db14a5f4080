// Who is who as conversations: my rights, granting and revoking in 1:1 and by @mention, the first coordinator.
import { afterEach, describe, expect, it } from 'vitest';
import { bootstrapCoordinators } from '../../../../bot/features/roles/bootstrap.ts';
import { DEMO_STAFF_AGENCY_IDS, PROVINCIAL_OFFICE_ID } from '../../../../bot/tools/demo/agencies.ts';
import {
  DEMO_CITIZEN_ID,
  DEMO_COORDINATOR_ID,
  DEMO_OFFICER_ID,
  DEMO_OFFICERS_GROUP_ID,
  DEMO_STAFF_ID,
  demoGroupIdOf,
} from '../../../../bot/tools/demo/line.ts';
import { listAudit } from '../../../../db/queries/audit-log.ts';
import { findBindCode } from '../../../../db/queries/bind-codes.ts';
import { upsertProvince } from '../../../../db/queries/provinces.ts';
import { listRoleHolders, listRoles } from '../../../../db/queries/user-roles.ts';
import { checkAndClose } from '../../../support/harness.ts';
import {
  buttons,
  type Conversation,
  groupIdOf,
  NOW,
  readable,
  startConversation,
  userIdOf,
} from '../../line/events/conversation.ts';

const COORDINATOR = { user: DEMO_COORDINATOR_ID };
const NEWCOMER = userIdOf(11);
const RANGSIT_GROUP = demoGroupIdOf('nakhon-rangsit');

let c: Conversation;
afterEach(() => checkAndClose(c.h));

const rolesOf = async (userId: string) =>
  (await listRoles(c.h.deps.db, userId)).map((r) => `${r.role}:${r.agencyId ?? '-'}`);

describe('สิทธิ์ของฉัน / whoami', () => {
  it('shows a citizen their user id and that they have no role', async () => {
    c = await startConversation();
    const text = readable(await c.say('สิทธิ์ของฉัน', { user: DEMO_CITIZEN_ID }));
    expect(text).toContain(DEMO_CITIZEN_ID);
    expect(text).toContain('ประชาชนทั่วไป');
  });

  it('lists a staff member’s agencies', async () => {
    c = await startConversation();
    const text = readable(await c.say('whoami', { user: DEMO_STAFF_ID }));
    expect(text.match(/เจ้าหน้าที่ ITA ของ/g)).toHaveLength(DEMO_STAFF_AGENCY_IDS.length);
  });

  it('lets a coordinator look up someone else, and nobody else', async () => {
    c = await startConversation();
    expect(readable(await c.say(`สิทธิ์ ${DEMO_OFFICER_ID}`, COORDINATOR))).toContain(
      'เจ้าหน้าที่รับเรื่องร้องเรียนของจังหวัดปทุมธานี',
    );
    expect(readable(await c.say(`roles ${DEMO_OFFICER_ID}`, { user: DEMO_CITIZEN_ID }))).toContain(
      'เฉพาะผู้ประสานงาน',
    );
  });

  it('in a group answers only the bare command, pointing to 1:1 chat', async () => {
    c = await startConversation();
    expect(readable(await c.say('สิทธิ์ของฉัน', { user: DEMO_STAFF_ID, group: RANGSIT_GROUP }))).toContain(
      'แชตส่วนตัว',
    );
    expect(await c.say('สิทธิ์ลาพักผ่อนเหลือกี่วัน', { user: DEMO_STAFF_ID, group: RANGSIT_GROUP })).toEqual([]);
  });
});

describe('ให้สิทธิ์ / ถอนสิทธิ์ in 1:1 chat', () => {
  it('grants staff of an agency found by name, once, and revokes it; both audited', async () => {
    c = await startConversation();
    expect(readable(await c.say(`ให้สิทธิ์ ${NEWCOMER} เจ้าหน้าที่ รังสิต`, COORDINATOR))).toContain(
      'ให้สิทธิ์ เจ้าหน้าที่ ITA ของเทศบาลนครรังสิต',
    );
    expect(await rolesOf(NEWCOMER)).toEqual(['staff:nakhon-rangsit']);
    expect(readable(await c.say(`grant ${NEWCOMER} staff nakhon-rangsit`, COORDINATOR))).toContain('อยู่แล้ว');
    expect(readable(await c.say(`ถอนสิทธิ์ ${NEWCOMER} เจ้าหน้าที่ รังสิต`, COORDINATOR))).toContain('ถอนสิทธิ์');
    expect(await rolesOf(NEWCOMER)).toEqual([]);
    expect(readable(await c.say(`revoke ${NEWCOMER} staff รังสิต`, COORDINATOR))).toContain('ไม่มีสิทธิ์');
    const audit = await listAudit(c.h.deps.db, { subjectId: NEWCOMER });
    expect(audit.map((a) => a.action)).toEqual(['role.revoke', 'role.grant']);
  });

  it('grants a coordinator and a province officer, and an agency officer', async () => {
    c = await startConversation();
    await c.say(`ให้สิทธิ์ ${NEWCOMER} ผู้ประสานงาน`, COORDINATOR);
    await c.say(`ให้สิทธิ์ ${NEWCOMER} เจ้าหน้าที่รับเรื่อง`, COORDINATOR);
    await c.say(`grant U${NEWCOMER.slice(1).toUpperCase()} officer รังสิต`, COORDINATOR);
    expect(await rolesOf(NEWCOMER)).toEqual(['coordinator:-', 'officer:-', 'officer:nakhon-rangsit']);
  });

  it('never revokes the last coordinator', async () => {
    c = await startConversation();
    expect(readable(await c.say(`ถอนสิทธิ์ ${DEMO_COORDINATOR_ID} ผู้ประสานงาน`, COORDINATOR))).toContain(
      'คนสุดท้าย',
    );
    await c.say(`ให้สิทธิ์ ${NEWCOMER} ผู้ประสานงาน`, COORDINATOR);
    expect(readable(await c.say(`ถอนสิทธิ์ ${DEMO_COORDINATOR_ID} ผู้ประสานงาน`, COORDINATOR))).toContain(
      'ถอนสิทธิ์',
    );
    expect(
      (await listRoleHolders(c.h.deps.db, { provinceId: 'pathum-thani', role: 'coordinator' })).map(
        (r) => r.userId,
      ),
    ).toEqual([NEWCOMER]);
  });

  it('offers the matching agencies as quick replies', async () => {
    c = await startConversation();
    const choices = buttons(await c.say(`ให้สิทธิ์ ${NEWCOMER} เจ้าหน้าที่ อบต.`, COORDINATOR));
    expect(choices.size).toBeGreaterThan(1);
    const first = [...choices.values()][0] ?? '';
    expect(first).toMatch(new RegExp(`^ให้สิทธิ์ ${NEWCOMER} เจ้าหน้าที่ [a-z-]+$`));
    await c.say(first, COORDINATOR);
    expect(await rolesOf(NEWCOMER)).toHaveLength(1);
  });

  it.each([
    ['nothing', 'ให้สิทธิ์', 'ให้สิทธิ์หรือถอนสิทธิ์'],
    ['a bad user id', 'ให้สิทธิ์ สมชาย เจ้าหน้าที่ รังสิต', 'ขึ้นต้นด้วย U'],
    ['no role', `ให้สิทธิ์ ${userIdOf(1)}`, 'กรุณาระบุสิทธิ์'],
    ['an unknown role', `ให้สิทธิ์ ${userIdOf(1)} ผู้ว่า`, 'กรุณาระบุสิทธิ์'],
    ['staff without agency', `ให้สิทธิ์ ${userIdOf(1)} เจ้าหน้าที่`, 'กรุณาระบุหน่วยงาน'],
    ['a coordinator with an agency', `ให้สิทธิ์ ${userIdOf(1)} ผู้ประสานงาน รังสิต`, 'ไม่ต้องระบุหน่วยงาน'],
    ['an unknown agency', `ให้สิทธิ์ ${userIdOf(1)} เจ้าหน้าที่ กรมป่าไม้`, 'ไม่พบหน่วยงาน'],
  ])('explains %s', async (_what, text, expected) => {
    c = await startConversation();
    expect(readable(await c.say(text, COORDINATOR))).toContain(expected);
    expect(await rolesOf(userIdOf(1))).toEqual([]);
  });

  it.each([
    ['staff', DEMO_STAFF_ID],
    ['officer', DEMO_OFFICER_ID],
    ['citizen', DEMO_CITIZEN_ID],
  ])('refuses a %s politely', async (_role, user) => {
    c = await startConversation();
    expect(readable(await c.say(`ให้สิทธิ์ ${user} ผู้ประสานงาน`, { user }))).toContain('เฉพาะผู้ประสานงานจังหวัด');
    expect(readable(await c.say(`ถอนสิทธิ์ ${DEMO_COORDINATOR_ID} ผู้ประสานงาน`, { user }))).toContain('ขออภัย');
    expect(await rolesOf(user)).not.toContain('coordinator:-');
  });
});

describe('ให้สิทธิ์ @mention in a bound group', () => {
  it('makes the people mentioned staff of the group’s agency, and takes it back', async () => {
    c = await startConversation();
    const mentions = [
      { name: 'สมชาย', userId: NEWCOMER },
      { name: 'ITA จังหวัด', userId: userIdOf(99), isSelf: true },
    ];
    const answer = await c.say('ให้สิทธิ์ @สมชาย @ITA จังหวัด', { ...COORDINATOR, group: RANGSIT_GROUP, mentions });
    expect(readable(answer)).toContain('ให้สิทธิ์ เจ้าหน้าที่ ITA ของเทศบาลนครรังสิต แก่ @สมชาย');
    expect(await rolesOf(NEWCOMER)).toEqual(['staff:nakhon-rangsit']);
    expect(await rolesOf(userIdOf(99))).toEqual([]);
    await c.say('ถอนสิทธิ์ @สมชาย เจ้าหน้าที่', {
      ...COORDINATOR,
      group: RANGSIT_GROUP,
      mentions: [mentions[0] ?? { name: '' }],
    });
    expect(await rolesOf(NEWCOMER)).toEqual([]);
  });

  it('makes people officers in an officers group', async () => {
    c = await startConversation();
    const mentions = [{ name: 'วรรณา', userId: NEWCOMER }];
    await c.say('grant @วรรณา', { ...COORDINATOR, group: DEMO_OFFICERS_GROUP_ID, mentions });
    expect(await rolesOf(NEWCOMER)).toEqual(['officer:-']);
  });

  it('explains mentions without a user id, @All, no mention, and another role', async () => {
    c = await startConversation();
    const group = { ...COORDINATOR, group: RANGSIT_GROUP };
    const noId = await c.say('ให้สิทธิ์ @มานี', { ...group, mentions: [{ name: 'มานี' }] });
    expect(readable(noId)).toContain('LINE ไม่ส่งรหัสผู้ใช้มา');
    expect(readable(await c.say('ให้สิทธิ์ @All', { ...group, all: true }))).toContain('@All');
    expect(readable(await c.say('ให้สิทธิ์', group))).toContain('กรุณากล่าวถึง');
    const other = await c.say('ให้สิทธิ์ @สมชาย ผู้ประสานงาน', {
      ...group,
      mentions: [{ name: 'สมชาย', userId: NEWCOMER }],
    });
    expect(readable(other)).toContain('ให้สิทธิ์ได้เฉพาะ เจ้าหน้าที่ ITA ของเทศบาลนครรังสิต');
    expect(await rolesOf(NEWCOMER)).toEqual([]);
  });

  it('needs a bound group, and a coordinator', async () => {
    c = await startConversation();
    const mentions = [{ name: 'สมชาย', userId: NEWCOMER }];
    expect(
      readable(await c.say('ให้สิทธิ์ @สมชาย', { ...COORDINATOR, group: groupIdOf(4), mentions })),
    ).toContain('ยังไม่ได้ผูก');
    expect(
      readable(await c.say('ให้สิทธิ์ @สมชาย', { user: DEMO_STAFF_ID, group: RANGSIT_GROUP, mentions })),
    ).toContain('ขออภัย');
    expect(
      readable(await c.say('ให้สิทธิ์ @สมชาย', { ...COORDINATOR, room: `R${'8'.repeat(32)}`, mentions })),
    ).toContain('แชตส่วนตัว');
    expect(await rolesOf(NEWCOMER)).toEqual([]);
  });
});

describe('the first coordinator', () => {
  async function emptyProvince() {
    c = await startConversation({ demo: false });
    await upsertProvince(c.h.deps.db, { id: 'pathum-thani', nameTh: 'ปทุมธานี', nameEn: 'Pathum Thani' }, NOW);
    return bootstrapCoordinators(c.h.deps, { adminLineUserIds: [], provinceId: 'pathum-thani' }, NOW);
  }

  it('prints a claim code, the same one on the next start, that makes its typist coordinator once', async () => {
    const boot = await emptyProvince();
    expect(boot.claimCode).toMatch(/^[A-Z0-9]{6}$/);
    const again = await bootstrapCoordinators(
      c.h.deps,
      { adminLineUserIds: [], provinceId: 'pathum-thani' },
      NOW,
    );
    expect(again.claimCode).toBe(boot.claimCode);
    const answer = await c.say(`ผู้ประสานงาน ${boot.claimCode?.toLowerCase()}`, { user: NEWCOMER });
    expect(readable(answer)).toContain('ผู้ประสานงานจังหวัดปทุมธานีแล้ว');
    expect(await rolesOf(NEWCOMER)).toEqual(['coordinator:-']);
    expect(readable(await c.say(`claim ${boot.claimCode}`, { user: userIdOf(12) }))).toContain(
      'มีผู้ประสานงานแล้ว',
    );
    const third = await bootstrapCoordinators(
      c.h.deps,
      { adminLineUserIds: [], provinceId: 'pathum-thani' },
      NOW,
    );
    expect(third.claimCode).toBeUndefined();
  });

  it('issues a new code once the old one expired', async () => {
    const boot = await emptyProvince();
    const later = new Date(NOW.getTime() + 8 * 86_400_000);
    const next = await bootstrapCoordinators(
      c.h.deps,
      { adminLineUserIds: [], provinceId: 'pathum-thani' },
      later,
    );
    expect(next.claimCode).not.toBe(boot.claimCode);
    expect((await findBindCode(c.h.deps.db, next.claimCode ?? ''))?.expiresAt).toBe(
      new Date(later.getTime() + 7 * 86_400_000).toISOString(),
    );
  });

  it('refuses wrong codes, no code, and group chats (where only a code-shaped word is answered)', async () => {
    const boot = await emptyProvince();
    expect(readable(await c.say('ผู้ประสานงาน ACDEFG', { user: NEWCOMER }))).toContain('ใช้ไม่ได้');
    expect(readable(await c.say('ผู้ประสานงาน', { user: NEWCOMER }))).toContain('พิมพ์รหัส');
    expect(
      readable(await c.say(`ผู้ประสานงาน ${boot.claimCode}`, { user: NEWCOMER, group: groupIdOf(6) })),
    ).toContain('แชตส่วนตัว');
    expect(await c.say('ผู้ประสานงานบอกว่าประชุมบ่ายนี้', { user: NEWCOMER, group: groupIdOf(6) })).toEqual([]);
    expect(await rolesOf(NEWCOMER)).toEqual([]);
  });

  it('grants the configured ids, idempotently, and then prints no code', async () => {
    await emptyProvince();
    const admins = [userIdOf(21), userIdOf(22)];
    const first = await bootstrapCoordinators(
      c.h.deps,
      { adminLineUserIds: admins, provinceId: 'pathum-thani' },
      NOW,
    );
    expect(first).toEqual({ granted: admins });
    const second = await bootstrapCoordinators(
      c.h.deps,
      { adminLineUserIds: admins, provinceId: 'pathum-thani' },
      NOW,
    );
    expect(second).toEqual({ granted: [] });
    expect(await rolesOf(userIdOf(21))).toEqual(['coordinator:-']);
  });
});

describe('help', () => {
  it('shows each person the who-is-who commands they may use here', async () => {
    c = await startConversation();
    const coordinator = readable(await c.say('ช่วยเหลือ', COORDINATOR));
    expect(coordinator).toContain('ให้สิทธิ์');
    expect(coordinator).toContain('รหัสผูกกลุ่ม');
    const citizen = readable(await c.say('help', { user: DEMO_CITIZEN_ID }));
    expect(citizen).not.toContain('ให้สิทธิ์');
    expect(citizen).toContain('สิทธิ์ของฉัน');
    const group = readable(
      await c.say('ช่วยเหลือ', { user: DEMO_CITIZEN_ID, group: demoGroupIdOf(PROVINCIAL_OFFICE_ID) }),
    );
    expect(group).toContain('ผูกกลุ่ม');
    expect(group).not.toContain('รหัสผูกกลุ่ม');
  });
});
