// What the LIFF browser suites share: the LIFF server and Chromium started once, 390 px pages signed in as a demo
// person (through liff-mock and the identity switcher's storage), and axe-core run on what is on screen.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page, Response } from 'playwright-core';
import { launchChromium, requireChromium, watchPage } from './chromium.ts';
import { startLiffServer } from './liff-server.ts';
import type { LocalApp } from './local-app.ts';

export const SHOTS = resolve(import.meta.dirname, '../../test-results/liff');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface PageOptions {
  timeout: number;
  /** More of the browser context than the phone screen and Thai locale: geolocation, permissions… */
  context?: BrowserContextOptions;
  /** Responses at 400 or more that the test provokes on purpose (a favicon's 404 never counts). */
  expected?(response: Response): boolean;
}

export interface LiffBrowser {
  url: string;
  /** The local-mode app behind it: its deps and the fake LINE API (to set LINE's quota, for one). */
  local: LocalApp;
  /** Page errors and unexpected responses at 400 or more, of every page opened so far. */
  problems: string[];
  pageAs(userId: string, options: PageOptions): Promise<Page>;
  close(): Promise<void>;
}

export async function startLiffBrowser(): Promise<LiffBrowser> {
  mkdirSync(SHOTS, { recursive: true });
  const server = await startLiffServer();
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
  } catch (error) {
    await server.close();
    throw error;
  }
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];
  const started = (): Browser => {
    requireChromium();
    if (browser === undefined) throw new Error('Chromium was installed after the suite started');
    return browser;
  };
  return {
    url: server.url,
    local: server.local,
    problems,
    async pageAs(userId, options) {
      const context = await started().newContext({
        viewport: { width: 390, height: 844 },
        locale: 'th-TH',
        ...options.context,
      });
      contexts.push(context);
      await context.addInitScript((id) => sessionStorage.setItem('ita-liff-as', id), userId);
      const page = await context.newPage();
      page.setDefaultTimeout(options.timeout);
      watchPage(page, problems, {
        expected: (r) => r.url().endsWith('/favicon.ico') || options.expected?.(r) === true,
      });
      return page;
    },
    async close() {
      for (const context of contexts) await context.close();
      await browser?.close();
      await server.close();
    },
  };
}

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: { target: string[] }[];
}

/**
 * Once nothing is loading: runs axe-core on the page and saves a full-page screenshot as `<shot>.png`. Gives how
 * many rules passed (proof that axe really ran) and the serious or critical violations.
 */
export async function inspectView(
  page: Page,
  shot: string,
): Promise<{ passes: number; violations: string[] }> {
  await page.waitForFunction(() => document.querySelector('main .skeleton') === null);
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
  const found = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(c: Document): Promise<{ violations: AxeViolation[]; passes: unknown[] }> };
      }
    ).axe;
    const result = await axe.run(document);
    const serious = result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    return { passes: result.passes.length, violations: serious };
  });
  await page.screenshot({ path: resolve(SHOTS, `${shot}.png`), fullPage: true });
  return found;
}
