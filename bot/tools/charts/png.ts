// The analysis report's charts rendered to PNG by resvg with Sarabun (Node only: a native module), for Word
// versions that cannot show SVG. The Node server and the CLI hand this to the reports; a Worker uses the
// plain-TypeScript raster (features/reports/chart-raster.ts), which draws the bars without text.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import type { RenderPng } from '../../features/reports/charts.ts';
import { woffToSfnt } from '../richmenu/woff.ts';

const FONTS = ['thai-400', 'latin-400', 'thai-700', 'latin-700'] as const;

let files: Promise<string[]> | undefined;

/** Sarabun as TrueType files in the temporary folder (resvg reads sfnt files only), unpacked once a process. */
function fontFiles(): Promise<string[]> {
  files ??= (async () => {
    const require = createRequire(import.meta.url);
    const from = join(dirname(require.resolve('@fontsource/sarabun/package.json')), 'files');
    const to = join(tmpdir(), 'ita-line-fonts');
    await mkdir(to, { recursive: true });
    return Promise.all(
      FONTS.map(async (name) => {
        const path = join(to, `sarabun-${name}-normal.ttf`);
        await writeFile(path, woffToSfnt(await readFile(join(from, `sarabun-${name}-normal.woff`))));
        return path;
      }),
    );
  })();
  return files;
}

/** The chart's SVG (drawn for resvg) as a PNG at twice its size. */
export const renderChartPng: RenderPng = async (svg, chart) => {
  const resvg = new Resvg(svg, {
    font: { loadSystemFonts: false, fontFiles: await fontFiles(), defaultFontFamily: 'Sarabun' },
    fitTo: { mode: 'width', value: chart.width * 2 },
    logLevel: 'off',
  });
  return new Uint8Array(resvg.render().asPng());
};
