// The local-mode app (local-app.ts) with the LIFF build served at /liff/ as bot/node.ts serves it, on a
// loopback port; builds the LIFF app once with the Vite JS API when liff/dist is missing or older than its source.
import { existsSync, readdirSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { compressLiff, serveLiff } from '../../bot/node-liff.ts';
import { type LocalApp, startLocalApp } from './local-app.ts';

const ROOT = resolve(import.meta.dirname, '../..');
export const LIFF_DIST = join(ROOT, 'liff/dist');
const INDEX = join(LIFF_DIST, 'liff/index.html');

function newestChange(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Runs `vite build` when the build is missing or any file of liff/src (or its config) changed after it. */
export async function ensureLiffBuild(): Promise<void> {
  const sources = Math.max(
    newestChange(join(ROOT, 'liff/src')),
    statSync(join(ROOT, 'liff/vite.config.ts')).mtimeMs,
    statSync(join(ROOT, 'liff/vite-lean.ts')).mtimeMs,
    statSync(join(ROOT, 'liff/index.html')).mtimeMs,
  );
  if (existsSync(INDEX) && statSync(INDEX).mtimeMs >= sources) return;
  const { build } = await import('vite');
  await build({ configFile: join(ROOT, 'liff/vite.config.ts'), logLevel: 'warn' });
}

export interface LiffServer {
  local: LocalApp;
  url: string;
  close(): Promise<void>;
}

/**
 * Serves exactly as `npm start` does (bot/node-liff.ts: cache headers, gzip for the LIFF files and JSON);
 * `compress: false` leaves out the gzip, as `npm start` served before it had it (the benchmark's comparison).
 */
export async function startLiffServer(options: { compress?: boolean } = {}): Promise<LiffServer> {
  await ensureLiffBuild();
  const local = await startLocalApp();
  const [firstAsset, ...moreAssets] = serveLiff(LIFF_DIST);
  const outer = new Hono().get('/liff', (c) => c.redirect('/liff/'));
  if (firstAsset !== undefined) outer.get('/liff/*', firstAsset, ...moreAssets);
  outer.all('*', (c) => local.app.fetch(c.req.raw));
  const plain = async (request: Request) => outer.fetch(request);
  const served = options.compress === false ? plain : compressLiff(plain);
  const fetch = (request: Request) => served(request);
  const { url, stop } = await new Promise<{ url: string; stop: () => Promise<void> }>((done) => {
    const server = serve({ fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) =>
      done({
        url: `http://127.0.0.1:${info.port}`,
        stop: () =>
          new Promise<void>((closed) => {
            server.close(() => closed());
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      }),
    );
  });
  return {
    local,
    url,
    async close() {
      await stop();
      await local.close();
    },
  };
}
