// Sarabun embedded in a report's HTML (Node only: the CLI reads @fontsource/sarabun's files), so a saved page
// shows Thai the same on any machine, with no network. The API's pages fall back to installed fonts instead.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** WOFF2 files as base64, by subset and weight. */
export interface SarabunFonts {
  thai400: string;
  latin400: string;
  thai700: string;
  latin700: string;
}

// Unicode ranges as @fontsource/sarabun declares them (thai-400.css, latin-400.css).
const THAI_RANGE = 'U+02D7,U+0303,U+0331,U+0E01-0E5B,U+200C-200D,U+25CC';
const LATIN_RANGE =
  'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';

export async function loadSarabun(): Promise<SarabunFonts> {
  const require = createRequire(import.meta.url);
  const files = join(dirname(require.resolve('@fontsource/sarabun/package.json')), 'files');
  const read = async (name: string) =>
    (await readFile(join(files, `sarabun-${name}-normal.woff2`))).toString('base64');
  return {
    thai400: await read('thai-400'),
    latin400: await read('latin-400'),
    thai700: await read('thai-700'),
    latin700: await read('latin-700'),
  };
}

/** The @font-face rules for embedded fonts. */
export function embeddedFontFaces(fonts: SarabunFonts): string {
  const face = (data: string, weight: number, range: string) =>
    `@font-face{font-family:'Sarabun';font-weight:${weight};font-style:normal;` +
    `src:url(data:font/woff2;base64,${data}) format('woff2');unicode-range:${range}}`;
  return (
    face(fonts.thai400, 400, THAI_RANGE) +
    face(fonts.latin400, 400, LATIN_RANGE) +
    face(fonts.thai700, 700, THAI_RANGE) +
    face(fonts.latin700, 700, LATIN_RANGE)
  );
}
