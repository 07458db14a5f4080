// The `_headers` file of the Workers static assets (wrangler.toml [assets], directory liff/dist): hashed files are
// kept a year, the HTML pages revalidated on every open — the same Cache-Control Node sets (bot/node-liff.ts).
// https://developers.cloudflare.com/workers/static-assets/headers/ — the file sits at the assets' root, which is
// one folder above Vite's outDir (dist/liff/), and is read by Cloudflare, never served itself.
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Plugin } from 'vite';

export const HEADERS_FILE = `/liff/assets/*
  Cache-Control: public, max-age=31536000, immutable
/liff/
  Cache-Control: no-cache
/liff/*.html
  Cache-Control: no-cache
`;

export function workersHeaders(): Plugin {
  let outDir = '';
  return {
    name: 'ita-workers-headers',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    writeBundle() {
      writeFileSync(join(dirname(outDir), '_headers'), HEADERS_FILE);
    },
  };
}
