// Chromium, headless, driven by playwright-core, for the browser tests and bench/liff: found through
// CHROMIUM_PATH (default: Debian's /usr/bin/chromium, else the browser playwright-core would use); one launch
// with one set of flags, and one watch over a page for the errors and failed responses a test must not leave.
import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page, type Response } from 'playwright-core';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** The Chromium to drive, or why there is none (naming CHROMIUM_PATH). */
export function findChromium(env: NodeJS.ProcessEnv = process.env): { path?: string; problem?: string } {
  const chosen = env.CHROMIUM_PATH;
  if (chosen !== undefined && chosen !== '') {
    return existsSync(chosen) ? { path: chosen } : { problem: `CHROMIUM_PATH=${chosen} does not exist` };
  }
  if (existsSync(DEBIAN_CHROMIUM)) return { path: DEBIAN_CHROMIUM };
  const playwrights = chromium.executablePath();
  if (playwrights !== '' && existsSync(playwrights)) return { path: playwrights };
  return {
    problem:
      `no Chromium: set CHROMIUM_PATH to a Chromium or Chrome binary (none at ${DEBIAN_CHROMIUM}, ` +
      `nor at ${playwrights || "playwright-core's browser folder"}; on Debian: apt-get install -y chromium)`,
  };
}

// What headless Chromium needs in a container or CI, and nothing that phones home.
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
];

/** No skipping: CI installs Debian's Chromium (.ci/run); without one every browser test fails and says why. */
export function requireChromium(): void {
  const { problem } = findChromium();
  if (problem !== undefined) throw new Error(problem);
}

/**
 * Starts Chromium, or gives undefined when it is not installed: the suite's beforeAll still passes and each
 * test then fails on requireChromium() with the reason.
 */
export async function launchChromium(): Promise<Browser | undefined> {
  const { path } = findChromium();
  if (path === undefined) return undefined;
  return chromium.launch({ executablePath: path, args: FLAGS });
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
