// `ita richmenu` against the fake LINE API (which checks the rich-menu bodies and image uploads), the menus'
// limits, and the real picture renderer with Debian's Chromium (CI installs it: `apt-get install -y chromium`).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeLine, startFakeLine } from '../../../../bot/dev/fake-line/index.ts';
import { RICH_MENU_SETTING, syncUserMenu } from '../../../../bot/features/roles/rich-menu.ts';
import { qrPng } from '../../../../bot/features/surveys/qr-png.ts';
import { createLineClient } from '../../../../bot/line/client.ts';
import { type RichMenuCliDeps, runRichMenu } from '../../../../bot/tools/cli/commands/richmenu.ts';
import { DEMO_PROVINCE_ID } from '../../../../bot/tools/demo/agencies.ts';
import {
  DEMO_CITIZEN_ID,
  DEMO_COORDINATOR_ID,
  DEMO_OFFICER_ID,
  DEMO_STAFF_ID,
} from '../../../../bot/tools/demo/line.ts';
import { loadDemo } from '../../../../bot/tools/demo/load.ts';
import { checkMenu, richMenuRequest } from '../../../../bot/tools/richmenu/layout.ts';
import { allMenus, staffMenu } from '../../../../bot/tools/richmenu/menus.ts';
import { RichMenuImageError, renderMenuImages } from '../../../../bot/tools/richmenu/render.ts';
import { fitSize, svgText } from '../../../../bot/tools/richmenu/svg.ts';
import { createMenuImageUploader } from '../../../../bot/tools/richmenu/upload.ts';
import { getSetting } from '../../../../db/queries/app-settings.ts';
import { grantRole, revokeRole } from '../../../../db/queries/user-roles.ts';
import { openSqlite, type SqliteDb } from '../../../../db/sqlite.ts';
import { decodePng } from '../../features/surveys/png.ts';

const NOW = new Date('2026-06-10T03:00:00.000Z');
const BASE = 'https://ita.example.go.th';

let fake: FakeLine;
let db: SqliteDb;
let out: string[];
let err: string[];
const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l) };

/** Small but real PNGs stand in for the screenshots: the LINE calls are what these tests are about. */
const smallPngs = async (designs: readonly unknown[]) =>
  Promise.all(designs.map((_, i) => qrPng(`menu ${i}`, { scale: 4 })));

function depsFor(overrides: Partial<RichMenuCliDeps> = {}): RichMenuCliDeps {
  const line = createLineClient({
    channelAccessToken: 'test-token',
    apiBaseUrl: fake.url,
    dataApiBaseUrl: fake.url,
  });
  return {
    db,
    line,
    uploadImage: createMenuImageUploader(line),
    now: () => NOW,
    publicBaseUrl: BASE,
    render: smallPngs,
    ...overrides,
  };
}

beforeEach(async () => {
  fake = await startFakeLine({ channelAccessToken: 'test-token' });
  db = openSqlite(':memory:');
  await loadDemo(db, NOW);
  out = [];
  err = [];
});
afterEach(async () => {
  await fake.close();
  await db.close();
});

describe('ita richmenu', () => {
  it("creates the four menus with pictures, makes the citizens' the default and links each role to its own", async () => {
    expect(await runRichMenu([], io, depsFor())).toBe(0);
    expect(fake.violations()).toEqual([]);
    const menus = fake.richMenus.menus;
    expect(menus.size).toBe(4);
    const ids = (await getSetting(db, RICH_MENU_SETTING)) as Record<string, string>;
    const designs = allMenus(`${BASE}/liff/`);
    for (const key of ['citizen', 'staff', 'coordinator', 'officer'] as const) {
      expect(menus.get(ids[key] ?? '')?.menu).toEqual(richMenuRequest(designs[key]));
      expect(menus.get(ids[key] ?? '')?.image?.contentType).toBe('image/png');
      // Every menu opens the mini-app.
      expect(JSON.stringify(menus.get(ids[key] ?? '')?.menu)).toContain(`"uri":"${BASE}/liff/`);
    }
    expect(fake.richMenus.defaultId).toBe(ids.citizen);
    expect(fake.richMenus.userLinks.get(DEMO_COORDINATOR_ID)).toBe(ids.coordinator);
    expect(fake.richMenus.userLinks.get(DEMO_STAFF_ID)).toBe(ids.staff);
    expect(fake.richMenus.userLinks.get(DEMO_OFFICER_ID)).toBe(ids.officer);
    expect(fake.richMenus.userLinks.has(DEMO_CITIZEN_ID)).toBe(false);
    expect(out.join('\n')).toMatch(/ริชเมนูผู้ประสานงานแล้ว .* และเชื่อมให้ 1 คน/);
  });

  it('replaces the menus of an earlier run and any left behind by a crashed one', async () => {
    await runRichMenu([], io, depsFor());
    const first = (await getSetting(db, RICH_MENU_SETTING)) as Record<string, string>;
    const line = depsFor().line;
    const orphan = await line.call<{ richMenuId: string }>(
      'POST',
      '/v2/bot/richmenu',
      richMenuRequest(staffMenu('https://x/')),
    );
    out = [];
    expect(await runRichMenu([], io, depsFor({ liffId: '1234567890-AbCdEfGh' }))).toBe(0);
    const second = (await getSetting(db, RICH_MENU_SETTING)) as Record<string, string>;
    expect([...fake.richMenus.menus.keys()].sort()).toEqual(Object.values(second).sort());
    expect(second.citizen).not.toBe(first.citizen);
    expect(fake.richMenus.menus.has(orphan.richMenuId)).toBe(false);
    expect(out).toContain('ลบริชเมนูเก่า 5 รายการแล้ว');
    // With a LIFF app registered, "เปิดแอป ITA" opens it through liff.line.me.
    const liffMenu = richMenuRequest(staffMenu('https://liff.line.me/1234567890-AbCdEfGh'));
    expect(fake.richMenus.menus.get(second.staff ?? '')?.menu).toEqual(liffMenu);
    expect(fake.violations()).toEqual([]);
  });

  it('removes a menu whose picture LINE refused, and says why in Thai (exit 1)', async () => {
    const big = async (designs: readonly unknown[]) =>
      designs.map(() => new Uint8Array(1024 * 1024 + 1).fill(1));
    expect(await runRichMenu([], io, depsFor({ render: big }))).toBe(1);
    expect(err.join('\n')).toMatch(/^ข้อผิดพลาด: LINE ไม่รับคำขอ \/v2\/bot\/richmenu\/.+\/content \(HTTP 400\)/);
    expect(fake.richMenus.menus.size).toBe(0);
    expect(fake.violations().map((v) => v.errors.join(' '))).toEqual([
      expect.stringMatching(/at most 1048576 bytes/),
    ]);
  });

  it('stops at the first LINE error without leaving a default behind', async () => {
    fake.failNext(1, { status: 500, paths: ['/v2/bot/richmenu'] });
    expect(await runRichMenu([], io, depsFor())).toBe(1);
    expect(err.join('\n')).toContain('(HTTP 500)');
    expect(fake.richMenus.defaultId).toBeUndefined();
  });

  it("follows one person's roles: the widest role's menu when granted, the default when the last is revoked", async () => {
    const { line } = depsFor();
    expect(await syncUserMenu(db, line, DEMO_CITIZEN_ID)).toBe(false); // no menus live yet
    await runRichMenu([], io, depsFor());
    const ids = (await getSetting(db, RICH_MENU_SETTING)) as Record<string, string>;
    const officer = {
      userId: DEMO_CITIZEN_ID,
      role: 'officer' as const,
      provinceId: DEMO_PROVINCE_ID,
      agencyId: null,
    };
    await grantRole(db, { ...officer, grantedBy: 'test' }, NOW);
    expect(await syncUserMenu(db, line, DEMO_CITIZEN_ID)).toBe(true);
    expect(fake.richMenus.userLinks.get(DEMO_CITIZEN_ID)).toBe(ids.officer);
    const coordinator = { ...officer, role: 'coordinator' as const };
    await grantRole(db, { ...coordinator, grantedBy: 'test' }, NOW);
    await syncUserMenu(db, line, DEMO_CITIZEN_ID);
    expect(fake.richMenus.userLinks.get(DEMO_CITIZEN_ID)).toBe(ids.coordinator);
    await revokeRole(db, coordinator);
    await revokeRole(db, officer);
    await syncUserMenu(db, line, DEMO_CITIZEN_ID);
    expect(fake.richMenus.userLinks.has(DEMO_CITIZEN_ID)).toBe(false);
    expect(fake.violations()).toEqual([]);
  });

  it('writes pictures and JSON only with --out, calling nobody', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ita-richmenu-'));
    try {
      expect(await runRichMenu(['--out', dir], io, depsFor())).toBe(0);
      expect(JSON.parse(readFileSync(join(dir, 'staff.json'), 'utf8'))).toEqual(
        richMenuRequest(staffMenu(`${BASE}/liff/`)),
      );
      expect(decodePng(readFileSync(join(dir, 'citizen.png'))).header.colorType).toBe(0);
      expect(fake.requests).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([[['--bogus']], [['--out']], [['--out', '--x']]])(
    'refuses %j with the usage (exit 2)',
    async (args) => {
      expect(await runRichMenu(args, io, depsFor())).toBe(2);
      expect(err.join('\n')).toContain('วิธีใช้');
    },
  );

  it('says in Thai what went wrong when the pictures cannot be drawn (exit 2)', async () => {
    const failing = async () => {
      throw new RichMenuImageError('อ่านฟอนต์ Sarabun สำหรับรูปริชเมนูไม่สำเร็จ');
    };
    expect(await runRichMenu([], io, depsFor({ render: failing }))).toBe(2);
    expect(err.join('\n')).toContain('อ่านฟอนต์ Sarabun');
  });
});

describe('the menus', () => {
  it("keep within LINE's limits: 14-character chat bar, at most 20 areas, 20-character labels, whole image", () => {
    for (const design of Object.values(allMenus(`${BASE}/liff/`))) {
      expect(checkMenu(design)).toEqual([]);
      const areas = richMenuRequest(design).areas ?? [];
      const covered = areas.reduce((sum, a) => sum + (a.bounds?.width ?? 0) * (a.bounds?.height ?? 0), 0);
      expect(covered).toBe(design.size.width * design.size.height);
    }
    const tooMuch = { ...staffMenu('x'), chatBarText: 'เมนูสำหรับเจ้าหน้าที่ทุกคน' };
    tooMuch.cells = Array.from({ length: 21 }, () => tooMuch.cells[0]).filter((c) => c !== undefined);
    expect(checkMenu(tooMuch)).toEqual([
      'chatBarText longer than 14: เมนูสำหรับเจ้าหน้าที่ทุกคน',
      'areas must number 1 to 20',
    ]);
  });

  it('are drawn without a browser as 2500 × 1686 PNGs under 1 MB', async () => {
    const images = await renderMenuImages(Object.values(allMenus(`${BASE}/liff/`)));
    expect(images).toHaveLength(4);
    for (const png of images) {
      const { header } = decodePng(png);
      expect([header.width, header.height]).toEqual([2500, 1686]);
      expect(png.length).toBeLessThanOrEqual(1024 * 1024);
      // Tiles, icons and text: far more than the few colours of an empty or blank picture.
      expect(png.length).toBeGreaterThan(50_000);
    }
  }, 60_000);

  it('give the renderer SARA AM as NIKHAHIT + SARA AA, before a tone mark, and escape XML', () => {
    expect(svgText('คำ')).toBe('ค\u0E4D\u0E32');
    expect(svgText('น้ำ')).toBe('น\u0E4D\u0E49\u0E32');
    expect(svgText('<a & b>')).toBe('&#60;a &#38; b&#62;');
  });

  it('shrink a text that would not fit its tile, never below 20 px', () => {
    const measure = (text: string, size: number) => text.length * size * 0.5;
    expect(fitSize('สั้น', 100, 1000, measure)).toBe(100);
    expect(fitSize('ยาวมากเกินไป', 100, 300, measure)).toBe(50);
    expect(fitSize('ยาวมากเกินไปจนต้องตัด', 100, 10, measure)).toBe(20);
  });
});
