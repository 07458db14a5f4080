// GET /healthz: the version and whether the database answers (for load balancers and uptime checks).
import { Hono } from 'hono';
import { sql } from 'kysely';
import type { Deps } from '../deps.ts';

export function healthRoutes(deps: Deps) {
  return new Hono().get('/', async (c) => {
    let database: 'ok' | 'error' = 'ok';
    try {
      await sql`select 1`.execute(deps.db.kysely);
    } catch (error) {
      database = 'error';
      deps.log.error('health check: database did not answer', { error: String(error) });
    }
    return c.json({ status: database === 'ok' ? 'ok' : 'degraded', version: deps.version, database }, 200);
  });
}
