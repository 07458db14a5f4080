// The simulator page's files, read once when local mode mounts /dev (Node only: local mode runs on Node).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export interface Asset {
  body: Uint8Array<ArrayBuffer>;
  type: string;
}

/** The page, its script and style, and Sarabun (Thai and Latin, regular and bold) from @fontsource/sarabun. */
export function loadSimulatorAssets(): Map<string, Asset> {
  const here = import.meta.dirname;
  const require = createRequire(import.meta.url);
  const own = (file: string, type: string): [string, Asset] => [file, { body: read(join(here, file)), type }];
  const font = (file: string): [string, Asset] => [
    file,
    { body: read(require.resolve(`@fontsource/sarabun/files/${file}`)), type: 'font/woff2' },
  ];
  return new Map([
    own('page.html', 'text/html; charset=utf-8'),
    own('page.css', 'text/css; charset=utf-8'),
    own('page.js', 'text/javascript; charset=utf-8'),
    font('sarabun-thai-400-normal.woff2'),
    font('sarabun-thai-700-normal.woff2'),
    font('sarabun-latin-400-normal.woff2'),
    font('sarabun-latin-700-normal.woff2'),
  ]);
}

function read(path: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(readFileSync(path));
}
