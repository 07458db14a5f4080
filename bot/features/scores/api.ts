// /api/agencies: an agency's score card (issue 7 §2 "Agency score card") and the coordinator's score import.
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { round2 } from '../../../core/index.ts';
import { listAgencies } from '../../../db/queries/agencies.ts';
import { findFiscalYear, upsertFiscalYear } from '../../../db/queries/fiscal-years.ts';
import { replaceScoreSets } from '../../../db/queries/scores.ts';
import type { Deps } from '../../deps.ts';
import { type ApiEnv, allow, requireCoordinator } from '../../http/auth.ts';
import { jsonOf, paramOf, queryOf } from '../../http/validate.ts';
import { frameworkForYear, frameworkLookup } from '../frameworks/framework-file.ts';
import { yearQuery } from './province-api.ts';
import { fieldOfHeader, MAPPING_CHOICES, planResultsImport, templateRows } from './results-import.ts';
import { type CheckedSet, checkScoreImport, type ImportError } from './score-import.ts';
import { buildScorecard } from './scorecard.ts';
import { storeResults } from './store-results.ts';
import { readCsv, readTable, type TableOutcome, writeCsv, writeXlsx } from './table.ts';

/**
 * A CSV whose header names agencies and published figures (one row per agency) is a results table; the
 * older formats (`code,score`, `agency_id,code,score`, JSON) are not.
 */
function readCsvIfResults(content: string): TableOutcome | undefined {
  if (/^\uFEFF?\s*[[{]/.test(content)) return undefined;
  const table = readCsv(content);
  if (!table.ok) return undefined;
  const fields = table.table.headers.map((h) =>
    h.trim().toLowerCase() === 'code' ? 'code' : fieldOfHeader(h),
  );
  if (fields.includes('code')) return undefined;
  const known = fields.filter((f) => f !== undefined && f !== 'agency_id' && f !== 'code');
  return known.length > 0 && fields.some((f) => f === 'agency_id' || f === 'itas_code' || f === 'name')
    ? table
    : undefined;
}

const ImportBody = z.object({
  fileName: z.string().trim().min(1, 'ต้องมีชื่อไฟล์').max(200),
  /** Text (CSV, JSON); or empty with `contentBase64` for an .xlsx file. */
  content: z.string().max(2_000_000, 'ไฟล์ใหญ่เกิน 2 เมกะไบต์'),
  contentBase64: z.string().max(3_000_000, 'ไฟล์ใหญ่เกิน 2 เมกะไบต์').optional(),
  year: z.number({ message: 'ต้องระบุปีงบประมาณ พ.ศ.' }).int().min(2562, 'ปีงบประมาณต้องตั้งแต่ 2562').max(2700),
  /** The agency a one-agency file (the CLI's format) is for; files with an agency column name their own. */
  agencyId: z.string().min(1).optional(),
  dryRun: z.boolean().optional(),
  /** A results table (one row per agency) is only checked unless `apply` is true. */
  apply: z.boolean().optional(),
  /** Results table: header → field ('total', 'indicator_3', 'i5', 'ignore') for headers not recognised. */
  mapping: z.record(z.string(), z.string()).optional(),
  /** Results table: row → agency id or 'skip', for rows whose agency was not found. */
  matches: z.record(z.string(), z.string()).optional(),
});

const TemplateQuery = z.object({
  format: z.enum(['csv', 'xlsx']).default('csv'),
  year: yearQuery.optional(),
});

function bytesOfBase64(text: string): Uint8Array | undefined {
  try {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return undefined;
  }
}

/** Each agency's set replaces what is on record for the year, all in one batch. */
async function storeScoreImport(
  deps: Deps,
  provinceId: string,
  year: number,
  sets: readonly CheckedSet[],
  userId: string,
): Promise<void> {
  const now = deps.now();
  const framework = await frameworkForYear(deps.db, year);
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
      // Coordinator: a template of the results table for the province's agencies, CSV (UTF-8 with BOM) or XLSX.
      .get('/import/template', queryOf(TemplateQuery), async (c) => {
        const { viewer } = c.var;
        requireCoordinator(viewer);
        const { format, year } = c.req.valid('query');
        const provinceId = viewer.who.provinceId;
        const agencies = provinceId === undefined ? [] : await listAgencies(deps.db, provinceId);
        const rows = templateRows(agencies, year ?? deps.now().getUTCFullYear() + 543);
        if (format === 'xlsx') {
          return c.body(writeXlsx('ผลคะแนน ITA', rows).slice().buffer as ArrayBuffer, 200, {
            'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            'content-disposition': 'attachment; filename="ita-results-template.xlsx"',
          });
        }
        const csv = writeCsv(rows);
        return c.body(csv, 200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': 'attachment; filename="ita-results-template.csv"',
        });
      })
      // Coordinator: imports a score file (the CLI's format and checks) for the year; nothing is stored when any
      // row is bad, and the answer names every bad line. `dryRun` checks without storing. A results table (one
      // row per agency, CSV or XLSX) gets the review of `ita scores import`: mapping, matching, warnings.
      .post('/import', allow(requireCoordinator), jsonOf(ImportBody), async (c) => {
        const { viewer } = c.var;
        requireCoordinator(viewer);
        const body = c.req.valid('json');
        const provinceId = viewer.who.provinceId;
        const agencies = provinceId === undefined ? [] : await listAgencies(deps.db, provinceId);
        const bytes = body.contentBase64 === undefined ? undefined : bytesOfBase64(body.contentBase64);
        if (body.contentBase64 !== undefined && bytes === undefined) {
          throw new HTTPException(400, { message: 'อ่านไฟล์ไม่ได้: ข้อมูลไฟล์ไม่ถูกต้อง' });
        }
        if (bytes === undefined && body.content.trim() === '') {
          return c.json(
            {
              error: 'bad_request',
              message: 'ไฟล์ว่าง',
              imported: 0,
              agencies: [],
              errors: [] as ImportError[],
            },
            400,
          );
        }
        const table = bytes !== undefined ? readTable(body.fileName, bytes) : readCsvIfResults(body.content);
        if (table !== undefined) {
          if (!table.ok) {
            const errors = [{ line: null, field: null, message: table.message }];
            return c.json(
              { error: 'bad_request', message: table.message, imported: 0, agencies: [], errors },
              400,
            );
          }
          const plan = planResultsImport(table.table, agencies, {
            year: body.year,
            frameworkOf: await frameworkLookup(deps.db),
            ...(body.mapping === undefined ? {} : { mapping: body.mapping }),
            ...(body.matches === undefined ? {} : { matches: body.matches }),
          });
          const review = {
            kind: 'results' as const,
            ready: plan.ready,
            columns: plan.columns.map((col) => ({ header: col.header, field: col.field, label: col.label })),
            unknownHeaders: plan.unknownHeaders,
            // The choices for those headers, named as the server names them (its messages say the same words).
            fields: plan.unknownHeaders.length === 0 ? [] : MAPPING_CHOICES,
            unmatched: plan.unmatched,
            warnings: plan.warnings.map((w) => ({ line: w.line, field: w.column, message: w.message })),
            rows: plan.rows,
            skipped: plan.skipped,
          };
          if (plan.errors.length > 0) {
            const message = `นำเข้าไม่ได้: พบข้อผิดพลาด ${plan.errors.length} รายการ ยังไม่ได้บันทึกคะแนนใด ๆ`;
            const errors = plan.errors.map((e) => ({ line: e.line, field: e.column, message: e.message }));
            return c.json({ error: 'bad_request', message, imported: 0, agencies: [], errors, review }, 400);
          }
          const store = plan.ready && body.apply === true && provinceId !== undefined;
          const imported = store
            ? await storeResults(
                deps.db,
                plan.sets,
                { source: 'liff', by: viewer.userId, fileName: body.fileName },
                deps.now(),
              )
            : 0;
          return c.json({
            imported,
            dryRun: !store,
            agencies: plan.rows.map((r) => ({
              id: r.agency.id,
              name: r.agency.name,
              rows: plan.sets.find((s) => s.agencyId === r.agency.id)?.scores.length ?? 0,
              total: r.totalDisplay === null ? null : Number(r.totalDisplay),
              level: r.level,
              missing: [] as string[],
            })),
            errors: [] as ImportError[],
            review,
          });
        }
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
          review: null,
        });
      })
  );
}
