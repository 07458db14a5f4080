// /api/cases/track/:code: the reporter's side after closing (issue 5 §2) — rate the handling 1–5 and reopen once
// with a reason. The tracking code is the key (so "tracking code only" reporters can do it too); wrong codes
// count against the same hourly limit as `ติดตาม`.
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { parseTrackingCode } from '../../../core/complaints/tracking-code.ts';
import { rateComplaint } from '../../../db/queries/complaint-events.ts';
import type { Complaint } from '../../../db/queries/complaints.ts';
import type { Deps } from '../../deps.ts';
import type { ApiEnv, Viewer } from '../../http/auth.ts';
import { jsonOf, paramOf } from '../../http/validate.ts';
import { loadSettings } from '../settings/settings.ts';
import { applyComplaintAction, MAX_ACTION_TEXT } from './actions.ts';
import { eitOfferFor } from './notify.ts';
import { findWithinLimit } from './tracking.ts';

const Code = z.object({ code: z.string().min(1).max(40) });

/** The complaint behind the code; a miss counts as a wrong code (429 once over the hourly limit). */
async function complaintOf(deps: Deps, viewer: Viewer, raw: string, limit: number): Promise<Complaint> {
  const complaint = await findWithinLimit(deps, viewer.userId, parseTrackingCode(raw), limit, deps.now());
  if (complaint === 'limited')
    throw new HTTPException(429, { message: 'ลองรหัสผิดหลายครั้งเกินไป โปรดลองใหม่ในอีกหนึ่งชั่วโมง' });
  if (complaint === undefined)
    throw new HTTPException(404, { message: 'ไม่พบเรื่องร้องเรียนตามรหัสนี้ โปรดตรวจสอบรหัสอีกครั้ง' });
  return complaint;
}

export function complaintTrackRoutes(deps: Deps) {
  return new Hono<ApiEnv>()
    .post(
      '/:code/rate',
      paramOf(Code),
      jsonOf(z.object({ rating: z.number().int().min(1, 'คะแนน 1–5').max(5, 'คะแนน 1–5') })),
      async (c) => {
        const { wrongCodesPerHour } = await loadSettings(deps.db);
        const complaint = await complaintOf(deps, c.var.viewer, c.req.valid('param').code, wrongCodesPerHour);
        const { rating } = c.req.valid('json');
        if (complaint.status !== 'closed')
          throw new HTTPException(409, { message: 'ให้คะแนนได้เมื่อเรื่องดำเนินการเสร็จสิ้นแล้ว' });
        const now = deps.now();
        if (!(await rateComplaint(deps.db, complaint.id, rating, now)))
          throw new HTTPException(409, { message: 'เรื่องนี้ได้รับคะแนนแล้ว' });
        const eit = await eitOfferFor(deps, complaint, now);
        return c.json({ rating, eit: eit ?? null });
      },
    )
    .post(
      '/:code/reopen',
      paramOf(Code),
      jsonOf(z.object({ reason: z.string().max(MAX_ACTION_TEXT) })),
      async (c) => {
        const settings = await loadSettings(deps.db);
        const complaint = await complaintOf(
          deps,
          c.var.viewer,
          c.req.valid('param').code,
          settings.wrongCodesPerHour,
        );
        const outcome = await applyComplaintAction(
          deps,
          {
            complaintId: complaint.id,
            action: 'reopen',
            actor: 'reporter',
            text: c.req.valid('json').reason,
          },
          settings,
        );
        if (!outcome.ok) {
          const status = outcome.reason === 'needs_text' ? 400 : outcome.reason === 'not_found' ? 404 : 409;
          throw new HTTPException(status, { message: outcome.message });
        }
        return c.json({ trackingCode: outcome.complaint.trackingCode, status: outcome.complaint.status });
      },
    );
}
