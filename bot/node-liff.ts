// How Node serves the LIFF app (`npm start`, and the e2e/bench server): the build with cache headers, and gzip
// for the app's files and JSON. Workers need neither: Cloudflare compresses and caches static assets itself.
import { serveStatic } from '@hono/node-server/serve-static';
import { type ExecutionContext, Hono, type MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';

/** Vite names every file under /liff/assets/ after a hash of its content: a changed file gets a new name. */
const HASHED = 'public, max-age=31536000, immutable';
/** index.html names the current hashed files: revalidated on every open so a deploy shows up at once. */
const ENTRY = 'no-cache';

/** Files of the LIFF build; any other /liff/ path gets index.html, so the app's own routes survive a reload. */
export function serveLiff(dist: string): MiddlewareHandler[] {
  // Set on the answer afterwards: serveStatic's onFound runs after its response is built and cannot add headers.
  const cacheHeader: MiddlewareHandler = async (c, next) => {
    await next();
    if (!c.res.ok) return;
    // index.html also answers a path under assets/ that is not a file: that answer must not be kept a year.
    const html = c.res.headers.get('content-type')?.startsWith('text/html') === true;
    c.res.headers.set('cache-control', !html && c.req.path.startsWith('/liff/assets/') ? HASHED : ENTRY);
  };
  return [cacheHeader, serveStatic({ root: dist }), serveStatic({ root: dist, path: 'liff/index.html' })];
}

type Fetch = (request: Request, ctx?: ExecutionContext) => Response | Promise<Response>;

/**
 * `app` behind gzip for what a phone downloads before the first screen: the LIFF files, /liff-config.json, /api
 * and the local-mode sign-in under /dev/api. Not /webhook (LINE does not ask for it) nor anything else.
 */
export function compressLiff(app: Fetch): (request: Request, ctx?: ExecutionContext) => Promise<Response> {
  // The execution context rides in env: Hono's c.executionCtx throws when a caller (a test server) has none.
  const outer = new Hono<{ Bindings: { ctx?: ExecutionContext } }>();
  for (const path of ['/liff/*', '/liff-config.json', '/api/*', '/dev/api/*']) outer.use(path, compress());
  outer.all('*', (c) => app(c.req.raw, c.env.ctx));
  return async (request, ctx) => outer.fetch(request, { ctx });
}
