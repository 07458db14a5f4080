// GET /healthz: the version, whether the database answers, and the operating state of issue 14 §5 (outbox
// backlog, sending paused and why, the scheduler's last run, schema version, complaint key check) — no personal data.
import { Hono } from 'hono';
import type { Deps } from '../../deps.ts';
import { readAppStatus } from './status.ts';

export function healthRoutes(deps: Deps) {
  return new Hono().get('/', async (c) => {
    const state = await readAppStatus(deps.db, deps.complaintCrypto).catch((error: unknown) => {
      deps.log.error('health check failed', { error: String(error) });
      return undefined;
    });
    if (state === undefined)
      return c.json({ status: 'degraded', version: deps.version, database: 'error' }, 200);
    if (state.database === 'error') deps.log.error('health check: database did not answer');
    return c.json({ ...state, version: deps.version }, 200);
  });
}
