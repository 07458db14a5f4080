// Benchmark of the LIFF mini-app (issue 7 §3): builds it, prints the app's JavaScript gzipped (the LIFF SDK chunk
// excluded; budget 45 KB) and the time to the score card's first screen in headless Chromium on a throttled
// phone profile (360×740, CPU ÷4, slow network; budget 1.0 s and 4.0× the baseline), against a bare static page of the same size
// served the same way in the same run. Prints figures; asserts nothing. Run: npm run bench:liff
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { DEMO_STAFF_AGENCY_IDS } from '../bot/tools/demo/index.ts';
import { launchChromium, requireChromium } from '../test/e2e/chromium.ts';
import { LIFF_DIST, startLiffServer } from '../test/e2e/liff-server.ts';

const ROOT = resolve(import.meta.dirname, '..');
const ASSETS = join(LIFF_DIST, 'liff/assets');
const BASELINE = join(LIFF_DIST, 'liff/bench-baseline.html');
const BUDGET_KB = 45;
const BUDGET_MS = 1000;
/** The figure that holds on a busy machine: both pages load under the same load in the same run. */
const BUDGET_RATIO = 4;
const RUNS = 5;
/** A slow 4G / fast 3G phone link, as Lighthouse's mobile profile throttles it. */
const NETWORK = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};
const SDK_CHUNK = /^liff-sdk-/;

/** A staff agency assessed on its own (a line office has no card total: it contributes to its unit's). */
const SCORED_AGENCY = DEMO_STAFF_AGENCY_IDS.find((id) => id === 'nakhon-rangsit') ?? '';

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

function measureSizes(): { app: number; sdk: number; entry: number; firstScreenRaw: number } {
  let app = 0;
  let sdk = 0;
  let entry = 0;
  let firstScreenRaw = 0;
  const html = readFileSync(join(LIFF_DIST, 'liff/index.html'), 'utf8');
  for (const file of readdirSync(ASSETS)) {
    const path = join(ASSETS, file);
    const gz = gzipSync(readFileSync(path), { level: 9 }).length;
    if (html.includes(file)) firstScreenRaw += statSync(path).size;
    if (!file.endsWith('.js')) continue;
    if (SDK_CHUNK.test(file)) sdk += gz;
    else app += gz;
    if (html.includes(file)) entry += gz;
  }
  return { app, sdk, entry, firstScreenRaw: firstScreenRaw + html.length };
}

/** A page of about `bytes` of text whose last element is what "first screen" waits for. */
function writeBaseline(bytes: number): void {
  const filler = 'ข้อความทดสอบขนาดเท่าหน้าแอป '.repeat(Math.ceil(bytes / 80));
  writeFileSync(
    BASELINE,
    `<!doctype html><html lang="th"><meta charset="utf-8"><title>baseline</title><p hidden>${filler}</p><strong data-testid="total">0</strong></html>`,
  );
}

/** Milliseconds from navigation start until the score card's total is on screen, on a fresh cold context. */
async function firstScreen(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'th-TH' });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    // Stamped in the page the moment the total is added, so polling and evaluate() round trips add nothing.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.querySelector('[data-testid="total"]') === null) return;
        Object.assign(window, { firstScreenAt: performance.now() });
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => 'firstScreenAt' in window, undefined, { timeout: 30_000, polling: 200 });
    return await page.evaluate(() => Number((window as unknown as { firstScreenAt: number }).firstScreenAt));
  } finally {
    await context.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

interface Timing {
  appMs: number;
  baseMs: number;
  app: number[];
  base: number[];
}

/** Medians of RUNS cold loads of the score card and of the baseline page, alternating, on one server. */
async function timeFirstScreen(browser: Browser, compress: boolean): Promise<Timing> {
  const server = await startLiffServer({ compress });
  try {
    const card = `${server.url}/liff/agency/${SCORED_AGENCY}`;
    const app: number[] = [];
    const base: number[] = [];
    await firstScreen(browser, card); // warms the server (SQLite pages, first verify), not the browser
    for (let i = 0; i < RUNS; i++) {
      base.push(await firstScreen(browser, `${server.url}/liff/bench-baseline.html`));
      app.push(await firstScreen(browser, card));
    }
    return { appMs: median(app), baseMs: median(base), app, base };
  } finally {
    await server.close();
  }
}

function report(label: string, t: Timing, baselineKb: string): void {
  const verdict = t.appMs <= BUDGET_MS ? 'OK' : 'OVER';
  console.log(
    `  ${label}: first screen of the score card, median of ${RUNS}: ${t.appMs.toFixed(0)} ms (budget ${BUDGET_MS} ms) ${verdict}`,
  );
  console.log(`    runs ${t.app.map((x) => x.toFixed(0)).join(', ')} ms`);
  console.log(
    `    baseline (static page of ${baselineKb} KB, same server): ${t.baseMs.toFixed(0)} ms; runs ${t.base.map((x) => x.toFixed(0)).join(', ')}`,
  );
  const ratio = t.appMs / t.baseMs;
  console.log(
    `    ratio app / baseline: ${ratio.toFixed(2)} (budget ${BUDGET_RATIO.toFixed(1)}) ${ratio <= BUDGET_RATIO ? 'OK' : 'OVER'}`,
  );
}

async function main(): Promise<void> {
  await build({ configFile: join(ROOT, 'liff/vite.config.ts'), logLevel: 'warn' });
  const sizes = measureSizes();
  writeBaseline(sizes.firstScreenRaw);
  requireChromium(); // fails saying how to install it
  const browser = await launchChromium();
  if (browser === undefined) return;
  try {
    const served = await timeFirstScreen(browser, true);
    const plain = await timeFirstScreen(browser, false);
    const appKb = sizes.app / 1024;
    console.log('LIFF mini-app benchmark (360×740, CPU ÷4, 150 ms RTT, 1.6 Mbps down, cold cache)');
    console.log(
      `  JS gzipped, the app's own (every chunk but the LIFF SDK): ${kb(sizes.app)} KB (budget ${BUDGET_KB} KB) ${appKb <= BUDGET_KB ? 'OK' : 'OVER'}`,
    );
    console.log(`    entry chunk ${kb(sizes.entry)} KB; LIFF SDK chunk (excluded) ${kb(sizes.sdk)} KB`);
    report('served as `npm start` serves (gzip, bot/node-liff.ts)', served, kb(sizes.firstScreenRaw));
    report('served without compression (for comparison)', plain, kb(sizes.firstScreenRaw));
  } finally {
    await browser.close();
    rmSync(BASELINE, { force: true });
  }
}

await main();
