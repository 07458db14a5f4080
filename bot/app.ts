// createApp(deps): the one Hono app behind both runtimes; nothing below it reads the environment.
import { Hono, type MiddlewareHandler } from 'hono';
// The features' chat commands, actions and hooks register with the webhook's event handlers when this loads.
import './features/index.ts';
import { apiRoutes } from './api.ts';
import type { Deps } from './deps.ts';
import { healthRoutes } from './features/health/route.ts';
import { qrRoutes } from './features/surveys/qr-route.ts';
import { shortLinkRoutes } from './features/surveys/short-link-route.ts';
import { apiBodyLimit, webhookBodyLimit } from './http/body-limits.ts';
import { errorHandler, notFound } from './http/errors.ts';
import { liffConfigRoutes } from './http/liff-config.ts';
import { privacyRoutes } from './http/privacy.ts';
import { securityHeaders } from './http/security-headers.ts';
import { webhookRoutes } from './line/webhook.ts';

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
  if (options.dev !== undefined && deps.localMode) app.route('/dev', options.dev);
  const [firstAsset, ...moreAssets] = options.assets ?? [];
  if (firstAsset !== undefined) {
    app.get('/liff', (c) => c.redirect('/liff/'));
    app.get('/liff/*', firstAsset, ...moreAssets);
  }

  app.notFound(notFound);
  app.onError(errorHandler(deps.log));
  return app;
}
