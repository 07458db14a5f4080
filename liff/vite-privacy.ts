// Vite plugin: renders docs/threat-model.th.md (and its English twin) into static pages of the LIFF build, so
// the page the privacy notice links to (/privacy → /liff/privacy.html) is the doc itself (issue 5 §5).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { escapeHtml, renderMarkdown } from '../core/text/markdown.ts';

export interface PrivacyPage {
  /** The Markdown source, in docs/. */
  doc: string;
  /** Where the page lands in the build (served at /liff/<fileName>). */
  fileName: string;
  lang: 'th' | 'en';
}

/** The Thai page first: bot/http/privacy.ts redirects /privacy to it. */
export const PRIVACY_PAGES: readonly PrivacyPage[] = [
  { doc: 'threat-model.th.md', fileName: 'privacy.html', lang: 'th' },
  { doc: 'threat-model.md', fileName: 'privacy.en.html', lang: 'en' },
];

const DOCS = resolve(import.meta.dirname, '../docs');

// The same Sarabun files the app uses (Thai and Latin subsets, 400 and 600, about 10 KB each in woff2); a
// browser fetches only the subsets a page's characters need. Ranges as in Google Fonts' Sarabun CSS.
const THAI_RANGE = 'U+0E01-0E5B,U+200C-200D,U+25CC';
const LATIN_RANGE =
  'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';
const FONTS = [
  { subset: 'thai', weight: 400, range: THAI_RANGE },
  { subset: 'thai', weight: 600, range: THAI_RANGE },
  { subset: 'latin', weight: 400, range: LATIN_RANGE },
  { subset: 'latin', weight: 600, range: LATIN_RANGE },
] as const;

const STYLE = `:root{color-scheme:light}
body{margin:0;background:#fff;color:#1a1a1a;font:16px/1.7 Sarabun,system-ui,-apple-system,"Noto Sans Thai",sans-serif}
main{max-width:44rem;margin:0 auto;padding:1rem 1rem 3rem}
h1{font-size:1.45rem;line-height:1.4;margin:.5rem 0 1rem}
h2{font-size:1.2rem;margin:2rem 0 .5rem;padding-top:.75rem;border-top:1px solid #d0d0d0}
h3{font-size:1.05rem;margin:1.5rem 0 .25rem}
h1,h2,h3,th,strong{font-weight:600}
ul{padding-left:1.25rem}li{margin:.35rem 0}
a{color:#0b57d0}
code{font:.88em ui-monospace,Menlo,Consolas,monospace;background:#f1f3f4;padding:0 .2em;border-radius:3px;overflow-wrap:anywhere}
table{width:100%;border-collapse:collapse;font-size:.92rem;margin:1rem 0}
th,td{border:1px solid #bdbdbd;padding:.4rem .5rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
th{background:#eef4ee}`;

/** Where a doc's link points on the built page: a sibling doc to its page; another repo file is text only. */
function resolveDocLink(href: string): string | undefined {
  const page = PRIVACY_PAGES.find((p) => href === p.doc || href.startsWith(`${p.doc}#`));
  if (page !== undefined) return href.replace(page.doc, page.fileName);
  const isRepoFile = !/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith('#');
  return isRepoFile ? undefined : href;
}

/** @font-face rules for the font files at the given URLs (in FONTS order). */
function fontFacesOf(urls: readonly string[]): string {
  return FONTS.map(
    (f, i) =>
      `@font-face{font-family:Sarabun;font-style:normal;font-display:swap;font-weight:${f.weight};` +
      `src:url(${urls[i] ?? ''}) format("woff2");unicode-range:${f.range}}`,
  ).join('\n');
}

/** One self-contained page: no scripts (the CSP forbids them too), inline style, titled by the first heading. */
export function renderPrivacyPage(page: PrivacyPage, markdown: string, fontFaces: string): string {
  const title = /^#\s+(.+)$/m.exec(markdown)?.[1]?.replace(/[*`]/g, '').trim() ?? page.doc;
  const csp =
    "default-src 'none'; style-src 'unsafe-inline'; font-src 'self'; base-uri 'none'; form-action 'none'";
  return `<!doctype html>
<html lang="${page.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>${escapeHtml(title)}</title>
<style>
${fontFaces}
${STYLE}
</style>
</head>
<body>
<main>
${renderMarkdown(markdown, { resolveLink: resolveDocLink })}
</main>
</body>
</html>
`;
}

/** The part of Rollup's plugin context the plugin uses (a fake in tests). */
export interface AssetSink {
  emitFile(file: { type: 'asset'; name?: string; fileName?: string; source: string | Uint8Array }): string;
  getFileName(referenceId: string): string;
}

const nodeRequire = createRequire(import.meta.url);

/** Emits the font files (hashed, like the app's own) and then every page, with URLs under `base`. */
export function emitPrivacyPages(sink: AssetSink, base: string): void {
  const urls = FONTS.map((f) => {
    const name = `sarabun-${f.subset}-${f.weight}-normal.woff2`;
    const source = readFileSync(nodeRequire.resolve(`@fontsource/sarabun/files/${name}`));
    return base + sink.getFileName(sink.emitFile({ type: 'asset', name, source }));
  });
  const fontFaces = fontFacesOf(urls);
  for (const page of PRIVACY_PAGES) {
    const markdown = readFileSync(resolve(DOCS, page.doc), 'utf8');
    sink.emitFile({
      type: 'asset',
      fileName: page.fileName,
      source: renderPrivacyPage(page, markdown, fontFaces),
    });
  }
}

export function privacyPages(): Plugin {
  let base = '/';
  return {
    name: 'ita-privacy-pages',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    buildStart() {
      // `vite build --watch` rebuilds when a doc changes.
      for (const page of PRIVACY_PAGES) this.addWatchFile(resolve(DOCS, page.doc));
    },
    generateBundle() {
      emitPrivacyPages(this, base);
    },
  };
}
