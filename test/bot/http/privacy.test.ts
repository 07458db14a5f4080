// GET /privacy: the address the chat intake's privacy notice gives, redirecting to the page built from the doc.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../bot/app.ts';
import { PRIVACY_PAGE_PATH } from '../../../bot/http/privacy.ts';
import { type AssetSink, emitPrivacyPages, PRIVACY_PAGES } from '../../../liff/vite-privacy.ts';
import { type Harness, startHarness } from '../../support/harness.ts';

let h: Harness;
let dist: string | undefined;
afterEach(async () => {
  await h.close();
  if (dist !== undefined) rmSync(dist, { recursive: true, force: true });
  dist = undefined;
});

/** Writes the plugin's output into a folder laid out like liff/dist (files under liff/). */
function buildPrivacyPagesInto(root: string): void {
  const names: string[] = [];
  const sink: AssetSink = {
    emitFile(file) {
      const fileName = file.fileName ?? `assets/${file.name ?? 'asset'}`;
      const path = join(root, 'liff', fileName);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.source);
      names.push(fileName);
      return String(names.length - 1);
    },
    getFileName: (ref) => names[Number(ref)] ?? 'missing',
  };
  emitPrivacyPages(sink, '/liff/');
}

describe('GET /privacy', () => {
  it('redirects (302) to the Thai page the LIFF build renders from docs/threat-model.th.md', async () => {
    h = await startHarness();
    const res = await h.app.request('/privacy');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/liff/privacy.html');
    expect(PRIVACY_PAGE_PATH).toBe(`/liff/${PRIVACY_PAGES[0]?.fileName}`);
    expect(PRIVACY_PAGES[0]?.doc).toBe('threat-model.th.md');
  });

  it('lands on the rendered doc when the LIFF build is served as on Node (bot/node.ts serveLiff)', async () => {
    h = await startHarness();
    const root = mkdtempSync(join(tmpdir(), 'privacy-'));
    dist = root;
    buildPrivacyPagesInto(root);
    const assets = [serveStatic({ root }), serveStatic({ root, path: 'liff/index.html' })];
    const app = createApp(h.deps, { assets });
    const location = (await app.request('/privacy')).headers.get('location') ?? '';
    const res = await app.request(location);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const page = await res.text();
    expect(page).toContain('<html lang="th">');
    expect(page).toContain('<h1>เรื่องร้องเรียน: ใครรู้อะไรได้บ้าง</h1>');
    expect(page).toContain('LINE ยังทราบ');
    expect(page).not.toMatch(/<script/i);
  });
});
