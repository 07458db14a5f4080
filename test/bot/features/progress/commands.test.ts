// `ติดตาม` / `progress` as conversations: the Flex carousel within LINE's limits, and who may see it where.
import { afterEach, describe, expect, it } from 'vitest';
import type { LineMessage } from '../../../../bot/dev/fake-line/types.ts';
import { collectProgress } from '../../../../bot/features/progress/commands.ts';
import { buildProgress, surveyText } from '../../../../bot/features/progress/messages.ts';
import {
  DEMO_CITIZEN_ID,
  DEMO_COORDINATOR_ID,
  DEMO_OFFICER_ID,
  DEMO_STAFF_ID,
  demoGroupIdOf,
} from '../../../../bot/tools/demo/line.ts';
import { upsertProvince } from '../../../../db/queries/provinces.ts';
import { grantRole } from '../../../../db/queries/user-roles.ts';
import { checkAndClose, PUBLIC_BASE_URL } from '../../../support/harness.ts';
import { type Conversation, NOW, readable, startConversation } from '../../line/events/conversation.ts';

const COORDINATOR = { user: DEMO_COORDINATOR_ID };
const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');

let c: Conversation;
afterEach(() => checkAndClose(c.h));

/** URIs of the buttons in a message. */
function uris(messages: readonly LineMessage[]): string[] {
  return [...JSON.stringify(messages).matchAll(/"uri":"([^"]+)"/g)].map((m) => m[1] ?? '');
}

function carouselOf(messages: readonly LineMessage[]): { contents: unknown[] } {
  const [message] = messages;
  expect(message?.type).toBe('flex');
  const contents = message?.contents as { type: string; contents: unknown[] };
  expect(contents.type).toBe('carousel');
  return contents;
}

describe('ติดตาม / progress', () => {
  it('shows a coordinator who is behind as a carousel within LINE limits, with links to LIFF', async () => {
    c = await startConversation();
    const answer = await c.say('ติดตาม', COORDINATOR);
    const carousel = carouselOf(answer);
    expect(carousel.contents.length).toBeLessThanOrEqual(12);
    expect(bytes(carousel)).toBeLessThanOrEqual(50_000);
    for (const bubble of carousel.contents) expect(bytes(bubble)).toBeLessThanOrEqual(30_000);
    expect(String(answer[0]?.altText).length).toBeLessThanOrEqual(1500);
    // The summary links the mini-app's survey and plan views (issue 4 §3, issue 7).
    expect(uris(answer)).toEqual([`${PUBLIC_BASE_URL}/liff/surveys`, `${PUBLIC_BASE_URL}/liff/plan`]);
    const text = readable(answer);
    expect(text).toContain('ติดตามงาน ITA ปีงบประมาณ 2569');
    expect(text).toMatch(/งานเลยกำหนด \d+ งาน/);
    expect(text).toMatch(/IIT \d+\/\d+ คน \(\d+%\)/);
  });

  it('agrees with the data: each overdue activity counts the agencies not done', async () => {
    c = await startConversation();
    const view = await collectProgress(c.h.deps.db, 'pathum-thani', NOW);
    expect(view.overdueActivities.length).toBeGreaterThan(0);
    const late = view.overdueActivities[0];
    const agenciesLate = view.behind.filter((a) => a.overdue.some((o) => o.seq === late?.seq));
    expect(agenciesLate).toHaveLength(late?.behind ?? -1);
    for (const [a, b] of view.behind.slice(1).map((p, i) => [view.behind[i], p] as const))
      expect((a?.overdue.length ?? 0) >= b.overdue.length).toBe(true);
  });

  it('summarises agencies beyond ten in a last bubble', async () => {
    c = await startConversation();
    const view = await collectProgress(c.h.deps.db, 'pathum-thani', NOW);
    const many = {
      ...view,
      behind: Array.from({ length: 30 }, (_, i) => ({
        ...(view.behind[0] ?? { agencyId: 'x', name: 'x', overdue: [], surveys: [] }),
        agencyId: `a${i}`,
      })),
    };
    const carousel = carouselOf(buildProgress(many));
    expect(carousel.contents).toHaveLength(12);
    expect(readable(buildProgress(many))).toContain('และอีก 20 หน่วยงาน');
  });

  it('takes "ติดตาม งาน", "ติดตามงาน" and "progress"', async () => {
    c = await startConversation();
    for (const text of ['ติดตาม งาน', 'ติดตามงาน', 'progress'])
      expect(carouselOf(await c.say(text, COORDINATOR)).contents.length).toBeGreaterThan(1);
  });

  it('says so when the year has no plan and no survey links', async () => {
    c = await startConversation({ demo: false });
    await upsertProvince(c.h.deps.db, { id: 'nan', nameTh: 'น่าน' }, NOW);
    await grantRole(
      c.h.deps.db,
      { userId: DEMO_COORDINATOR_ID, role: 'coordinator', provinceId: 'nan', grantedBy: null },
      NOW,
    );
    expect(readable(await c.say('ติดตาม', COORDINATOR))).toContain('ยังไม่มีแผนงานหรือแบบสำรวจ');
  });

  it.each([
    ['staff', DEMO_STAFF_ID],
    ['officer', DEMO_OFFICER_ID],
    ['citizen', DEMO_CITIZEN_ID],
  ])('shows a %s their own complaints in 1:1 chat, and refuses politely in a group', async (_role, user) => {
    c = await startConversation();
    expect(readable(await c.say('ติดตาม', { user }))).toContain('ยังไม่มีเรื่องร้องเรียนของท่านในระบบ');
    expect(readable(await c.say('ติดตาม', { user, group: demoGroupIdOf('nakhon-rangsit') }))).toContain(
      'ขออภัย',
    );
  });

  it('points a coordinator in a group to 1:1 chat, and leaves other "ติดตาม …" alone there', async () => {
    c = await startConversation();
    const group = demoGroupIdOf('nakhon-rangsit');
    expect(readable(await c.say('ติดตาม', { ...COORDINATOR, group }))).toContain('แชตส่วนตัว');
    expect(await c.say('ติดตาม K7QM-2XPA-9DRT', { ...COORDINATOR, group })).toEqual([]);
    expect(await c.say('ติดตามข่าวด้วยนะคะ', { user: DEMO_STAFF_ID, group })).toEqual([]);
  });

  it('tells a coordinator in 1:1 chat to type the bare command when something follows it', async () => {
    c = await startConversation();
    expect(readable(await c.say('ติดตาม ทุกหน่วยงาน', COORDINATOR))).toContain('พิมพ์ "ติดตาม" อย่างเดียว');
  });
});

describe('surveyText', () => {
  it.each([
    [45, 120, '45/120 คน (37%)'],
    [29, 100, '29/100 คน (29%)'],
    [57, 100, '57/100 คน (57%)'],
    [120, 120, '120/120 คน (100%)'],
    [130, 120, '130/120 คน (100%) เกินเป้า 10'],
    [0, null, '0 คน (ยังไม่ได้ตั้งเป้า)'],
  ])('shows %i of %s as %s', (reported, target, expected) => {
    expect(surveyText(reported, target)).toBe(expected);
  });
});
