// GET /s/{code}: our short survey link — counts the click per agency, instrument and channel, then sends the
// browser on to the agency's ITAS link (302). Unknown codes get a short Thai page with 404.
import type { Context } from 'hono';
import { Hono } from 'hono';
import { recordClick } from '../../../db/queries/link-clicks.ts';
import { findSurveyLinkByCode } from '../../../db/queries/survey-links.ts';
import type { Deps } from '../../deps.ts';
import { channelOf, isHttpsUrl, SHORT_CODE } from './links.ts';

// Link-preview fetchers (chat apps unfurling a URL) are not people answering a survey. LINE's own in-app
// browser says "Line/…" and is a person, so it is deliberately not matched here.
const PREVIEW_AGENT = /bot|crawler|spider|facebookexternalhit|preview|slurp/i;

/** The page for a link that does not exist (a typo, or a code from another deployment). */
export function notFoundPage(c: Context) {
  const html = `<!doctype html>
<html lang="th"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>ไม่พบลิงก์</title>
<style>body{font-family:Sarabun,Tahoma,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;line-height:1.6;color:#1f2933}</style>
</head><body>
<h1>ไม่พบลิงก์นี้ค่ะ</h1>
<p>ลิงก์อาจพิมพ์ไม่ครบหรือไม่ถูกต้อง กรุณาตรวจสอบลิงก์อีกครั้ง หรือสอบถามหน่วยงานที่ให้ลิงก์แบบวัดนี้แก่ท่าน</p>
</body></html>`;
  c.header('cache-control', 'no-store');
  return c.html(html, 404);
}

export function shortLinkRoutes(deps: Deps) {
  return new Hono().get('/:code', async (c) => {
    const code = c.req.param('code');
    if (!SHORT_CODE.test(code)) return notFoundPage(c);
    const link = await findSurveyLinkByCode(deps.db, code);
    if (link === undefined || !isHttpsUrl(link.url)) return notFoundPage(c);
    const person = c.req.method === 'GET' && !PREVIEW_AGENT.test(c.req.header('user-agent') ?? '');
    if (person) {
      try {
        await recordClick(deps.db, code, channelOf(c.req.query('c')), deps.now());
      } catch (error) {
        // A click that cannot be counted must not stop someone from answering the survey.
        deps.log.error('short link: click not counted', { code, error: String(error) });
      }
    }
    c.header('cache-control', 'no-store');
    return c.redirect(link.url, 302);
  });
}
