// The rich-menu pictures: each menu's HTML page, screenshotted as PNG by headless Chromium (Debian's package,
// driven by playwright-core). Node only: the `ita richmenu` command runs on the operator's machine.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type MenuFonts, renderMenuHtml } from './html.ts';
import type { MenuDesign } from './menus.ts';

export const CHROMIUM_PATH = '/usr/bin/chromium';
/** LINE refuses rich-menu images over 1 MB (PLATFORM-NOTES §1.10). */
const MAX_IMAGE_BYTES = 1024 * 1024;

// What headless Chromium needs in a container or CI, and nothing that phones home.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
];

/** Draws the menus' pictures, in order; the LINE calls take any function of this shape (tests pass small PNGs). */
export type RenderMenuImages = (designs: readonly MenuDesign[]) => Promise<Uint8Array[]>;

/** A problem the operator can fix, said in Thai. */
export class RichMenuImageError extends Error {
  override name = 'RichMenuImageError';
}

async function loadFonts(): Promise<MenuFonts> {
  const require = createRequire(import.meta.url);
  const files = join(dirname(require.resolve('@fontsource/sarabun/package.json')), 'files');
  const read = async (subset: string) =>
    (await readFile(join(files, `sarabun-${subset}-600-normal.woff2`))).toString('base64');
  return { thai: await read('thai'), latin: await read('latin') };
}

/** Renders every design with one browser; throws RichMenuImageError when Chromium is missing or a font fails. */
export async function renderMenuImages(
  designs: readonly MenuDesign[],
  executablePath = CHROMIUM_PATH,
): Promise<Uint8Array[]> {
  if (!existsSync(executablePath)) {
    throw new RichMenuImageError(
      `ไม่พบเบราว์เซอร์ Chromium ที่ ${executablePath} ซึ่งใช้สร้างรูปริชเมนู ` +
        'กรุณาติดตั้งด้วยคำสั่ง "sudo apt-get install chromium" แล้วลองอีกครั้ง',
    );
  }
  const fonts = await loadFonts();
  // Loaded here, not at the top: every `ita` command imports this file, and only this one needs a browser.
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  try {
    const images: Uint8Array[] = [];
    for (const design of designs) {
      const page = await browser.newPage({ viewport: design.size, deviceScaleFactor: 1 });
      await page.setContent(renderMenuHtml(design, fonts), { waitUntil: 'load' });
      await page.waitForSelector('body[data-ready="yes"]', { timeout: 10_000 });
      const fontReady = await page.evaluate(() => document.fonts.check("600 100px 'Sarabun'", 'ก'));
      if (!fontReady) throw new RichMenuImageError('โหลดฟอนต์ Sarabun สำหรับรูปริชเมนูไม่สำเร็จ');
      const png = new Uint8Array(await page.screenshot({ type: 'png' }));
      await page.close();
      if (png.length > MAX_IMAGE_BYTES)
        throw new RichMenuImageError(
          `รูปริชเมนู "${design.name}" ใหญ่ ${png.length} ไบต์ เกินขีดจำกัด 1 เมกะไบต์ของ LINE`,
        );
      images.push(png);
    }
    return images;
  } finally {
    await browser.close();
  }
}
