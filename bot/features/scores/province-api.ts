// /api/province: the home province's ITA results for a year, every agency ranked (issue 7 §2 "Province overview").
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import type { ApiEnv } from '../../http/auth.ts';
import { queryOf } from '../../http/validate.ts';
import { AGENCY_TYPES } from './agency-types.ts';
import { buildProvinceView } from './province.ts';

/** A Buddhist-era fiscal year in a query string ("2567"). */
export const yearQuery = z.coerce
  .number({ message: 'ปีงบประมาณต้องเป็นตัวเลข พ.ศ. เช่น 2567' })
  .int('ปีงบประมาณต้องเป็นจำนวนเต็ม')
  .min(2500, 'ปีงบประมาณต้องเป็นปี พ.ศ. เช่น 2567')
  .max(2700, 'ปีงบประมาณต้องเป็นปี พ.ศ. เช่น 2567');

const ProvinceQuery = z.object({
  year: yearQuery.optional(),
  type: z.enum(AGENCY_TYPES, { message: 'ไม่รู้จักประเภทหน่วยงานนี้' }).optional(),
  district: z.string().trim().min(1).optional(),
  q: z.string().trim().max(100, 'คำค้นยาวเกิน 100 ตัวอักษร').optional(),
});

export function provinceRoutes(deps: Deps) {
  // Everyone signed in may see scores: ITA results are published by the NACC.
  return new Hono<ApiEnv>().get('/', queryOf(ProvinceQuery), async (c) => {
    const { year, type, district, q } = c.req.valid('query');
    const provinceId = c.var.viewer.who.provinceId;
    const view =
      provinceId === undefined
        ? undefined
        : await buildProvinceView(deps.db, provinceId, year, { type, district, q });
    if (view === undefined) throw new HTTPException(404, { message: 'ยังไม่ได้ตั้งค่าจังหวัดของระบบ' });
    return c.json(view);
  });
}
