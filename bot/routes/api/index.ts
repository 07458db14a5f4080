// /api: the LIFF mini-app's API. Every route signs in first (auth.ts); each group checks its own roles.
// `ApiType` is what liff/src/lib/api.ts builds its typed client from (hono/client).
import { Hono } from 'hono';
import { findProvinceById } from '../../../db/queries/provinces.ts';
import type { Deps } from '../../deps.ts';
import { type ApiEnv, authenticate } from './auth.ts';
import { broadcastRoutes } from './broadcasts.ts';
import { complaintCaseRoutes } from './complaint-cases.ts';
import { complaintRoutes } from './complaints.ts';
import { planRoutes } from './plan.ts';
import { provinceRoutes } from './province.ts';
import { reportRoutes } from './reports.ts';
import { scoreRoutes } from './scores.ts';
import { surveyRoutes } from './surveys.ts';

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
