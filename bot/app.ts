// createApp(deps): the one Hono app behind both runtimes; nothing below it reads the environment.
import { Hono, type MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Deps } from './deps.ts';
import { apiBodyLimit, webhookBodyLimit } from './http/body-limits.ts';
import { securityHeaders } from './http/security-headers.ts';
import { apiRoutes } from './routes/api/index.ts';
import { ValidationError } from './routes/api/validate.ts';
import { type DevOptions, devRoutes } from './routes/dev.ts';
import { healthRoutes } from './routes/health.ts';
import { liffConfigRoutes } from './routes/liff-config.ts';
import { privacyRoutes } from './routes/privacy.ts';
import { qrRoutes } from './routes/qr.ts';
import { shortLinkRoutes } from './routes/short-links.ts';
import { webhookRoutes } from './routes/webhook.ts';

const ERROR_CODES: Partial<Record<number, string>> = {
  401: 'unauthorized',
  403: 'forbidden',
  413: 'payload_too_large',
  503: 'unavailable',
  404: 'not_found',
};

export interface AppOptions {
  /** Serve the LIFF build for /liff/*, tried in order (serveStatic on Node, the ASSETS binding on Workers). */
  assets?: MiddlewareHandler[];
  /** Local mode only: the /dev chat simulator (never mounted with real LINE credentials). */
  dev?: DevOptions;
}

export function createApp(deps: Deps, options: AppOptions = {}) {
  const app = new Hono()
    .use(securityHeaders())
    .use('/webhook', webhookBodyLimit())
    .use('/webhook/*', webhookBodyLimit())
    .use('/api/*', apiBodyLimit())
    .route('/healthz', healthRoutes(deps))
    .route('/webhook', webhookRoutes(deps))
    .route('/s', shortLinkRoutes(deps))
    .route('/qr', qrRoutes(deps))
    .route('/privacy', privacyRoutes(deps))
    .route('/api', apiRoutes(deps))
    .route('/liff-config.json', liffConfigRoutes(deps));
  if (options.dev !== undefined && deps.localMode) app.route('/dev', devRoutes(deps, options.dev));
  const [firstAsset, ...moreAssets] = options.assets ?? [];
  if (firstAsset !== undefined) {
    app.get('/liff', (c) => c.redirect('/liff/'));
    app.get('/liff/*', firstAsset, ...moreAssets);
  }

  app.notFound((c) =>
    c.json({ error: 'not_found', message: `no route for ${c.req.method} ${c.req.path}` }, 404),
  );
  app.onError((error, c) => {
    if (error instanceof ValidationError) {
      return c.json({ error: 'bad_request', message: error.message, issues: error.issues }, 400);
    }
    if (error instanceof HTTPException) {
      return c.json(
        { error: ERROR_CODES[error.status] ?? 'bad_request', message: error.message },
        error.status,
      );
    }
    deps.log.error('unhandled error', { path: c.req.path, error: error.stack ?? String(error) });
    return c.json({ error: 'internal', message: 'เกิดข้อผิดพลาดภายในระบบ โปรดลองอีกครั้งภายหลัง' }, 500);
  });
  return app;
}
