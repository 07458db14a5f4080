// The complaint views of the LIFF mini-app in headless Chromium (Debian's, playwright-core) against the local-mode
// app at 390 px: a citizen files a complaint with a photo and looks it up by code; the officer opens it, sees the
// identity and closes it; the citizen then sees the result and rates it. axe-core on every view; screenshots in
// test-results/liff/.
import { deflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CITIZEN_ID, DEMO_COORDINATOR_ID, DEMO_OFFICER_ID } from '../../bot/tools/demo/index.ts';
import { requireChromium } from './chromium.ts';
import { inspectView, type LiffBrowser, startLiffBrowser } from './liff-browser.ts';

const STORY = 'เจ้าหน้าที่เรียกเก็บเงินค่าดำเนินการเพิ่มโดยไม่มีใบเสร็จ เมื่อขอใบเสร็จกลับถูกปฏิเสธ';
const RESULT = 'ตรวจสอบแล้ว ได้ตักเตือนเจ้าหน้าที่และคืนเงินให้ผู้ร้องเรียบร้อย';

let liff: LiffBrowser;

/** A real 2400×1800 PNG (a big phone-sized picture) for the form to downscale. */
function bigPng(): Buffer {
  const [width, height] = [2400, 1800];
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const b of bytes) c = (crcTable[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y += 1)
    for (let x = 0; x < width; x += 1)
      rows.set([x % 256, y % 256, (x * y) % 256], y * (width * 3 + 1) + 1 + x * 3);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

beforeAll(async () => {
  liff = await startLiffBrowser();
}, 180_000);

afterAll(async () => {
  await liff?.close();
});

/** A 390 px page signed in as a demo person, at a spot in Pathum Thani. */
function pageAs(userId: string): Promise<Page> {
  return liff.pageAs(userId, {
    timeout: 10_000,
    context: {
      geolocation: { latitude: 14.0208, longitude: 100.525 },
      permissions: ['geolocation', 'clipboard-read', 'clipboard-write'],
    },
  });
}

/** Checks what is on screen now with axe (serious/critical only) and saves a full-page screenshot. */
async function check(page: Page, shot: string): Promise<void> {
  const found = await inspectView(page, shot);
  // Mobile first: nothing may push the page wider than the 390 px screen.
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth),
    `width of ${shot}`,
  ).toBeLessThanOrEqual(390);
  expect(found.passes).toBeGreaterThan(5);
  expect(found.violations, `axe on ${shot}`).toEqual([]);
}

async function open(page: Page, path: string, shot: string): Promise<void> {
  await page.goto(`${liff.url}/liff/${path}`);
  await page.locator('main h1').waitFor();
  await check(page, shot);
}

const next = (page: Page) => page.locator('form.complaint-form button[type="submit"]').click();

describe('the LIFF complaint views in Chromium', () => {
  let code = '';

  it('lets a citizen file a named complaint with a photo and look it up by code', async () => {
    requireChromium();
    const page = await pageAs(DEMO_CITIZEN_ID);
    await open(page, 'complaints', 'complaint-home');
    expect(await page.locator('.bottom-nav a').allTextContents()).toContain('ร้องเรียน');
    await page.getByRole('link', { name: /แจ้งเรื่องร้องเรียน/ }).click();
    await page.locator('form.complaint-form').waitFor();
    await check(page, 'complaint-1-privacy');
    await next(page);
    await page.getByText('โปรดอ่านและกดยอมรับก่อนแจ้งเรื่อง').waitFor();
    await page.getByLabel('ข้าพเจ้าได้อ่านและยอมรับ').check();
    await next(page);

    await page.getByRole('radio', { name: 'การให้บริการ' }).check();
    await page.getByRole('searchbox').fill('คลัง');
    await page.getByRole('button', { name: 'สำนักงานคลังจังหวัดปทุมธานี' }).click();
    await check(page, 'complaint-2-what');
    await next(page);

    await page.locator('textarea').fill('สั้นไป');
    await next(page);
    await page
      .getByText(/อย่างน้อย 10 ตัวอักษร/)
      .first()
      .waitFor();
    await page.locator('textarea').fill(STORY);
    await check(page, 'complaint-3-story');
    await next(page);

    await page.getByLabel('เกิดขึ้นเมื่อใด').fill('3 มี.ค. 2568 ช่วงบ่าย');
    await page.getByLabel('เกิดขึ้นที่ใด').fill('ห้องรับชำระเงิน ชั้น 1');
    await page.getByRole('button', { name: 'ใช้ตำแหน่งปัจจุบันของฉัน' }).click();
    await page.getByText('แนบตำแหน่งแล้ว').waitFor();
    await check(page, 'complaint-4-when-where');
    await next(page);

    const original = bigPng();
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'receipt.png', mimeType: 'image/png', buffer: original });
    await page.locator('.complaint-photos img').waitFor();
    await check(page, 'complaint-5-photos');
    await next(page);

    await page.getByRole('radio', { name: /ระบุชื่อและเบอร์โทรศัพท์/ }).check();
    await page.getByLabel('ชื่อและนามสกุล').fill('สมชาย ใจดี');
    await page.getByLabel('เบอร์โทรศัพท์', { exact: true }).fill('12345');
    await next(page);
    await page.getByText(/หมายเลขโทรศัพท์ไม่ถูกต้อง/).waitFor();
    await page.getByLabel('เบอร์โทรศัพท์', { exact: true }).fill('๐๘๑-๒๓๔-๕๖๗๘');
    await check(page, 'complaint-6-identity');
    await next(page);

    await expect.poll(() => page.locator('.complaint-summary').textContent()).toContain('081-234-5678');
    await check(page, 'complaint-7-confirm');
    await next(page);
    await page.locator('#tracking-code').waitFor();
    code = (await page.locator('#tracking-code').textContent()) ?? '';
    expect(code).toMatch(/^[2-9A-Z]{5}-[2-9A-Z]{5}-[2-9A-Z]{5}$/);
    await page.getByRole('button', { name: 'คัดลอกรหัส' }).click();
    await page.getByText('คัดลอกแล้ว').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
    await check(page, 'complaint-8-receipt');

    await open(page, 'complaints/track', 'complaint-track-empty');
    await page.getByLabel('รหัสติดตามเรื่อง').fill(code.toLowerCase().replaceAll('-', ' '));
    await page.getByRole('button', { name: 'ตรวจสอบสถานะ' }).click();
    await page.locator('#status-title').waitFor();
    expect(await page.locator('#status-title').textContent()).toContain('ได้รับเรื่องแล้ว');
    expect(await page.locator('main').textContent()).not.toContain('สมชาย');
    await check(page, 'complaint-track-received');

    await open(page, 'complaints/mine', 'complaint-mine');
    expect(await page.locator('.complaint-card').first().textContent()).toContain(code);
    expect(liff.problems).toEqual([]);
  }, 180_000);

  it('lets the officer open it from the queue, see the identity and photo, and close it with a result', async () => {
    requireChromium();
    expect(code).not.toBe('');
    const page = await pageAs(DEMO_OFFICER_ID);
    await open(page, 'cases', 'case-queue');
    const row = page.locator('a.complaint-case-row', { hasText: code });
    await row.click();
    await page.locator('#identity-title').waitFor();
    // Name and phone stay hidden until the officer asks (that read is the one audited).
    expect(await page.locator('.complaint-identity').textContent()).not.toContain('สมชาย');
    await check(page, 'case-detail-identity-hidden');
    await page.getByRole('button', { name: 'แสดงข้อมูลผู้ร้องเรียน' }).click();
    await page.locator('.complaint-identity', { hasText: 'สมชาย ใจดี' }).waitFor();
    expect(await page.locator('.complaint-identity').textContent()).toContain('สมชาย ใจดี');
    expect(await page.locator('.complaint-identity').textContent()).toContain('081-234-5678');
    expect(await page.locator('.complaint-identity').textContent()).toContain('ถูกบันทึกไว้');
    expect(await page.locator('main').textContent()).toContain(STORY);
    await page.locator('.complaint-case-photos img').waitFor();
    expect(
      await page.locator('.complaint-case-photos img').evaluate((img: HTMLImageElement) => img.naturalWidth),
    ).toBe(1600);
    await check(page, 'case-detail-received');

    await page.getByRole('button', { name: 'รับเป็นผู้รับผิดชอบ' }).click();
    await page.getByText('บันทึกแล้ว: อยู่ระหว่างดำเนินการ').waitFor();
    // Who holds it now, and no second "take".
    await page.locator('.case-holder').waitFor();
    expect(await page.locator('.case-holder').textContent()).toContain('ท่าน');
    expect(await page.getByRole('button', { name: 'รับเป็นผู้รับผิดชอบ' }).count()).toBe(0);
    await page.getByRole('button', { name: 'ปิดเรื่องพร้อมผล' }).click();
    await page.getByRole('button', { name: 'ยืนยันปิดเรื่องพร้อมผล' }).click();
    await page.getByText('โปรดกรอกผลการดำเนินการก่อนปิดเรื่อง').waitFor();
    await page.getByLabel(/ผลการดำเนินการ/).fill(RESULT);
    await check(page, 'case-detail-closing');
    await page.getByRole('button', { name: 'ยืนยันปิดเรื่องพร้อมผล' }).click();
    await page.getByText('บันทึกแล้ว: ดำเนินการเสร็จสิ้น').waitFor();
    await expect.poll(() => page.locator('.complaint-history').textContent()).toContain(RESULT);
    await check(page, 'case-detail-closed');

    await open(page, 'cases/stats', 'case-stats');
    expect(await page.locator('.complaint-figure strong').first().textContent()).toMatch(/^(\d+|<\d)$/);
    expect(liff.problems).toEqual([]);
  }, 120_000);

  it('shows the citizen the result by code, takes a rating, and refuses the officer views', async () => {
    requireChromium();
    const page = await pageAs(DEMO_CITIZEN_ID);
    await page.goto(`${liff.url}/liff/complaints/track#${code}`);
    await page.locator('#status-title').waitFor();
    expect(await page.locator('main').textContent()).toContain(RESULT);
    await page.getByRole('button', { name: /^5 คะแนน/ }).click();
    await page.getByRole('button', { name: 'ส่งคะแนน' }).click();
    await page.getByText('ขอบคุณที่ให้คะแนน').waitFor();
    await check(page, 'complaint-track-closed');
    await open(page, 'cases', 'citizen-cases-refused');
    expect(await page.locator('.refusal').textContent()).toContain(
      'เปิดได้เฉพาะเจ้าหน้าที่รับเรื่องร้องเรียนของหน่วยงาน',
    );
    expect(liff.problems).toEqual([]);
  }, 120_000);

  it('shows the coordinator the province statistics with small counts suppressed', async () => {
    requireChromium();
    const page = await pageAs(DEMO_COORDINATOR_ID);
    await open(page, 'cases/stats', 'coordinator-case-stats');
    // One complaint in the province: a count of 1 is below the threshold, published as "<3".
    expect(await page.locator('.complaint-figure strong').first().textContent()).toBe('<3');
    expect(liff.problems).toEqual([]);
  }, 60_000);
});
