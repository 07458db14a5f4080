// /api/agencies: an agency's score card (issue 7 §2 "Agency score card") and the coordinator's score import.
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { frameworkFor, round2 } from '../../../core/index.ts';
import { listAgencies } from '../../../db/queries/agencies.ts';
import { findFiscalYear, upsertFiscalYear } from '../../../db/queries/fiscal-years.ts';
import { replaceScoreSets } from '../../../db/queries/scores.ts';
import type { Deps } from '../../deps.ts';
import { type CheckedSet, checkScoreImport, type ImportError } from '../../views/score-import.ts';
import { buildScorecard } from '../../views/scorecard.ts';
import { type ApiEnv, requireCoordinator } from './auth.ts';
import { yearQuery } from './province.ts';
import { jsonOf, paramOf, queryOf } from './validate.ts';

const ImportBody = z.object({
  fileName: z.string().trim().min(1, 'ต้องมีชื่อไฟล์').max(200),
  content: z.string().min(1, 'ไฟล์ว่าง').max(2_000_000, 'ไฟล์ใหญ่เกิน 2 เมกะไบต์'),
  year: z.number({ message: 'ต้องระบุปีงบประมาณ พ.ศ.' }).int().min(2562, 'ปีงบประมาณต้องตั้งแต่ 2562').max(2700),
  /** The agency a one-agency file (the CLI's format) is for; files with an agency column name their own. */
  agencyId: z.string().min(1).optional(),
  dryRun: z.boolean().optional(),
});

/** Each agency's set replaces what is on record for the year, all in one batch. */
async function storeScoreImport(
  deps: Deps,
  provinceId: string,
  year: number,
  sets: readonly CheckedSet[],
  userId: string,
): Promise<void> {
  const now = deps.now();
  const framework = frameworkFor(year);
  if (framework !== undefined && (await findFiscalYear(deps.db, provinceId, year)) === undefined) {
    await upsertFiscalYear(deps.db, { provinceId, year, frameworkId: framework.id }, now);
  }
  await replaceScoreSets(
    deps.db,
    sets.map((set) => ({
      agencyId: set.agency.id,
      year,
      source: 'liff',
      sourceBy: userId,
      scores: set.scores,
    })),
    now,
  );
  deps.log.info('scores imported', { provinceId, year, agencies: sets.length, by: userId });
}

const AgencyParam = z.object({ id: z.string().min(1).max(100) });

export function scoreRoutes(deps: Deps) {
  return (
    new Hono<ApiEnv>()
      // An agency's score card for a year (default: its latest); everyone signed in (results are published).
      .get(
        '/:id/scorecard',
        paramOf(AgencyParam),
        queryOf(z.object({ year: yearQuery.optional() })),
        async (c) => {
          const card = await buildScorecard(deps.db, c.req.valid('param').id, c.req.valid('query').year);
          if (typeof card === 'string') throw new HTTPException(404, { message: card });
          return c.json(card);
        },
      )
      // Coordinator: imports a score file (the CLI's format and checks) for the year; nothing is stored when any
      // row is bad, and the answer names every bad line. `dryRun` checks without storing.
      .post('/import', jsonOf(ImportBody), async (c) => {
        const { viewer } = c.var;
        requireCoordinator(viewer);
        const body = c.req.valid('json');
        const provinceId = viewer.who.provinceId;
        const agencies = provinceId === undefined ? [] : await listAgencies(deps.db, provinceId);
        const check = checkScoreImport(body, agencies);
        if (!check.ok) {
          const message = `นำเข้าไม่ได้: พบข้อผิดพลาด ${check.errors.length} รายการ ยังไม่ได้บันทึกคะแนนใด ๆ`;
          return c.json(
            { error: 'bad_request', message, imported: 0, agencies: [], errors: check.errors },
            400,
          );
        }
        if (body.dryRun !== true && provinceId !== undefined) {
          await storeScoreImport(deps, provinceId, body.year, check.sets, viewer.userId);
        }
        return c.json({
          imported: body.dryRun === true ? 0 : check.sets.reduce((n, set) => n + set.scores.length, 0),
          dryRun: body.dryRun === true,
          agencies: check.sets.map(({ agency, scores, result }) => ({
            id: agency.id,
            name: agency.nameTh,
            rows: scores.length,
            total: result.total === undefined ? null : round2(result.total),
            level: result.level?.label ?? null,
            missing: result.missing,
          })),
          errors: [] as ImportError[],
        });
      })
  );
}
