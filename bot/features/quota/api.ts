// /api/quota (coordinators): the month's quota, consumption, forecast and what to do; and "ส่งต่อ" — resume
// sending at once after the LINE plan was raised.
import { Hono } from 'hono';
import type { Deps } from '../../deps.ts';
import { type ApiEnv, requireCoordinator } from '../../http/auth.ts';
import { loadQuotaBudget } from './budget.ts';
import { adviceOf } from './messages.ts';
import { resumeSending } from './resume.ts';

export function quotaRoutes(deps: Deps) {
  return new Hono<ApiEnv>()
    .get('/', async (c) => {
      requireCoordinator(c.var.viewer);
      const b = await loadQuotaBudget(deps, deps.now());
      return c.json({
        limit: b.limit ?? null,
        used: b.used ?? null,
        readFailed: b.readFailed,
        monthEnds: b.monthEnds.toISOString(),
        forecast: b.forecast,
        uncountedGroups: b.uncountedGroups,
        paused: b.paused === undefined ? null : { since: b.paused.since, reason: b.paused.reason },
        alert: b.paused?.alert ?? null,
        advice: adviceOf(b),
      });
    })
    .post('/resume', async (c) => {
      const { viewer } = c.var;
      requireCoordinator(viewer);
      const resumed = await resumeSending(deps, deps.now(), viewer.userId);
      return c.json(resumed);
    });
}
