// Issue 15's framework import in the mini-app, in headless Chromium against the local-mode app: the coordinator
// sees FY2570 as unconfirmed, checks a framework file for FY2570, saves it and sees the year confirmed at once; a
// bad file lists its problems in Thai. The page passes axe; no console error or unexpected failed request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileOfFramework } from '../../bot/features/frameworks/framework-file.ts';
import { DEMO_COORDINATOR_ID } from '../../bot/tools/demo/index.ts';
import { fiscalYearOf, frameworkFor } from '../../core/index.ts';
import { requireChromium } from './chromium.ts';
import { inspectView, type LiffBrowser, startLiffBrowser } from './liff-browser.ts';

let liff: LiffBrowser;
beforeAll(async () => {
  liff = await startLiffBrowser();
}, 120_000);
afterAll(async () => {
  await liff?.close();
});

describe('the coordinator imports a year’s framework in the mini-app', () => {
  it('checks, saves and uses a framework file for this year, and names a bad file’s problems', async () => {
    requireChromium();
    const year = fiscalYearOf(new Date());
    const assumed = frameworkFor(year);
    if (assumed === undefined) throw new Error(`no framework for ${year}`);
    const file = fileOfFramework(assumed, year);
    const manual = {
      ...file,
      id: `nacc-${year}`,
      source: `คู่มือการประเมิน ITA ปี ${year} (สมมุติในการทดสอบ)`,
      confirmed: true,
      items: file.items.map((item) => ({ ...item, confirmed: true })),
      levels: file.levels.map((level) => ({ ...level, confirmed: true })),
    };
    const page = await liff.pageAs(DEMO_COORDINATOR_ID, {
      timeout: 8_000,
      expected: (r) => r.status() === 400 && r.url().includes('/api/frameworks/import'),
    });
    await page.goto(`${liff.url}/liff/tools/frameworks`);
    await page.locator('main h1').waitFor();
    const thisYear = page.locator(`[data-year="${year}"]`);
    await expect.poll(() => thisYear.textContent()).toContain(`กรอบการประเมินปี ${year} ยังไม่ยืนยัน`);
    expect((await inspectView(page, 'coordinator-frameworks')).violations).toEqual([]);

    await page.setInputFiles('#framework-file', {
      name: `fy${year}.json`,
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(manual)),
    });
    await page.click('#framework-check');
    await page.locator('[role="status"]', { hasText: 'ยังไม่ได้บันทึก' }).waitFor();
    await page.click('#framework-apply');
    await page.locator('[role="status"]', { hasText: 'บันทึกแล้ว ใช้ตั้งแต่ตอนนี้' }).waitFor();
    await expect.poll(() => thisYear.textContent()).toContain('ยืนยันแล้ว');
    expect(await thisYear.textContent()).toContain(`nacc-${year} (นำเข้าโดยผู้ประสานงาน)`);

    await page.setInputFiles('#framework-file', {
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ ...manual, weights: { IIT: 0.5, EIT: 0.5, OIT: 0.5 } })),
    });
    await page.click('#framework-check');
    await expect
      .poll(() => page.locator('[role="alert"] li').allTextContents())
      .toEqual(expect.arrayContaining([expect.stringMatching(/น้ำหนัก/)]));
    expect(liff.problems).toEqual([]);
  }, 180_000);
});
