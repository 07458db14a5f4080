// The rich-menu pictures: each menu's SVG (svg.ts) rendered to PNG by resvg, with Sarabun from
// @fontsource/sarabun. No browser: an operator's server needs nothing but the npm packages.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import type { MenuDesign } from './menus.ts';
import { FONT_FAMILY, renderMenuSvg, svgText } from './svg.ts';
import { woffToSfnt } from './woff.ts';

/** LINE refuses rich-menu images over 1 MB (PLATFORM-NOTES §1.10). */
const MAX_IMAGE_BYTES = 1024 * 1024;
const SUBSETS = ['thai', 'latin'] as const;

/** Draws the menus' pictures, in order; the LINE calls take any function of this shape (tests pass small PNGs). */
export type RenderMenuImages = (designs: readonly MenuDesign[]) => Promise<Uint8Array[]>;

/** A problem the operator can fix, said in Thai. */
export class RichMenuImageError extends Error {
  override name = 'RichMenuImageError';
}

/**
 * Sarabun 600 as TrueType files: resvg reads fonts from files and knows no WOFF, so the package's WOFF files
 * are unpacked once into the temporary folder.
 */
async function fontFiles(): Promise<string[]> {
  const require = createRequire(import.meta.url);
  const from = join(dirname(require.resolve('@fontsource/sarabun/package.json')), 'files');
  const to = join(tmpdir(), 'ita-line-fonts');
  await mkdir(to, { recursive: true });
  return Promise.all(
    SUBSETS.map(async (subset) => {
      const path = join(to, `sarabun-${subset}-600-normal.ttf`);
      await writeFile(path, woffToSfnt(await readFile(join(from, `sarabun-${subset}-600-normal.woff`))));
      return path;
    }),
  );
}

/** Renders every design; throws RichMenuImageError when the font cannot be read or a picture is too large. */
export async function renderMenuImages(designs: readonly MenuDesign[]): Promise<Uint8Array[]> {
  let files: string[];
  try {
    files = await fontFiles();
  } catch (error) {
    throw new RichMenuImageError(`อ่านฟอนต์ Sarabun สำหรับรูปริชเมนูไม่สำเร็จ (${(error as Error).message})`);
  }
  const options: ResvgRenderOptions = {
    font: { loadSystemFonts: false, fontFiles: files, defaultFontFamily: FONT_FAMILY },
    logLevel: 'off',
  };
  const measure = (text: string, fontSize: number) => {
    const probe =
      `<svg xmlns="http://www.w3.org/2000/svg" width="4000" height="${fontSize * 3}">` +
      `<text x="0" y="${fontSize * 2}" font-family="${FONT_FAMILY}" font-weight="600" font-size="${fontSize}">` +
      `${svgText(text)}</text></svg>`;
    return new Resvg(probe, options).getBBox()?.width ?? 0;
  };
  return designs.map((design) => {
    const png = new Uint8Array(new Resvg(renderMenuSvg(design, measure), options).render().asPng());
    if (png.length > MAX_IMAGE_BYTES)
      throw new RichMenuImageError(
        `รูปริชเมนู "${design.name}" ใหญ่ ${png.length} ไบต์ เกินขีดจำกัด 1 เมกะไบต์ของ LINE`,
      );
    return png;
  });
}
