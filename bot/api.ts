// /api: the LIFF mini-app's API. Every route signs in first (auth.ts); each group checks its own roles.
// `ApiType` is what liff/src/lib/api.ts builds its typed client from (hono/client).
import { Hono } from 'hono';
import { findProvinceById } from '../db/queries/provinces.ts';
import type { Deps } from './deps.ts';
import { broadcastRoutes } from './features/broadcasts/api.ts';
import { complaintRoutes } from './features/complaints/api.ts';
import { complaintCaseRoutes } from './features/complaints/cases-api.ts';
import { frameworkRoutes } from './features/frameworks/api.ts';
import { planRoutes } from './features/plan/api.ts';
import { quotaRoutes } from './features/quota/api.ts';
import { reportRoutes } from './features/reports/api.ts';
import { scoreRoutes } from './features/scores/api.ts';
import { provinceRoutes } from './features/scores/province-api.ts';
import { agencyRegistryRoutes, settingsRoutes } from './features/settings/api.ts';
import { surveyRoutes } from './features/surveys/api.ts';
import { type ApiEnv, authenticate } from './http/auth.ts';

export function apiRoutes(deps: Deps) {
  return new Hono<ApiEnv>()
    .use(authenticate(deps))
    .route('/cases', complaintCaseRoutes(deps))
    .route('/complaints', complaintRoutes(deps))
    .route('/province', provinceRoutes(deps))
    .route('/agencies', scoreRoutes(deps))
    .route('/plan', planRoutes(deps))
    .route('/surveys', surveyRoutes(deps))
    .route('/broadcasts', broadcastRoutes(deps))
    .route('/reports', reportRoutes(deps))
    .route('/quota', quotaRoutes(deps))
    .route('/frameworks', frameworkRoutes(deps))
    .route('/settings', settingsRoutes(deps))
    .route('/agency-registry', agencyRegistryRoutes(deps))
    .get('/me', async (c) => {
      const { userId, name, who } = c.var.viewer;
      // The header names the province ("ITA จังหวัดปทุมธานี").
      const province =
        who.provinceId === undefined ? undefined : await findProvinceById(deps.db, who.provinceId);
      return c.json({
        userId,
        name: name ?? null,
        provinceId: who.provinceId ?? null,
        provinceName: province?.nameTh ?? null,
        isCoordinator: who.isCoordinator,
        isOfficer: who.isOfficer,
        staffAgencyIds: who.staffAgencyIds,
        officerAgencyIds: who.roles.flatMap((r) => (r.role === 'officer' ? [r.agencyId] : [])),
      });
    });
}

export type ApiType = ReturnType<typeof apiRoutes>;
