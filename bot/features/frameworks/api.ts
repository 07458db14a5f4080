// /api/frameworks (coordinators): each fiscal year's framework with its evidence status, one year's framework as
// its JSON file, and the import of a year's framework file — checked first, stored and audited only on `apply` —
// so a Workers deployment takes the NACC's manual the week it appears, without the CLI or a new release.
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { FRAMEWORKS, fiscalYearOf, frameworkFor, frameworkNotice } from '../../../core/index.ts';
import type { Framework } from '../../../core/types.ts';
import type { Deps } from '../../deps.ts';
import { type ApiEnv, allow, requireCoordinator } from '../../http/auth.ts';
import { jsonOf, paramOf } from '../../http/validate.ts';
import {
  checkFrameworkFile,
  fileOfFramework,
  frameworkForYear,
  listStoredFrameworkYears,
  storeFramework,
} from './framework-file.ts';

const YearParam = z.object({
  year: z.coerce
    .number({ message: 'ปีงบประมาณต้องเป็นปี พ.ศ. เช่น 2570' })
    .int('ปีงบประมาณต้องเป็นปี พ.ศ. เช่น 2570')
    .min(2562, 'ปีงบประมาณต้องตั้งแต่ 2562')
    .max(2700, 'ปีงบประมาณต้องไม่เกิน 2700'),
});

const ImportBody = z.object({
  /** The framework file's text (JSON), as `ita framework import FILE` reads it. */
  content: z.string().min(1, 'ต้องมีเนื้อหาไฟล์กรอบการประเมิน').max(1_000_000, 'ไฟล์ใหญ่เกิน 1 เมกะไบต์'),
  /** Store it; without, the file is only checked and summarised. */
  apply: z.boolean().optional(),
});

/** A year's framework as the list shows it: where it comes from and whether the NACC's manual confirms it. */
function summaryOf(framework: Framework, year: number, imported: boolean) {
  const notice = frameworkNotice(framework, year) ?? null;
  return {
    year,
    id: framework.id,
    source: framework.source ?? null,
    imported,
    confirmed: notice === null,
    notice,
    items: framework.items.length,
    complaintStatsItem: framework.documents?.complaintStats ?? null,
  };
}

export function frameworkRoutes(deps: Deps) {
  return new Hono<ApiEnv>()
    .get('/', async (c) => {
      requireCoordinator(c.var.viewer);
      const stored = await listStoredFrameworkYears(deps.db);
      const current = fiscalYearOf(deps.now());
      const last = Math.max(current, ...stored, ...FRAMEWORKS.map((f) => f.toYear));
      const years = [];
      for (let year = FRAMEWORKS[0]?.fromYear ?? 2562; year <= last; year++) {
        const framework = await frameworkForYear(deps.db, year);
        if (framework !== undefined) years.push(summaryOf(framework, year, stored.includes(year)));
      }
      return c.json({ currentYear: current, years: years.reverse() });
    })
    .get('/:year', paramOf(YearParam), async (c) => {
      requireCoordinator(c.var.viewer);
      const { year } = c.req.valid('param');
      const framework = await frameworkForYear(deps.db, year);
      if (framework === undefined)
        throw new HTTPException(404, { message: `ไม่มีกรอบการประเมินสำหรับปีงบประมาณ ${year}` });
      const stored = await listStoredFrameworkYears(deps.db);
      return c.json({
        ...summaryOf(framework, year, stored.includes(year)),
        file: fileOfFramework(framework, year),
      });
    })
    .post(
      '/import',
      allow((viewer) => requireCoordinator(viewer)),
      jsonOf(ImportBody),
      async (c) => {
        const { viewer } = c.var;
        const { content, apply } = c.req.valid('json');
        const check = checkFrameworkFile(content);
        if (!check.ok) return c.json({ ok: false as const, stored: false, errors: check.errors }, 400);
        const { framework } = check;
        const year = framework.fromYear;
        const replaces = (await frameworkForYear(deps.db, year))?.id ?? null;
        if (apply === true) {
          await storeFramework(deps.db, content, framework, viewer.userId, deps.now());
          deps.log.info('framework imported', { year, id: framework.id, by: viewer.userId });
        }
        return c.json({
          ok: true as const,
          stored: apply === true,
          year,
          id: framework.id,
          items: framework.items.length,
          unconfirmedItems: framework.items.filter((item) => !item.confirmed).length,
          levels: framework.levels.map((rule) => rule.label),
          complaintStatsItem: framework.documents?.complaintStats ?? null,
          replaces,
          builtIn: frameworkFor(year)?.id ?? null,
          notice: frameworkNotice(framework, year) ?? null,
        });
      },
    );
}
