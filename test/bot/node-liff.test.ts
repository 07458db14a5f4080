// How Node serves the LIFF app: immutable caching for hashed assets, no-cache for index.html (also as the
// fallback of the app's own paths), and gzip for the LIFF files and JSON but never for the webhook.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compressLiff, serveLiff } from '../../bot/node-liff.ts';

let dist: string;
const BIG = 'x'.repeat(4096);

beforeAll(() => {
  dist = mkdtempSync(join(tmpdir(), 'liff-dist-'));
  mkdirSync(join(dist, 'liff/assets'), { recursive: true });
  writeFileSync(join(dist, 'liff/index.html'), `<!doctype html><title>ITA</title><p>${BIG}</p>`);
  writeFileSync(join(dist, 'liff/assets/index-AbC123.js'), `console.log("${BIG}")`);
});

afterAll(() => rmSync(dist, { recursive: true, force: true }));

function nodeApp() {
  const [first, ...more] = serveLiff(dist);
  const app = new Hono()
    .post('/webhook', (c) => c.json({ big: BIG }))
    .get('/api/big', (c) => c.json({ big: BIG }))
    .get('/healthz', (c) => c.json({ big: BIG }));
  if (first !== undefined) app.get('/liff/*', first, ...more);
  return compressLiff(async (request) => app.fetch(request));
}

const GZIP = { headers: { 'accept-encoding': 'gzip, deflate, br' } };

describe('serveLiff', () => {
  it('lets phones keep hashed assets for a year and revalidate index.html every time', async () => {
    const fetch = nodeApp();
    const asset = await fetch(new Request('http://x/liff/assets/index-AbC123.js'));
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    for (const path of ['/liff/index.html', '/liff/agency/a1', '/liff/assets/gone-Old111.js']) {
      const page = await fetch(new Request(`http://x${path}`));
      expect(page.status, path).toBe(200);
      expect(page.headers.get('cache-control'), path).toBe('no-cache');
      expect(await page.text(), path).toContain('<title>ITA</title>');
    }
  });
});

describe('compressLiff', () => {
  it('gzips the LIFF files and /api JSON for a client that accepts it', async () => {
    const fetch = nodeApp();
    for (const path of ['/liff/assets/index-AbC123.js', '/liff/agency/a1', '/api/big']) {
      const res = await fetch(new Request(`http://x${path}`, GZIP));
      expect(res.headers.get('content-encoding'), path).toBe('gzip');
      const body = await new Response(res.body?.pipeThrough(new DecompressionStream('gzip'))).text();
      expect(body, path).toContain(BIG);
    }
  });

  it('leaves the webhook, other routes and clients without gzip alone', async () => {
    const fetch = nodeApp();
    const webhook = await fetch(new Request('http://x/webhook', { method: 'POST', ...GZIP }));
    expect(webhook.headers.get('content-encoding')).toBeNull();
    expect((await webhook.json()).big).toBe(BIG);
    expect((await fetch(new Request('http://x/healthz', GZIP))).headers.get('content-encoding')).toBeNull();
    const plain = await fetch(new Request('http://x/api/big'));
    expect(plain.headers.get('content-encoding')).toBeNull();
  });
});
