// GET /qr/{code}.png: the QR code of a short survey link (`/s/{code}?c=qr`), to show in chat and to print.
import { Hono } from 'hono';
import { findSurveyLinkByCode } from '../../../db/queries/survey-links.ts';
import type { Deps } from '../../deps.ts';
import { isHttpsUrl, QR_SIZES, shortLinkUrl } from './links.ts';
import { qrModuleCount, qrPng } from './qr-png.ts';
import { notFoundPage } from './short-link-route.ts';

const FILE = /^([A-Za-z0-9]{4,16})\.png$/;
/** Quiet zone in modules, as the QR standard asks. */
const MARGIN = 4;

export function qrRoutes(deps: Deps) {
  return new Hono().get('/:file', async (c) => {
    const code = FILE.exec(c.req.param('file'))?.[1];
    if (code === undefined) return notFoundPage(c);
    const link = await findSurveyLinkByCode(deps.db, code);
    if (link === undefined || !isHttpsUrl(link.url)) return notFoundPage(c);
    const target = shortLinkUrl(deps.publicBaseUrl, code, 'qr');
    const pixels = c.req.query('size') === 'preview' ? QR_SIZES.preview : QR_SIZES.print;
    const scale = Math.max(1, Math.floor(pixels / (qrModuleCount(target) + 2 * MARGIN)));
    const png = await qrPng(target, { scale, margin: MARGIN });
    // The image of a code never changes (a printed code must keep working), so it may be cached for a day.
    return c.body(png, 200, {
      'content-type': 'image/png',
      'cache-control': 'public, max-age=86400',
    });
  });
}
