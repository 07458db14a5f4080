// /api: the LIFF mini-app's API. Every route signs in first (auth.ts); each group checks its own roles.
// `ApiType` is what liff/src/lib/api.ts builds its typed client from (hono/client).
import { Hono } from 'hono';
import type { Deps } from '../../deps.ts';
import { type ApiEnv, authenticate } from './auth.ts';

export function apiRoutes(deps: Deps) {
  return new Hono<ApiEnv>().use(authenticate(deps)).get('/me', (c) => {
    const { userId, name, who } = c.var.viewer;
    return c.json({
      userId,
      name: name ?? null,
      provinceId: who.provinceId ?? null,
      isCoordinator: who.isCoordinator,
      isOfficer: who.isOfficer,
      staffAgencyIds: who.staffAgencyIds,
      officerAgencyIds: who.roles.flatMap((r) => (r.role === 'officer' ? [r.agencyId] : [])),
    });
  });
}

export type ApiType = ReturnType<typeof apiRoutes>;
