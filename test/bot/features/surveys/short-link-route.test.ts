// GET /s/{code}: a 302 to the agency's ITAS link, one click counted per channel; unknown codes get a Thai 404.
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countClicksByChannel } from '../../../../db/queries/link-clicks.ts';
import { findSurveyLink, type SurveyLink } from '../../../../db/queries/survey-links.ts';
import type { Harness } from '../../../support/harness.ts';
import { NOW, startConversation } from '../../line/events/conversation.ts';
import { demoLink, setLink } from './fixtures.ts';

let h: Harness;
let link: SurveyLink;
beforeEach(async () => {
  h = (await startConversation()).h;
  link = await demoLink(h.deps.db, 'nakhon-rangsit', 'EIT');
});
afterEach(async () => {
  await h.close();
});

const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
  h.app.request(path, { method, headers, redirect: 'manual' }, {}, h.ctx);

describe('GET /s/{code}', () => {
  it('redirects (302) to the ITAS link without caching, and counts the click under its channel', async () => {
    const res = await get(`/s/${link.code}?c=line`);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(link.url);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await countClicksByChannel(h.deps.db, link.code)).toEqual({ line: 1 });
  });

  it('counts each known channel apart, and anything else as web', async () => {
    for (const query of ['?c=line', '?c=qr', '?c=qr', '?c=liff', '?c=web', '', '?c=evil', '?c=LINE'])
      expect((await get(`/s/${link.code}${query}`)).status).toBe(302);
    expect(await countClicksByChannel(h.deps.db, link.code)).toEqual({ line: 1, qr: 2, liff: 1, web: 4 });
    expect((await findSurveyLink(h.deps.db, 'nakhon-rangsit', 2569, 'EIT'))?.clicks).toBe(8);
  });

  it('does not count link-preview fetchers or HEAD requests, but still redirects them', async () => {
    const bot = await get(`/s/${link.code}?c=line`, { 'user-agent': 'facebookexternalhit/1.1' });
    expect(bot.status).toBe(302);
    expect((await get(`/s/${link.code}?c=line`, {}, 'HEAD')).status).toBe(302);
    const person = await get(`/s/${link.code}?c=line`, { 'user-agent': 'Mozilla/5.0 (iPhone) Line/14.1.0' });
    expect(person.status).toBe(302);
    expect(await countClicksByChannel(h.deps.db, link.code)).toEqual({ line: 1 });
  });

  it.each([
    ['an unknown code', '/s/NOSUCH'],
    ['a malformed code', '/s/ab'],
    ['a code with symbols', '/s/abc%27%3B--'],
  ])('answers 404 with a short Thai page for %s', async (_, path) => {
    const res = await get(path);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^text\/html; charset=UTF-8/i);
    const html = await res.text();
    expect(html).toContain('<html lang="th">');
    expect(html).toContain('ไม่พบลิงก์นี้ค่ะ');
  });

  it('answers 404 for a link without an ITAS URL yet, or with one that is not https', async () => {
    await setLink(h.deps.db, 'nakhon-rangsit', 'EIT', NOW, { code: link.code, url: null });
    expect((await get(`/s/${link.code}`)).status).toBe(404);
    await setLink(h.deps.db, 'nakhon-rangsit', 'EIT', NOW, { code: link.code, url: 'javascript:alert(1)' });
    expect((await get(`/s/${link.code}`)).status).toBe(404);
    expect(await countClicksByChannel(h.deps.db, link.code)).toEqual({});
  });

  it('still sends the person on when the click cannot be counted', async () => {
    await sql`CREATE TRIGGER fail_clicks BEFORE INSERT ON link_clicks BEGIN SELECT RAISE(ABORT, 'disk full'); END`.execute(
      h.deps.db.kysely,
    );
    const res = await get(`/s/${link.code}?c=qr`);
    expect(res.status).toBe(302);
    expect(h.logs.some((l) => l.level === 'error' && l.message.includes('click not counted'))).toBe(true);
  });
});
