// GET /qr/{code}.png: a PNG of the short link's QR code (channel qr), decoded here module by module.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { create } from 'qrcode';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { qrPng } from '../../../../bot/features/surveys/qr-png.ts';
import type { SurveyLink } from '../../../../db/queries/survey-links.ts';
import { type Harness, PUBLIC_BASE_URL } from '../../../support/harness.ts';
import { startConversation } from '../../line/events/conversation.ts';
import { demoLink } from './fixtures.ts';
import { decodePng } from './png.ts';

let h: Harness;
let link: SurveyLink;
beforeEach(async () => {
  h = (await startConversation()).h;
  link = await demoLink(h.deps.db, 'nakhon-rangsit', 'IIT');
});
afterEach(async () => {
  await h.close();
});

const get = (path: string) => h.app.request(path, {}, {}, h.ctx);

describe('GET /qr/{code}.png', () => {
  it('draws the short link with ?c=qr as a 1-bit PNG about 1,200 px a side, cacheable', async () => {
    const res = await get(`/qr/${link.code}.png`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toBe('public, max-age=86400');
    const png = decodePng(new Uint8Array(await res.arrayBuffer()));
    const matrix = create(`${PUBLIC_BASE_URL}/s/${link.code}?c=qr`, { errorCorrectionLevel: 'M' }).modules;
    const scale = Math.floor(1200 / (matrix.size + 8));
    expect(png.header).toEqual({
      width: (matrix.size + 8) * scale,
      height: (matrix.size + 8) * scale,
      bitDepth: 1,
      colorType: 0,
    });
    const pixels = await png.pixels();
    for (let y = 0; y < matrix.size; y++)
      for (let x = 0; x < matrix.size; x++) {
        const centre = (4 + y) * scale + (scale >> 1);
        expect(pixels((4 + x) * scale + (scale >> 1), centre)).toBe(matrix.get(y, x) ? 0 : 1);
      }
    expect(pixels(0, 0)).toBe(1); // the quiet zone is white
  });

  it('gives a small preview for LINE chat', async () => {
    const png = decodePng(
      new Uint8Array(await (await get(`/qr/${link.code}.png?size=preview`)).arrayBuffer()),
    );
    expect(png.header.width).toBeLessThanOrEqual(240);
    expect(png.header.width).toBeGreaterThanOrEqual(120);
  });

  it.each([['/qr/NOSUCH.png'], ['/qr/xxx.png'], ['/qr/CODE.jpg'], ['/qr/abc']])(
    'answers 404 for %s',
    async (path) => {
      const res = await get(path);
      expect(res.status).toBe(404);
      expect(await res.text()).toContain('ไม่พบลิงก์นี้ค่ะ');
    },
  );
});

// qrcode's toBuffer is missing from the browser build wrangler bundles, so the PNG is made from the matrix with
// CompressionStream; this runs that code in workerd itself (wrangler dev, nodejs_compat as in wrangler.toml).
describe('qrPng under workerd', () => {
  const ROOT = resolve(import.meta.dirname, '../../../..');
  const TEXT = 'https://ita.example.go.th/s/AbC123?c=qr';
  let dir = '';
  let child: ChildProcess | undefined;
  let output = '';
  let url = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ita-qr-worker-'));
    writeFileSync(
      join(dir, 'worker.ts'),
      `import { qrPng } from '${join(ROOT, 'bot/features/surveys/qr-png.ts')}';\n` +
        'export default { fetch: async (req: Request) => new Response(await qrPng(new URL(req.url).searchParams.get("t") ?? "", { scale: 8 }), { headers: { "content-type": "image/png" } }) };\n',
    );
    writeFileSync(
      join(dir, 'wrangler.toml'),
      'name = "qr-check"\nmain = "worker.ts"\ncompatibility_date = "2026-04-20"\ncompatibility_flags = ["nodejs_compat"]\n',
    );
    const port = await new Promise<number>((done) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => done(typeof address === 'object' && address !== null ? address.port : 0));
      });
    });
    url = `http://127.0.0.1:${port}`;
    const env = { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true', NO_COLOR: '1' };
    child = spawn(
      join(ROOT, 'node_modules/.bin/wrangler'),
      ['dev', '--ip', '127.0.0.1', '--port', String(port)],
      {
        cwd: dir,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child.stdout?.on('data', (b: Buffer) => {
      output += b.toString();
    });
    child.stderr?.on('data', (b: Buffer) => {
      output += b.toString();
    });
    for (let i = 0; i < 240; i++) {
      if (child.exitCode !== null) throw new Error(`wrangler dev exited: ${output}`);
      const up = await fetch(`${url}/?t=x`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) return;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`wrangler dev did not answer in 60 s: ${output}`);
  }, 90_000);

  afterAll(() => {
    child?.kill('SIGTERM');
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  it('makes the same PNG bytes as on Node', async () => {
    const res = await fetch(`${url}/?t=${encodeURIComponent(TEXT)}`);
    expect(res.status, output).toBe(200);
    const fromWorkerd = new Uint8Array(await res.arrayBuffer());
    expect(fromWorkerd).toEqual(await qrPng(TEXT, { scale: 8 }));
    expect(decodePng(fromWorkerd).header.width).toBe(
      (create(TEXT, { errorCorrectionLevel: 'M' }).modules.size + 8) * 8,
    );
  });
});
