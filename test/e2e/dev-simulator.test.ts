// The /dev chat simulator in headless Chromium (Debian's, driven by playwright-core) against a real local-mode
// server: a citizen asks for help and presses a quick reply; staff run the scheduler and mark a reminder done.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_CITIZEN_ID,
  DEMO_STAFF_AGENCY_IDS,
  DEMO_STAFF_ID,
  demoGroupIdOf,
} from '../../bot/tools/demo/index.ts';
import { launchChromium, requireChromium, watchPage } from './chromium.ts';
import { type LocalApp, nextReminder, startLocalApp } from './local-app.ts';

const RESULTS = resolve(import.meta.dirname, '../../test-results');
const STAFF_GROUP = demoGroupIdOf(DEMO_STAFF_AGENCY_IDS[0] ?? '');
const WIDTH = 390;

let local: LocalApp;
let browser: Browser | undefined;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  local = await startLocalApp();
  await local.serve();
  browser = await launchChromium();
  if (browser === undefined) return;
  page = await browser.newPage({ viewport: { width: WIDTH, height: 844 }, locale: 'th-TH' });
  page.setDefaultTimeout(5_000);
  watchPage(page, problems, { console: true });
});

afterAll(async () => {
  await browser?.close();
  await local?.close();
});

const botSaying = (text: string) => page.locator('.row[data-from="bot"]', { hasText: text });

async function type(text: string): Promise<void> {
  await page.fill('#text', text);
  await page.click('#send');
}

describe('the /dev chat simulator in Chromium', () => {
  it('lets a citizen ask for help in 1:1 and press the quick reply of a message not understood', async () => {
    requireChromium();
    await page.goto(`${local.url}/dev`);
    await page.locator('#person option').nth(3).waitFor({ state: 'attached' });
    await page.selectOption('#person', DEMO_CITIZEN_ID);
    expect(await page.locator('#person option:checked').textContent()).toMatch(/^ประชาชน/);
    expect(await page.inputValue('#chat')).toBe(DEMO_CITIZEN_ID);
    expect(await page.textContent('#chat-title')).toBe('ITA จังหวัดปทุมธานี');

    await type('ช่วยเหลือ');
    await page.locator('.row.me', { hasText: 'ช่วยเหลือ' }).waitFor();
    await botSaying('คำสั่งที่ใช้ได้ในแชตนี้').waitFor();

    await type('สวัสดี');
    await botSaying('ระบบยังไม่เข้าใจข้อความนี้').waitFor();
    const quick = page.locator('#quick button.quick', { hasText: 'ช่วยเหลือ' });
    await quick.click();
    await expect.poll(() => botSaying('คำสั่งที่ใช้ได้ในแชตนี้').count()).toBe(2);
    expect(await page.isHidden('#quick')).toBe(true);
    await page.screenshot({ path: resolve(RESULTS, 'dev-simulator-citizen.png') });
  });

  it('lets staff run the scheduler at a chosen time, see the reminder in their group and press เสร็จแล้ว', async () => {
    requireChromium();
    await page.selectOption('#person', DEMO_STAFF_ID);
    expect(await page.inputValue('#chat')).toBe(STAFF_GROUP);
    expect(await page.textContent('#chat-title')).toMatch(/^กลุ่ม /);
    expect(await page.locator('.row').count()).toBe(0); // another chat's history is not shown here
    await type('ช่วยเหลือ');
    await botSaying('คำสั่งที่ใช้ได้ในกลุ่มนี้').waitFor();

    // The first time a deadline reminder falls due for one of the staff member's agencies: open that group.
    const due = await nextReminder(local.deps, DEMO_STAFF_AGENCY_IDS);
    await page.selectOption('#chat', demoGroupIdOf(due.agencyId));
    await page.click('#tools-toggle');
    await page.fill('#tick-at', due.input);
    await page.click('#tick-form button[type="submit"]');
    await page.locator('.note', { hasText: 'รันตัวจัดตารางเวลา' }).waitFor();
    const done = page.locator('.row[data-from="bot"] .fx-bubble button.fx-button', { hasText: 'เสร็จแล้ว' });
    await done.first().waitFor();
    expect(local.ticks).toEqual([due.at]);
    await page.click('#tools-toggle');
    await page.screenshot({ path: resolve(RESULTS, 'dev-simulator-reminder.png') });

    const answers = await page.locator('.row[data-from="bot"]').count();
    await done.first().click();
    await page.locator('.row.me', { hasText: 'เสร็จแล้ว' }).waitFor();
    await expect.poll(() => page.locator('.row[data-from="bot"]').count()).toBe(answers + 1);
    const answer = await page.locator('.row[data-from="bot"] .bot-messages').last().textContent();
    expect(answer).toContain('เสร็จแล้ว');
    await page.screenshot({ path: resolve(RESULTS, 'dev-simulator-group.png') });
  });

  it('draws Thai in Sarabun, fits 390 px without sideways scrolling, and logs no errors', async () => {
    requireChromium();
    const thaiFace = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].some(
        (f) => f.family.includes('Sarabun') && f.status === 'loaded' && f.unicodeRange.includes('E01'),
      );
    });
    expect(thaiFace).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(WIDTH);
    expect(problems).toEqual([]);
    expect(local.fake.violations()).toEqual([]);
  });
});
