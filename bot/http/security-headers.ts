// Response headers every answer carries (issue 14 §4): `X-Content-Type-Options: nosniff` everywhere, and a
// Content-Security-Policy on the HTML this app serves — the LIFF mini-app, and the reports and pages it renders.
import type { MiddlewareHandler } from 'hono';

/**
 * The mini-app: its own scripts plus the inline start-up script of index.html (allowed by its hash, computed
 * from the page as served), LINE's hosts for the LIFF SDK and sign-in, images it draws or LINE serves.
 */
function liffPolicy(scriptHashes: readonly string[]): string {
  return [
    "default-src 'self'",
    `script-src 'self' https://static.line-scdn.net${scriptHashes.map((h) => ` '${h}'`).join('')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https://*.line-scdn.net https://*.line-apps.com",
    "font-src 'self' data:",
    "connect-src 'self' https://api.line.me https://access.line.me https://*.line-scdn.net https://*.line-apps.com",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join('; ');
}

/** Reports, the privacy page and short-link pages: self-contained documents that run no script at all. */
export const DOCUMENT_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi;

async function sha256Base64(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  let binary = '';
  for (const b of digest) binary += String.fromCharCode(b);
  return `sha256-${btoa(binary)}`;
}

/** The hashes CSP needs to allow each inline script of a page, exactly as served. */
export async function inlineScriptHashes(html: string): Promise<string[]> {
  return Promise.all([...html.matchAll(INLINE_SCRIPT)].map((m) => sha256Base64(m[1] ?? '')));
}

/**
 * Middleware for the whole app. The local-mode simulator (/dev) is a developer tool with its own inline
 * script and gets nosniff only.
 */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    const headers = new Headers(res.headers);
    headers.set('X-Content-Type-Options', 'nosniff');
    let body: BodyInit | null = res.body;
    const path = c.req.path;
    const isHtml = headers.get('content-type')?.startsWith('text/html') === true;
    if (isHtml && path.startsWith('/liff')) {
      const html = await res.text();
      headers.set('Content-Security-Policy', liffPolicy(await inlineScriptHashes(html)));
      headers.delete('content-length');
      body = html;
    } else if (isHtml && !path.startsWith('/dev')) {
      headers.set('Content-Security-Policy', DOCUMENT_POLICY);
    }
    c.res = undefined;
    c.res = new Response(body, { status: res.status, statusText: res.statusText, headers });
  };
}
