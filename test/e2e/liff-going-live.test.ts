// Issue 14's coordinator tools in headless Chromium against the local-mode app (with its Content-Security-Policy
// in force): the settings page changes a setting and a holiday, and the agency-list page checks a CSV file, shows
// what would change, then saves it. Every view passes axe; no console error, CSP violation or failed request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COORDINATOR_ID } from '../../bot/tools/demo/index.ts';
import { requireChromium } from './chromium.ts';
import { inspectView, type LiffBrowser, startLiffBrowser } from './liff-browser.ts';

let liff: LiffBrowser;
beforeAll(async () => {
  liff = await startLiffBrowser();
}, 120_000);
afterAll(async () => {
  await liff?.close();
});

describe('coordinator tools for going live', () => {
  it('changes a setting and a holiday, and imports the province agency list', async () => {
    requireChromium();
    const page = await liff.pageAs(DEMO_COORDINATOR_ID, {
      timeout: 8_000,
      // On purpose: the refused setting and the bad agency file.
      expected: (r) =>
        r.status() === 400 &&
        (r.url().includes('/api/agency-registry/import') || r.url().endsWith('/api/settings')),
    });
    await page.goto(`${liff.url}/liff/tools/settings`);
    await page.locator('main h1').waitFor();
    await page.locator('#setting-workStart').waitFor();
    expect((await inspectView(page, 'coordinator-settings')).violations).toEqual([]);
    await page.fill('#setting-workStart', '08:00');
    await page
      .locator('#setting-workStart')
      .locator('xpath=../..')
      .getByRole('button', { name: 'บันทึก' })
      .click();
    await page.locator('[role="status"]', { hasText: 'บันทึกแล้ว' }).first().waitFor();
    await page.fill('#setting-complaintCloseDays', '0');
    await page
      .locator('#setting-complaintCloseDays')
      .locator('xpath=../..')
      .getByRole('button', { name: 'บันทึก' })
      .click();
    await expect
      .poll(() => page.locator('[role="alert"]').allTextContents())
      .toEqual(expect.arrayContaining([expect.stringContaining('complaintCloseDays')]));

    const day = `${new Date().getFullYear()}-12-28`;
    await page.fill('#holiday-date', day);
    await page.fill('#holiday-name', 'วันหยุดพิเศษทดสอบ');
    await page.getByRole('button', { name: 'เพิ่มวันหยุด' }).click();
    await page.locator('li', { hasText: `${day} วันหยุดพิเศษทดสอบ (เพิ่มเอง)` }).waitFor();

    await page.goto(`${liff.url}/liff/tools/agencies`);
    await page.locator('main h1').waitFor();
    expect((await inspectView(page, 'coordinator-agencies')).violations).toEqual([]);
    const csv = [
      'รหัสจังหวัด,รหัสหน่วยงาน,ชื่อหน่วยงาน,ประเภท,อำเภอ',
      'pathum-thani,pathum-thani-new-sao,องค์การบริหารส่วนตำบลทดสอบ,อบต.,เมืองปทุมธานี',
    ].join('\n');
    await page.setInputFiles('#agencies-file', {
      name: 'agencies.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await page.getByRole('button', { name: 'ตรวจสอบก่อน' }).click();
    await page.locator('[role="status"]', { hasText: 'เพิ่มใหม่ 1' }).waitFor();
    await page.click('#agencies-apply');
    await page.locator('[role="status"]', { hasText: 'บันทึกแล้ว' }).waitFor();
    await page.setInputFiles('#agencies-file', {
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('รหัสจังหวัด,รหัสหน่วยงาน,ชื่อหน่วยงาน,ประเภท\npathum-thani,Bad Id,ชื่อ,ดาวอังคาร'),
    });
    await page.getByRole('button', { name: 'ตรวจสอบก่อน' }).click();
    await expect
      .poll(() => page.locator('[role="alert"] li').allTextContents())
      .toEqual(expect.arrayContaining([expect.stringMatching(/^บรรทัด 2 คอลัมน์ "รหัสหน่วยงาน"/)]));
    expect(liff.problems).toEqual([]);
  }, 180_000);
});
