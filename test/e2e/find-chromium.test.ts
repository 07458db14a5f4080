// Which Chromium the browser tests drive: CHROMIUM_PATH first, then Debian's, and a failure that names the
// variable when there is none.
import { describe, expect, it } from 'vitest';
import { findChromium } from './chromium.ts';

describe('findChromium', () => {
  it('takes CHROMIUM_PATH when it names a file', () => {
    expect(findChromium({ CHROMIUM_PATH: process.execPath })).toEqual({ path: process.execPath });
  });

  it('fails naming CHROMIUM_PATH when it names nothing', () => {
    const found = findChromium({ CHROMIUM_PATH: '/nonexistent/chromium' });
    expect(found.path).toBeUndefined();
    expect(found.problem).toContain('CHROMIUM_PATH=/nonexistent/chromium');
  });

  it('finds a browser without the variable on this machine (CI installs Debian chromium)', () => {
    const found = findChromium({});
    expect(found.problem).toBeUndefined();
    expect(found.path).toBeTruthy();
  });
});
