// /api/reports: the OIT reports drafted from the data — JSON for the LIFF page, .docx/.html downloads, measures → plan.
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { applyAnalysisEdits, applyMeasureResultsEdits, type Report } from '../../../core/reports/index.ts';
import type { Deps } from '../../deps.ts';
import { type ApiEnv, allow, requireStaffOf } from '../../http/auth.ts';
import { jsonOf, paramOf } from '../../http/validate.ts';
import { analysisCharts } from './charts.ts';
import { renderReportDocx } from './docx.ts';
import { draftAnalysis, draftMeasureResults } from './drafts.ts';
import { reportFileName } from './format.ts';
import { renderReportHtml } from './html.ts';
import { addMeasuresToPlan } from './to-plan.ts';

const params = z.object({
  agencyId: z.string().min(1).max(100),
  year: z.coerce
    .number()
    .int()
    .min(2500, 'ปีงบประมาณต้องเป็นปี พ.ศ. เช่น 2567')
    .max(2700, 'ปีงบประมาณต้องเป็นปี พ.ศ. เช่น 2567'),
});

const prose = z.string().trim().min(1, 'ต้องไม่เว้นว่าง').max(5000, 'ยาวเกิน 5,000 ตัวอักษร');
const short = z.string().trim().min(1, 'ต้องไม่เว้นว่าง').max(500, 'ยาวเกิน 500 ตัวอักษร');
const month = z.number().int().min(1).max(12);

const measureEdit = z.object({
  id: z.string().max(100).optional(),
  templateId: z.string().max(100).optional(),
  title: short,
  steps: z.array(prose).max(20, 'ขั้นตอนได้ไม่เกิน 20 ข้อ'),
  owner: short,
  period: z
    .object({ startMonth: month, endMonth: month })
    .refine((p) => p.startMonth <= p.endMonth, 'เดือนเริ่มต้องไม่อยู่หลังเดือนสิ้นสุด')
    .optional(),
  periodText: short.optional(),
});

const analysisEdits = z.object({
  title: prose.optional(),
  intro: prose.optional(),
  summary: prose.optional(),
  recommendations: z
    .object({ IIT: prose.optional(), EIT: prose.optional(), OIT: prose.optional() })
    .optional(),
  topics: z
    .array(
      z.object({
        id: z.literal([1, 2, 3, 4, 5, 6, 7]),
        findings: prose.optional(),
        measures: z.array(measureEdit).max(10, 'มาตรการต่อหัวข้อได้ไม่เกิน 10 รายการ').optional(),
      }),
    )
    .max(7)
    .optional(),
});

const measuresEdits = z.object({
  title: prose.optional(),
  intro: prose.optional(),
  rows: z
    .array(
      z.object({
        activityId: z.string().min(1).max(100),
        done: prose.optional(),
        outcome: prose.optional(),
        owner: short.optional(),
        periodText: short.optional(),
      }),
    )
    .max(100)
    .optional(),
});

const download = <E extends z.ZodType>(edits: E) =>
  z.object({
    format: z.enum(['docx', 'html']),
    digits: z.enum(['thai', 'arabic']).default('arabic'),
    edits: edits.optional(),
  });

const planBody = z.object({ edits: analysisEdits.optional() });

/** No scores or no measures: a 404 whose message the page shows as it is. */
function found<R>(draft: R | string): R {
  if (typeof draft === 'string') throw new HTTPException(404, { message: draft });
  return draft;
}

async function fileResponse(
  deps: Deps,
  report: Report,
  format: 'docx' | 'html',
  digits: 'thai' | 'arabic',
  year: number,
) {
  const name = reportFileName(report.kind, report.agency.id, year, format);
  const headers = { 'content-disposition': `attachment; filename="${name}"` };
  if (format === 'html') {
    return new Response(renderReportHtml(report, { digits }), {
      headers: { ...headers, 'content-type': 'text/html; charset=utf-8' },
    });
  }
  const bytes = await renderReportDocx(
    report,
    deps.renderPng === undefined ? { digits } : { digits, renderPng: deps.renderPng },
  );
  return new Response(bytes, {
    headers: {
      ...headers,
      'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    },
  });
}

export function reportRoutes(deps: Deps) {
  return new Hono<ApiEnv>()
    .get('/analysis/:agencyId/:year', paramOf(params), async (c) => {
      const { agencyId, year } = c.req.valid('param');
      requireStaffOf(c.var.viewer, agencyId);
      const report = found(await draftAnalysis(deps.db, agencyId, year));
      // The charts as shapes, drawn as the downloads draw them: the mini-app renders them without their geometry.
      return c.json({ ...report, charts: analysisCharts(report) });
    })
    .post(
      '/analysis/:agencyId/:year/download',
      allow((viewer, param) => requireStaffOf(viewer, param('agencyId'))),
      paramOf(params),
      jsonOf(download(analysisEdits)),
      async (c) => {
        const { agencyId, year } = c.req.valid('param');
        requireStaffOf(c.var.viewer, agencyId);
        const body = c.req.valid('json');
        const report = applyAnalysisEdits(
          found(await draftAnalysis(deps.db, agencyId, year)),
          body.edits ?? {},
        );
        return fileResponse(deps, report, body.format, body.digits, year);
      },
    )
    .post(
      '/analysis/:agencyId/:year/plan',
      allow((viewer, param) => requireStaffOf(viewer, param('agencyId'))),
      paramOf(params),
      jsonOf(planBody),
      async (c) => {
        const { agencyId, year } = c.req.valid('param');
        requireStaffOf(c.var.viewer, agencyId);
        const edits = c.req.valid('json').edits ?? {};
        const report = applyAnalysisEdits(found(await draftAnalysis(deps.db, agencyId, year)), edits);
        const planned = await addMeasuresToPlan(deps.db, report, deps.now(), c.var.viewer.userId);
        if (typeof planned === 'string') throw new HTTPException(400, { message: planned });
        return c.json({
          year: planned.year,
          skipped: planned.skipped,
          created: planned.created.map((a) => ({
            id: a.id,
            title: a.titleTh,
            owner: a.owner,
            startsOn: a.startsOn,
            dueOn: a.dueOn,
          })),
        });
      },
    )
    .get('/measures/:agencyId/:year', paramOf(params), async (c) => {
      const { agencyId, year } = c.req.valid('param');
      requireStaffOf(c.var.viewer, agencyId);
      return c.json(found(await draftMeasureResults(deps.db, agencyId, year)));
    })
    .post(
      '/measures/:agencyId/:year/download',
      allow((viewer, param) => requireStaffOf(viewer, param('agencyId'))),
      paramOf(params),
      jsonOf(download(measuresEdits)),
      async (c) => {
        const { agencyId, year } = c.req.valid('param');
        requireStaffOf(c.var.viewer, agencyId);
        const body = c.req.valid('json');
        const drafted = found(await draftMeasureResults(deps.db, agencyId, year));
        return fileResponse(
          deps,
          applyMeasureResultsEdits(drafted, body.edits ?? {}),
          body.format,
          body.digits,
          year,
        );
      },
    );
}
