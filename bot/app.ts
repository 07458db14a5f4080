// createApp(deps): the one Hono app behind both runtimes; nothing below it reads the environment.
import { Hono, type MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
// The features' chat commands, actions and hooks register with the webhook's event handlers when this loads.
import './features/index.ts';
import { apiRoutes } from './api.ts';
import type { Deps } from './deps.ts';
import { qrRoutes } from './features/surveys/qr-route.ts';
import { shortLinkRoutes } from './features/surveys/short-link-route.ts';
import { healthRoutes } from './http/health.ts';
import { liffConfigRoutes } from './http/liff-config.ts';
import { privacyRoutes } from './http/privacy.ts';
import { ValidationError } from './http/validate.ts';
import { webhookRoutes } from './line/webhook.ts';

const ERROR_CODES: Partial<Record<number, string>> = {
  401: 'unauthorized',
  403: 'forbidden',
  503: 'unavailable',
  404: 'not_found',
};

export interface AppOptions {
  /** Serve the LIFF build for /liff/*, tried in order (serveStatic on Node, the ASSETS binding on Workers). */
  assets?: MiddlewareHandler[];
  /**
   * Local mode only: the /dev chat simulator's routes (bot/dev/routes.ts), never mounted with real LINE
   * credentials. Built by bot/node.ts through a dynamic import, so the Worker bundle holds no simulator.
   */
  dev?: Hono;
}

export function createApp(deps: Deps, options: AppOptions = {}) {
  const app = new Hono()
    .route('/healthz', healthRoutes(deps))
    .route('/webhook', webhookRoutes(deps))
    .route('/s', shortLinkRoutes(deps))
    .route('/qr', qrRoutes(deps))
    .route('/privacy', privacyRoutes(deps))
    .route('/api', apiRoutes(deps))
    .route('/liff-config.json', liffConfigRoutes(deps));
  if (options.dev !== undefined && deps.localMode) app.route('/dev', options.dev);
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
