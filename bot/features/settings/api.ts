// /api/settings and /api/agency-registry: the coordinator's tools in the mini-app (issue 14 §1–2), so a Workers
// deployment needs no SQL console — the stored settings (schema-checked, audited), holidays per year, and the
// province's agency list imported from a CSV or Excel file (dry run first, then applied in one batch).
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { listAgencies } from '../../../db/queries/agencies.ts';
import type { Deps } from '../../deps.ts';
import { type ApiEnv, allow, requireCoordinator } from '../../http/auth.ts';
import { jsonOf, queryOf } from '../../http/validate.ts';
import { applyRegistryPlan, CHANGE_LABELS, checkRegistryFile } from '../agencies/registry-import.ts';
import {
  addHoliday,
  christianYear,
  holidaysOfYear,
  lastKnownHolidayYear,
  removeHoliday,
} from './holidays.ts';
import { loadSettings, SETTING_KEYS, SETTING_SCHEMAS } from './settings.ts';
import { changeSettings } from './store.ts';

const SettingsPatch = z.object({ values: z.record(z.string(), z.unknown()) });
const YearQuery = z.object({ year: z.coerce.number().int().optional() });
const HolidayBody = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'วันที่ต้องเป็น YYYY-MM-DD'),
  name: z.string().trim().min(1, 'ต้องมีชื่อวันหยุด').max(100),
});
const HolidayDelete = z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'วันที่ต้องเป็น YYYY-MM-DD') });
/** Base64 of the file: a province's list is a few tens of KB; the /api body limit (256 KB) bounds it. */
const RegistryBody = z.object({
  fileName: z.string().trim().min(1, 'ต้องมีชื่อไฟล์').max(200),
  contentBase64: z
    .string()
    .min(1, 'ไฟล์ว่าง')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'ไฟล์ต้องส่งเป็น base64'),
  apply: z.boolean().optional(),
});

function decodeBase64(data: string): Uint8Array {
  let raw: string;
  try {
    raw = atob(data);
  } catch {
    throw new HTTPException(400, { message: 'ไฟล์ต้องส่งเป็น base64' });
  }
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i += 1) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

export function settingsRoutes(deps: Deps) {
  return new Hono<ApiEnv>()
    .use(allow(requireCoordinator))
    .get('/', async (c) => {
      const settings = await loadSettings(deps.db);
      return c.json({
        settings: SETTING_KEYS.filter(
          (k) => !['extraHolidays', 'holidayNames', 'removedHolidays'].includes(k),
        ).map((k) => ({
          key: k,
          label: SETTING_SCHEMAS[k].label,
          allowed: SETTING_SCHEMAS[k].allowed,
          value: settings[k] as unknown,
        })),
      });
    })
    .patch('/', jsonOf(SettingsPatch), async (c) => {
      const outcome = await changeSettings(
        deps.db,
        c.req.valid('json').values,
        c.var.viewer.userId,
        deps.now(),
      );
      if (!outcome.ok)
        return c.json(
          {
            error: 'bad_request' as const,
            message: outcome.message,
            issues: [{ path: outcome.key, message: outcome.message }],
          },
          400,
        );
      return c.json({ changed: outcome.changed as string[] });
    })
    .get('/holidays', queryOf(YearQuery), async (c) => {
      const settings = await loadSettings(deps.db);
      const typed = c.req.valid('query').year;
      const year =
        typed === undefined
          ? new Date(deps.now().getTime() + 7 * 3600_000).getUTCFullYear()
          : christianYear(typed);
      if (year === undefined) throw new HTTPException(400, { message: 'ปีไม่ถูกต้อง (พ.ศ. เช่น 2571)' });
      const last = lastKnownHolidayYear(settings);
      return c.json({
        yearBe: year + 543,
        lastKnownYearBe: last + 543,
        days: holidaysOfYear(settings, year),
      });
    })
    .post('/holidays', jsonOf(HolidayBody), async (c) => {
      const { date, name } = c.req.valid('json');
      const outcome = await addHoliday(deps.db, date, name, c.var.viewer.userId, deps.now());
      if (!outcome.ok) throw new HTTPException(400, { message: outcome.message });
      return c.json({ added: date }, 201);
    })
    .delete('/holidays', jsonOf(HolidayDelete), async (c) => {
      const { date } = c.req.valid('json');
      const outcome = await removeHoliday(deps.db, date, c.var.viewer.userId, deps.now());
      if (!outcome.ok) throw new HTTPException(400, { message: outcome.message });
      return c.json({ removed: date });
    });
}

export function agencyRegistryRoutes(deps: Deps) {
  return (
    new Hono<ApiEnv>()
      .use(allow(requireCoordinator))
      .get('/', async (c) => {
        const provinceId = c.var.viewer.who.provinceId;
        const agencies = provinceId === undefined ? [] : await listAgencies(deps.db, provinceId);
        return c.json({
          agencies: agencies.map((a) => ({
            id: a.id,
            nameTh: a.nameTh,
            type: a.type,
            district: a.district,
            parentId: a.parentId,
          })),
        });
      })
      // A dry run unless `apply: true`; bad rows come back by line and column and nothing is written.
      .post('/import', jsonOf(RegistryBody), async (c) => {
        const { viewer } = c.var;
        const body = c.req.valid('json');
        const check = await checkRegistryFile(deps.db, body.fileName, decodeBase64(body.contentBase64));
        if (!check.ok) {
          const count = check.issues.length;
          const message = check.message ?? `นำเข้าไม่ได้: พบข้อผิดพลาด ${count} รายการ ยังไม่ได้บันทึกข้อมูลใด ๆ`;
          return c.json({ error: 'bad_request' as const, message, issues: check.issues }, 400);
        }
        const { plan } = check;
        const foreign = plan.rows.find((r) => r.provinceId !== viewer.who.provinceId);
        if (foreign !== undefined)
          return c.json(
            {
              error: 'forbidden' as const,
              message: `บรรทัด ${foreign.line}: นำเข้าได้เฉพาะหน่วยงานของจังหวัดของท่าน (${viewer.who.provinceId ?? '-'})`,
            },
            403,
          );
        const applied = body.apply === true;
        if (applied) await applyRegistryPlan(deps.db, plan, viewer.userId, deps.now());
        return c.json({
          applied,
          counts: plan.counts,
          labels: CHANGE_LABELS,
          changes: plan.changes.filter((ch) => ch.kind !== 'unchanged'),
        });
      })
  );
}
