// /api/plan: the fiscal year's plan status for ITA staff and coordinators, marking done, and the coordinator's
// edits (issue 4 §2 "CLI and LIFF"; issue 7 §2 "Plan status"). Reminders follow the stored plan, so editing
// dates or agencies here reschedules what is pending exactly as `ita plan move|assign` does.
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { fiscalYearOf } from '../../../core/index.ts';
import { isIsoDay } from '../../../core/reminders/index.ts';
import { setActivityStatus } from '../../../db/queries/activity-status.ts';
import { findAgencyById, listAgencies } from '../../../db/queries/agencies.ts';
import { findFiscalYear, upsertFiscalYear } from '../../../db/queries/fiscal-years.ts';
import {
  type Activity,
  createActivities,
  createActivity,
  findActivityById,
  listActivities,
  updateActivity,
} from '../../../db/queries/plan-activities.ts';
import type { Deps } from '../../deps.ts';
import {
  type ApiEnv,
  allow,
  forbid,
  requireCoordinator,
  requireItaStaff,
  type Viewer,
} from '../../http/auth.ts';
import { jsonOf, paramOf, queryOf } from '../../http/validate.ts';
import { thaiDay } from '../../line/chat/message-parts.ts';
import { frameworkForYear } from '../frameworks/framework-file.ts';
import { yearQuery } from '../scores/province-api.ts';
import { defaultPlanActivities } from './default-plan.ts';
import { buildPlanView, mayMarkDone } from './status.ts';
import { responsibleAgencyIds } from './tasks.ts';

const day = z.string().refine(isIsoDay, 'วันที่ต้องเป็นรูปแบบ YYYY-MM-DD (ปี ค.ศ.) เช่น 2025-07-01');
const agencyIds = z.array(z.string().min(1)).min(1, 'เลือกหน่วยงานอย่างน้อยหนึ่งหน่วยงาน').max(500);
const title = z.string().trim().min(1, 'ต้องมีชื่อกิจกรรม').max(200, 'ชื่อกิจกรรมยาวเกิน 200 ตัวอักษร');
const year = z.number().int().min(2562, 'ปีงบประมาณต้องตั้งแต่ 2562').max(2700);

const CreateBody = z.union([
  z.object({ fromDefault: z.literal(true), year }),
  z.object({ year, title, startDate: day.optional(), dueDate: day, agencyIds: agencyIds.optional() }),
]);

const PatchBody = z
  .object({
    title: title.optional(),
    startDate: day.nullable().optional(),
    dueDate: day.optional(),
    /** The responsible agencies, or 'all' for every agency of the province. */
    agencyIds: z.union([agencyIds, z.literal('all')]).optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), 'ไม่มีสิ่งที่จะแก้ไข');

const ActivityParam = z.object({ activityId: z.string().min(1).max(100) });

/** The activity, when it is in the viewer's province (404 otherwise: other provinces' plans are not shown). */
async function activityFor(deps: Deps, viewer: Viewer, id: string): Promise<Activity> {
  const activity = await findActivityById(deps.db, id);
  if (activity === undefined || activity.provinceId !== viewer.who.provinceId) {
    throw new HTTPException(404, { message: 'ไม่พบกิจกรรมนี้ในแผนงานของจังหวัด' });
  }
  return activity;
}

/** Every id must be an agency of the province: a 400 that names the first unknown one. */
async function checkAgencies(deps: Deps, provinceId: string, ids: readonly string[]): Promise<string[]> {
  const known = new Set((await listAgencies(deps.db, provinceId)).map((a) => a.id));
  const unknown = ids.find((id) => !known.has(id));
  if (unknown !== undefined)
    throw new HTTPException(400, { message: `ไม่พบหน่วยงานรหัส "${unknown}" ในจังหวัดนี้` });
  return [...new Set(ids)];
}

/** Opens the fiscal year for the province (as `ita plan create` does) when it is not on record. */
async function openYear(deps: Deps, provinceId: string, y: number): Promise<void> {
  if ((await findFiscalYear(deps.db, provinceId, y)) !== undefined) return;
  const framework = await frameworkForYear(deps.db, y);
  if (framework === undefined)
    throw new HTTPException(400, { message: `ไม่มีกรอบการประเมินสำหรับปีงบประมาณ ${y}` });
  await upsertFiscalYear(deps.db, { provinceId, year: y, frameworkId: framework.id }, deps.now());
}

function provinceOf(viewer: Viewer): string {
  const provinceId = viewer.who.provinceId;
  if (provinceId === undefined) throw new HTTPException(404, { message: 'ยังไม่ได้ตั้งค่าจังหวัดของระบบ' });
  return provinceId;
}

export function planRoutes(deps: Deps) {
  return (
    new Hono<ApiEnv>()
      // The year's activities (default: the current fiscal year) with each agency's status; ITA staff and coordinators.
      .get('/', queryOf(z.object({ year: yearQuery.optional() })), async (c) => {
        const { viewer } = c.var;
        requireItaStaff(viewer);
        const now = deps.now();
        const y = c.req.valid('query').year ?? fiscalYearOf(now);
        return c.json(await buildPlanView(deps.db, provinceOf(viewer), y, viewer.who, now));
      })
      // Marks an activity done for an agency (the chat's "เสร็จแล้ว" path): its staff or a coordinator. Stops reminders.
      .post(
        '/:activityId/done',
        allow(requireItaStaff),
        paramOf(ActivityParam),
        jsonOf(z.object({ agencyId: z.string().min(1) })),
        async (c) => {
          const { viewer } = c.var;
          requireItaStaff(viewer);
          const activity = await activityFor(deps, viewer, c.req.valid('param').activityId);
          const agency = await findAgencyById(deps.db, c.req.valid('json').agencyId);
          const responsible = responsibleAgencyIds(
            activity,
            await listAgencies(deps.db, activity.provinceId),
          );
          if (agency === undefined || !responsible.includes(agency.id)) {
            throw new HTTPException(404, { message: 'หน่วยงานนี้ไม่ได้รับผิดชอบกิจกรรมนี้' });
          }
          if (!mayMarkDone(viewer.who, agency))
            forbid(`เฉพาะผู้รับผิดชอบ ITA ของ${agency.nameTh}หรือผู้ประสานงานจังหวัดเท่านั้น`);
          const change = {
            activityId: activity.id,
            agencyId: agency.id,
            status: 'done' as const,
            by: viewer.userId,
          };
          const { changed, status } = await setActivityStatus(deps.db, change, deps.now());
          return c.json({
            activityId: activity.id,
            agencyId: agency.id,
            changed,
            status: status.status,
            doneAt: status.updatedAt,
            message: changed
              ? `บันทึกแล้ว: ${agency.nameTh} ทำข้อ ${activity.seq} ${activity.titleTh} เสร็จแล้ว`
              : `ข้อ ${activity.seq} ของ${agency.nameTh} บันทึกว่าเสร็จแล้วก่อนหน้านี้`,
          });
        },
      )
      // Coordinator: creates the year's plan from the default calendar (adds only what is missing) or one activity.
      .post('/', allow(requireCoordinator), jsonOf(CreateBody), async (c) => {
        const { viewer } = c.var;
        requireCoordinator(viewer);
        const provinceId = provinceOf(viewer);
        const body = c.req.valid('json');
        await openYear(deps, provinceId, body.year);
        const now = deps.now();
        if ('fromDefault' in body) {
          const planned = defaultPlanActivities(
            provinceId,
            body.year,
            viewer.userId,
            await listAgencies(deps.db, provinceId),
          );
          const created = await createActivities(deps.db, planned, now);
          return c.json(
            {
              created: created.length,
              existing: planned.length - created.length,
              ids: created.map((a) => a.id),
            },
            201,
          );
        }
        if (body.startDate !== undefined && body.startDate > body.dueDate) {
          throw new HTTPException(400, { message: 'วันเริ่มต้องไม่อยู่หลังกำหนดเสร็จ' });
        }
        const ids = body.agencyIds === undefined ? [] : await checkAgencies(deps, provinceId, body.agencyIds);
        const existing = await listActivities(deps.db, provinceId, body.year);
        const created = await createActivity(
          deps.db,
          {
            provinceId,
            year: body.year,
            seq: Math.max(0, ...existing.map((a) => a.seq)) + 1,
            titleTh: body.title,
            startsOn: body.startDate ?? null,
            dueOn: body.dueDate,
            responsible: ids.length > 0 ? 'agencies' : 'all',
            agencyIds: ids,
            createdBy: viewer.userId,
          },
          now,
        );
        return c.json(
          {
            created: created === undefined ? 0 : 1,
            existing: 0,
            ids: created === undefined ? [] : [created.id],
          },
          201,
        );
      })
      // Coordinator: renames, moves dates or changes the responsible agencies; pending reminders follow.
      .patch(
        '/:activityId',
        allow(requireCoordinator),
        paramOf(ActivityParam),
        jsonOf(PatchBody),
        async (c) => {
          const { viewer } = c.var;
          requireCoordinator(viewer);
          const activity = await activityFor(deps, viewer, c.req.valid('param').activityId);
          const body = c.req.valid('json');
          const startsOn = body.startDate === undefined ? activity.startsOn : body.startDate;
          const dueOn = body.dueDate ?? activity.dueOn;
          if (startsOn !== null && startsOn > dueOn) {
            throw new HTTPException(400, {
              message: `วันเริ่ม ${thaiDay(startsOn)} อยู่หลังกำหนดเสร็จ ${thaiDay(dueOn)}`,
            });
          }
          const agencies =
            body.agencyIds === undefined
              ? {}
              : body.agencyIds === 'all'
                ? { responsible: 'all' as const, agencyIds: [] }
                : {
                    responsible: 'agencies' as const,
                    agencyIds: await checkAgencies(deps, activity.provinceId, body.agencyIds),
                  };
          const updated = await updateActivity(
            deps.db,
            activity.id,
            {
              ...(body.title === undefined ? {} : { titleTh: body.title }),
              ...(body.startDate === undefined ? {} : { startsOn: body.startDate }),
              ...(body.dueDate === undefined ? {} : { dueOn: body.dueDate }),
              ...agencies,
            },
            deps.now(),
          );
          if (updated === undefined) throw new HTTPException(404, { message: 'ไม่พบกิจกรรมนี้ในแผนงานของจังหวัด' });
          return c.json({
            id: updated.id,
            title: updated.titleTh,
            startDate: updated.startsOn,
            dueDate: updated.dueOn,
            dueLabel: thaiDay(updated.dueOn),
            responsible: updated.responsible,
            agencyIds: updated.agencyIds,
          });
        },
      )
  );
}
