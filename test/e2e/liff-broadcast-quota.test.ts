// Issue 16: the mini-app's announcement form, in headless Chromium at 390×844 against the local-mode app and the
// fake LINE API, shows what the announcement will cost in LINE's monthly quota (one message per group member)
// and what remains of the month after it — and says in red by how much it falls short. Axe finds nothing serious.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COORDINATOR_ID } from '../../bot/tools/demo/index.ts';
import { listMemberCounts, setMemberCount } from '../../db/queries/group-members.ts';
import { requireChromium } from './chromium.ts';
import { inspectView, type LiffBrowser, startLiffBrowser } from './liff-browser.ts';

const MEMBERS = 15;
let liff: LiffBrowser;

beforeAll(async () => {
  liff = await startLiffBrowser();
}, 120_000);
afterAll(async () => {
  await liff?.close();
});

/** LINE's figures this month, as the fake LINE API's /quota and /quota/consumption will answer. */
function lineSays(limit: number, used: number): void {
  (liff.local.fake.options as { quotaLimit?: number }).quotaLimit = limit;
  liff.local.fake.totalUsage = used;
}

async function previewOf(page: Page, text: string): Promise<{ groups: number; shown: string }> {
  await page.fill('#broadcast-text', text);
  await page.getByRole('button', { name: 'ดูตัวอย่างและจำนวนผู้รับ' }).click();
  await page.locator('[data-testid="quota-cost"]').waitFor();
  const groups = Number(await page.locator('[data-testid="groups"]').textContent());
  const shown = ((await page.locator('[data-testid="quota-cost"]').textContent()) ?? '').replace(/\s+/g, ' ');
  return { groups, shown };
}

describe('the announcement form prices the announcement', () => {
  it('shows the messages it costs and what remains of the month, and a red shortfall', async () => {
    requireChromium();
    const { deps } = liff.local;
    for (const groupId of (await listMemberCounts(deps.db)).keys())
      await setMemberCount(deps.db, groupId, MEMBERS, deps.now());
    lineSays(5_000, 1_234);
    const page = await liff.pageAs(DEMO_COORDINATOR_ID, {
      timeout: 8_000,
      context: { viewport: { width: 390, height: 844 } },
    });
    await page.goto(`${liff.url}/liff/tools/broadcast`);
    await page.locator('main h1').waitFor();

    const fits = await previewOf(page, 'ขอเชิญประชุมชี้แจง ITA วันที่ 20 มิ.ย. เวลา 09:30 น.');
    expect(fits.groups).toBeGreaterThan(20);
    const cost = fits.groups * MEMBERS;
    expect(fits.shown).toContain(`ใช้โควตาข้อความ LINE ประมาณ ${cost.toLocaleString('en-US')} ข้อความ`);
    expect(fits.shown).toContain(
      `หลังส่งจะเหลือโควตาเดือนนี้ ${(5_000 - 1_234 - cost).toLocaleString('en-US')} ข้อความ`,
    );
    expect((await inspectView(page, 'coordinator-broadcast-cost')).violations).toEqual([]);

    // Later in the month LINE has counted more: the same announcement no longer fits.
    lineSays(5_000, 4_900);
    await page.getByRole('button', { name: 'แก้ไขข้อความ' }).click();
    const short = await previewOf(page, 'ขอเชิญประชุมชี้แจง ITA (แก้ไข)');
    expect(short.shown).toContain(
      `โควตาเดือนนี้ไม่พอ ขาดอีก ${(short.groups * MEMBERS - 100).toLocaleString('en-US')} ข้อความ`,
    );
    expect(await page.locator('[data-testid="quota-cost"] [role="alert"]').count()).toBe(1);
    expect((await inspectView(page, 'coordinator-broadcast-short')).violations).toEqual([]);
    // Still the coordinator's choice: the confirm stays.
    expect(await page.getByRole('button', { name: `ยืนยันส่งถึง ${short.groups} กลุ่ม` }).isEnabled()).toBe(true);
    expect(liff.problems).toEqual([]);
  }, 120_000);
});
