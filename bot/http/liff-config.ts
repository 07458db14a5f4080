// GET /liff-config.json: what the LIFF page needs before it can sign in (the LIFF id, or none in local mode).
// Unauthenticated on purpose: /api needs an ID token, and the token needs liff.init with this id first.
import { Hono } from 'hono';
import type { Deps } from '../deps.ts';

export function liffConfigRoutes(deps: Deps) {
  return new Hono().get('/', (c) =>
    c.json(
      { liffId: deps.liff.liffId ?? null, localMode: deps.localMode },
      200,
      // Short: a changed LIFF_ID shows up after a redeploy without users clearing caches.
      { 'cache-control': 'public, max-age=300' },
    ),
  );
}
