// /api/broadcasts (coordinators): preview an announcement, send it through the outbox exactly as the chat's
// `ประกาศ` confirm does (bot/features/broadcasts/draft.ts), and list recent ones with delivered/failed counts.
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { cancelBroadcast, createBroadcast, findBroadcast } from '../../../db/queries/broadcasts.ts';
import type { Deps } from '../../deps.ts';
import { type ApiEnv, allow, requireCoordinator, type Viewer } from '../../http/auth.ts';
import { jsonOf } from '../../http/validate.ts';
import { costOfSend } from '../quota/cost.ts';
import { AGENCY_TYPES } from '../scores/agency-types.ts';
import { sendDraft } from './draft.ts';
import { checkBroadcastText, listBroadcastSummaries, previewOf, resolveApiFilter } from './mini-app.ts';
import { listRecipients } from './recipients.ts';

const Filter = z
  .object({
    type: z.enum(AGENCY_TYPES, { message: 'ไม่รู้จักประเภทหน่วยงานนี้' }).optional(),
    district: z.string().trim().min(1).max(100).optional(),
    notDoneActivityId: z.string().min(1).max(100).optional(),
  })
  .default({});

const PreviewBody = z.object({
  text: z.string().trim().min(1, 'ต้องมีข้อความประกาศ').max(5000, 'ข้อความยาวเกิน 5,000 ตัวอักษร'),
  filter: Filter,
});

const SendBody = PreviewBody.extend({
  confirm: z.literal(true, { message: 'ต้องยืนยันการส่ง (confirm: true)' }),
});

/** The viewer's province with the text and filter checked: 400 with the reason otherwise. */
async function prepare(deps: Deps, viewer: Viewer, body: z.infer<typeof PreviewBody>) {
  requireCoordinator(viewer);
  const provinceId = viewer.who.provinceId;
  if (provinceId === undefined) throw new HTTPException(404, { message: 'ยังไม่ได้ตั้งค่าจังหวัดของระบบ' });
  const tooLong = await checkBroadcastText(deps.db, provinceId, body.text);
  if (tooLong !== undefined) throw new HTTPException(400, { message: tooLong });
  const filter = await resolveApiFilter(deps.db, provinceId, body.filter, deps.now());
  if (typeof filter === 'string') throw new HTTPException(400, { message: filter });
  return { provinceId, filter };
}

export function broadcastRoutes(deps: Deps) {
  return (
    new Hono<ApiEnv>()
      // How many bound groups the announcement would reach and the exact message they would get; nothing is saved.
      .post('/preview', allow(requireCoordinator), jsonOf(PreviewBody), async (c) => {
        const body = c.req.valid('json');
        const { provinceId, filter } = await prepare(deps, c.var.viewer, body);
        const preview = await previewOf(deps.db, provinceId, body.text, filter);
        // What LINE will count for it (one message per group member) and the month's quota left after it.
        const groups = await listRecipients(deps.db, provinceId, filter);
        const cost = await costOfSend(
          deps,
          groups.map((g) => g.groupId),
        );
        return c.json({
          ...preview,
          cost: cost.messages,
          uncountedGroups: cost.uncountedGroups,
          quota: cost.quota,
          remainingAfter: cost.remainingAfter,
        });
      })
      // Sends: a draft confirmed at once through the chat's path (one push per group, queued in one batch).
      .post('/', allow(requireCoordinator), jsonOf(SendBody), async (c) => {
        const { viewer } = c.var;
        const body = c.req.valid('json');
        const { provinceId, filter } = await prepare(deps, viewer, body);
        const now = deps.now();
        const preview = await previewOf(deps.db, provinceId, body.text, filter);
        if (preview.groups === 0) {
          throw new HTTPException(400, { message: 'ไม่มีกลุ่มหน่วยงานที่ตรงกับผู้รับที่เลือก ยังไม่ได้ส่ง' });
        }
        const input = { provinceId, text: body.text, filter, createdBy: viewer.userId };
        const draft = await createBroadcast(deps.db, input, now);
        await sendDraft(deps, draft, { key: preview.key, by: viewer.userId }, now);
        const sent = await findBroadcast(deps.db, draft.id);
        if (sent?.state !== 'confirmed') {
          // The groups changed between the count and the queue: leave nothing half-sent behind.
          await cancelBroadcast(deps.db, draft.id);
          throw new HTTPException(409, { message: 'ผู้รับเปลี่ยนไประหว่างส่ง โปรดดูตัวอย่างแล้วส่งอีกครั้ง' });
        }
        return c.json(
          {
            id: sent.id,
            state: sent.state,
            groups: sent.recipientCount ?? preview.groups,
            audience: preview.audience,
            message: `กำลังส่งประกาศถึง ${sent.recipientCount ?? preview.groups} กลุ่ม จะแจ้งผลการส่งเมื่อเสร็จ`,
          },
          201,
        );
      })
      // The province's latest broadcasts, newest first, with delivered / failed / pending counts.
      .get('/', async (c) => {
        const { viewer } = c.var;
        requireCoordinator(viewer);
        const provinceId = viewer.who.provinceId;
        if (provinceId === undefined) throw new HTTPException(404, { message: 'ยังไม่ได้ตั้งค่าจังหวัดของระบบ' });
        return c.json({ broadcasts: await listBroadcastSummaries(deps.db, provinceId) });
      })
  );
}
