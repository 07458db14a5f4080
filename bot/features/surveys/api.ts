// /api/surveys: IIT/EIT progress per agency (staff: their agencies; coordinators: all) and the coordinator's
// link and target edits (issue 4 §4, issue 7 §2 "Survey progress" and "edit survey links and targets").
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { fiscalYearOf } from '../../../core/index.ts';
import { listAgencies } from '../../../db/queries/agencies.ts';
import { upsertSurveyLink } from '../../../db/queries/survey-links.ts';
import type { Deps } from '../../deps.ts';
import { type ApiEnv, allow, requireCoordinator, requireItaStaff } from '../../http/auth.ts';
import { jsonOf, paramOf, queryOf } from '../../http/validate.ts';
import { yearQuery } from '../scores/province-api.ts';
import { isHttpsUrl } from './links.ts';
import { buildSurveysView } from './progress.ts';

const LinkParam = z.object({
  agencyId: z.string().min(1).max(100),
  instrument: z.enum(['IIT', 'EIT'], { message: 'แบบวัดต้องเป็น IIT หรือ EIT' }),
});

const LinkBody = z
  .object({
    url: z
      .string()
      .trim()
      .max(2000, 'ลิงก์ยาวเกิน 2,000 ตัวอักษร')
      .refine(isHttpsUrl, 'ลิงก์ต้องขึ้นต้นด้วย https:// (คัดลอกจากระบบ ITAS)')
      .nullable()
      .optional(),
    target: z
      .number({ message: 'เป้าหมายต้องเป็นตัวเลข' })
      .int('เป้าหมายต้องเป็นจำนวนเต็ม')
      .positive('เป้าหมายต้องมากกว่า 0')
      .max(1_000_000, 'เป้าหมายมากเกินไป')
      .nullable()
      .optional(),
    year: z.number().int().min(2562).max(2700).optional(),
  })
  .refine((b) => b.url !== undefined || b.target !== undefined, 'ระบุลิงก์หรือเป้าหมายอย่างน้อยหนึ่งอย่าง');

/** A new short code: 8 letters and digits (bot/features/surveys/links.ts SHORT_CODE), printed on QR codes for good. */
function newShortCode(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

export function surveyRoutes(deps: Deps) {
  return (
    new Hono<ApiEnv>()
      // Progress, pace, clicks, short link and QR per agency and instrument for the year (default: current).
      .get('/', queryOf(z.object({ year: yearQuery.optional() })), async (c) => {
        const { viewer } = c.var;
        requireItaStaff(viewer);
        const provinceId = viewer.who.provinceId;
        if (provinceId === undefined) throw new HTTPException(404, { message: 'ยังไม่ได้ตั้งค่าจังหวัดของระบบ' });
        const all = await listAgencies(deps.db, provinceId);
        const agencies = viewer.who.isCoordinator
          ? all
          : all.filter((a) => viewer.who.staffAgencyIds.includes(a.id));
        const now = deps.now();
        const year = c.req.valid('query').year ?? fiscalYearOf(now);
        return c.json(await buildSurveysView(deps.db, provinceId, year, agencies, deps.publicBaseUrl, now));
      })
      // Coordinator: sets an agency's ITAS link (https only) and/or a minimum by hand (null: back to the rule).
      .put(
        '/:agencyId/:instrument',
        allow(requireCoordinator),
        paramOf(LinkParam),
        jsonOf(LinkBody),
        async (c) => {
          const { viewer } = c.var;
          requireCoordinator(viewer);
          const { agencyId, instrument } = c.req.valid('param');
          const body = c.req.valid('json');
          const provinceId = viewer.who.provinceId;
          const agencies = provinceId === undefined ? [] : await listAgencies(deps.db, provinceId);
          if (!agencies.some((a) => a.id === agencyId)) {
            throw new HTTPException(404, { message: `ไม่พบหน่วยงานรหัส "${agencyId}" ในจังหวัดนี้` });
          }
          const now = deps.now();
          const year = body.year ?? fiscalYearOf(now);
          const target =
            body.target === undefined
              ? {}
              : body.target === null
                ? { target: null, targetSource: 'auto' as const }
                : { target: body.target, targetSource: 'manual' as const };
          const input = {
            agencyId,
            year,
            instrument,
            code: newShortCode(), // used only when the link is new: a printed code never changes
            ...(body.url === undefined ? {} : { url: body.url }),
            ...target,
            updatedBy: viewer.userId,
          };
          const saved = await upsertSurveyLink(deps.db, input, now);
          return c.json({
            agencyId,
            instrument,
            year,
            url: saved.url,
            target: saved.target,
            targetSource: saved.targetSource,
            code: saved.code,
          });
        },
      )
  );
}
