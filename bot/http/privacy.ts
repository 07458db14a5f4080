// GET /privacy: the address the complaint privacy notice gives; it redirects to the page the LIFF build renders
// from docs/threat-model.th.md (liff/vite-privacy.ts), so there is one text to keep true (issue 5 §5).
import { Hono } from 'hono';
import type { Deps } from '../deps.ts';

/** Served from the LIFF build's static files on both runtimes (serveStatic on Node, ASSETS on Workers). */
export const PRIVACY_PAGE_PATH = '/liff/privacy.html';

export function privacyRoutes(_deps: Deps) {
  return new Hono().get('/', (c) => c.redirect(PRIVACY_PAGE_PATH, 302));
}
