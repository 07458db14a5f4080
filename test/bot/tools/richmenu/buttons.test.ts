// Every button of each role's rich menu works for the people who have that menu: a message button gets an
// answer that is not a refusal, a mini-app button opens a page that role may open. And a role granted or
// revoked in chat switches the person's menu on LINE.
import { afterEach, describe, expect, it } from 'vitest';
import { MENU_KEYS, type MenuKey, RICH_MENU_SETTING } from '../../../../bot/features/roles/rich-menu.ts';
import { qrPng } from '../../../../bot/features/surveys/qr-png.ts';
import {
  DEMO_CITIZEN_ID,
  DEMO_COORDINATOR_ID,
  DEMO_OFFICER_ID,
  DEMO_STAFF_ID,
} from '../../../../bot/tools/demo/line.ts';
import { applyRichMenus } from '../../../../bot/tools/richmenu/apply.ts';
import { allMenus } from '../../../../bot/tools/richmenu/menus.ts';
import { createMenuImageUploader } from '../../../../bot/tools/richmenu/upload.ts';
import { getSetting } from '../../../../db/queries/app-settings.ts';
import { matchPath } from '../../../../liff/src/lib/router.ts';
import { mayOpen, type Role } from '../../../../liff/src/lib/session.ts';
import { ROUTES } from '../../../../liff/src/routes.tsx';
import { checkAndClose } from '../../../support/harness.ts';
import { type Conversation, NOW, readable, startConversation } from '../../line/events/conversation.ts';

const BASE = 'https://ita.example.go.th';
const LIFF = `${BASE}/liff/`;

/** A demo person holding each menu's role (the citizen holds none). */
const HOLDER: Record<MenuKey, { userId: string; roles: Role[] }> = {
  citizen: { userId: DEMO_CITIZEN_ID, roles: [] },
  staff: { userId: DEMO_STAFF_ID, roles: ['staff'] },
  coordinator: { userId: DEMO_COORDINATOR_ID, roles: ['coordinator'] },
  officer: { userId: DEMO_OFFICER_ID, roles: ['officer'] },
};

/** What the bot says when a command is not for this person, or not understood. */
const REFUSAL = /ทำได้เฉพาะ|ใช้ได้เฉพาะ|มีไว้สำหรับ|ให้สิทธิ์ก่อน|ยังไม่เข้าใจ|ไม่มีสิทธิ์/;

let c: Conversation;
afterEach(() => checkAndClose(c.h));

describe('each role’s rich menu', () => {
  it.each(MENU_KEYS)('works, button by button, for the %s who has it', async (key) => {
    c = await startConversation();
    const { userId, roles } = HOLDER[key];
    for (const cell of allMenus(LIFF)[key].cells) {
      const action = cell.action;
      if (action.type === 'message') {
        const answer = readable(await c.say(action.text, { user: userId }));
        expect(answer, `${key}: ${action.text}`).not.toBe('');
        expect(answer, `${key}: ${action.text}`).not.toMatch(REFUSAL);
        // `ยกเลิก` leaves whatever the button began (a complaint form, an announcement draft).
        await c.say('ยกเลิก', { user: userId });
      } else {
        expect(action.uri.startsWith(LIFF), action.uri).toBe(true);
        const path = action.uri.slice(LIFF.length);
        const route = ROUTES.find((r) => matchPath(r.path, path) !== undefined);
        expect(route, `${key}: ${path}`).toBeDefined();
        expect(mayOpen(new Set(roles), route?.roles), `${key}: ${path}`).toBe(true);
      }
    }
  });

  it('follows a role granted and revoked in chat', async () => {
    c = await startConversation();
    const uploadImage = createMenuImageUploader(c.h.deps.line);
    await applyRichMenus(
      {
        db: c.h.deps.db,
        line: c.h.deps.line,
        uploadImage,
        now: () => NOW,
        render: async (designs) => Promise.all(designs.map((_, i) => qrPng(`menu ${i}`, { scale: 4 }))),
      },
      allMenus(LIFF),
    );
    const ids = (await getSetting(c.h.deps.db, RICH_MENU_SETTING)) as Record<MenuKey, string>;
    const links = c.h.fake.richMenus.userLinks;
    expect(links.has(DEMO_CITIZEN_ID)).toBe(false);
    await c.say(`ให้สิทธิ์ ${DEMO_CITIZEN_ID} เจ้าหน้าที่รับเรื่อง`, { user: DEMO_COORDINATOR_ID });
    expect(links.get(DEMO_CITIZEN_ID)).toBe(ids.officer);
    await c.say(`ให้สิทธิ์ ${DEMO_CITIZEN_ID} ผู้ประสานงาน`, { user: DEMO_COORDINATOR_ID });
    expect(links.get(DEMO_CITIZEN_ID)).toBe(ids.coordinator);
    await c.say(`ถอนสิทธิ์ ${DEMO_CITIZEN_ID} ผู้ประสานงาน`, { user: DEMO_COORDINATOR_ID });
    expect(links.get(DEMO_CITIZEN_ID)).toBe(ids.officer);
    await c.say(`ถอนสิทธิ์ ${DEMO_CITIZEN_ID} เจ้าหน้าที่รับเรื่อง`, { user: DEMO_COORDINATOR_ID });
    expect(links.has(DEMO_CITIZEN_ID)).toBe(false);
    expect(c.h.fake.violations()).toEqual([]);
  });
});
