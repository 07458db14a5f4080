// Debian's Chromium, headless, driven by playwright-core, for the browser tests: one launch with one set of
// flags, and one watch over a page for the errors and failed responses a test must not leave behind.
import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page, type Response } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

// What headless Chromium needs in a container or CI, and nothing that phones home.
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
];

/** No skipping: CI installs Debian's Chromium (.ci/run); without it every browser test fails and says why. */
export function requireChromium(): void {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: apt-get update && apt-get install -y chromium`);
}

/**
 * Starts Chromium, or gives undefined when it is not installed: the suite's beforeAll still passes and each
 * test then fails on requireChromium() with the reason.
 */
export async function launchChromium(): Promise<Browser | undefined> {
  if (!existsSync(CHROMIUM)) return undefined;
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}

export interface WatchOptions {
  /** Count console.error lines too. */
  console?: boolean;
  /** Responses at 400 or more that the test provokes on purpose. */
  expected?(response: Response): boolean;
}

/** Adds to `problems` every uncaught page error and every response at 400 or more that is not expected. */
export function watchPage(page: Page, problems: string[], options: WatchOptions = {}): void {
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  if (options.console === true) {
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
  }
  page.on('response', (r) => {
    if (r.status() >= 400 && options.expected?.(r) !== true) problems.push(`${r.status()} ${r.url()}`);
  });
}
