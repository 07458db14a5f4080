// /api/complaints: the citizens' side of complaints for the LIFF form (issue 5 §1–2) — agency search, filing
// with the same rules and the same filing function as chat, "my complaints" and lookup by tracking code.
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { IDENTITY_MODES, INTAKE_RULES } from '../../../core/complaints/intake-rules.ts';
import { COMPLAINT_TYPES } from '../../../core/complaints/status.ts';
import { formatThaiDate } from '../../../core/thai/date-format.ts';
import { listAgencies, searchAgencies } from '../../../db/queries/agencies.ts';
import type { Deps } from '../../deps.ts';
import type { ApiEnv, Viewer } from '../../http/auth.ts';
import { jsonOf, paramOf, queryOf } from '../../http/validate.ts';
import { loadSettings } from '../settings/settings.ts';
import { fileComplaint } from './file.ts';
import { malformedCodeReason } from './messages.ts';
import { listMyComplaints, publicStatusOf, trackComplaint } from './tracking.ts';

// Base64 is 4/3 of the bytes: a photo over the limit is refused before it is decoded.
const MAX_BASE64 = Math.ceil((INTAKE_RULES.maxPhotoBytes * 4) / 3) + 4;

const Photo = z.object({
  contentType: z.string().max(100),
  data: z
    .string()
    .max(MAX_BASE64, `รูปใหญ่เกิน ${INTAKE_RULES.maxPhotoBytes / 1_000_000} เมกะไบต์`)
    // Whole 4-character groups only: atob refuses anything else, and that must be a 400, not a 500.
    .regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/, 'ข้อมูลรูปต้องเป็น base64'),
});

const ComplaintBody = z.object({
  submissionId: z.uuid('submissionId ต้องเป็น UUID'),
  type: z.enum(COMPLAINT_TYPES, { message: 'โปรดเลือกประเภทเรื่อง' }),
  agencyId: z.string().min(1).max(100).nullable(),
  description: z.string().max(INTAKE_RULES.descriptionMax * 2),
  occurredAt: z.string().max(1_000).nullable().optional(),
  place: z.string().max(1_000).nullable().optional(),
  lat: z.number().min(-90).max(90).nullable().optional(),
  lng: z.number().min(-180).max(180).nullable().optional(),
  photos: z.array(Photo).max(INTAKE_RULES.maxPhotos, `แนบรูปได้ไม่เกิน ${INTAKE_RULES.maxPhotos} รูป`).optional(),
  identityMode: z.enum(IDENTITY_MODES, { message: 'โปรดเลือกวิธีระบุตัวตน' }),
  name: z.string().max(500).nullable().optional(),
  phone: z.string().max(100).nullable().optional(),
});

const AgencyQuery = z.object({ q: z.string().max(100).optional() });
const CodeParam = z.object({ code: z.string().min(1).max(64) });

function decodeBase64(data: string): Uint8Array {
  const raw = atob(data);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i += 1) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

function provinceOf(viewer: Viewer): string {
  const provinceId = viewer.who.provinceId;
  if (provinceId === undefined) throw new HTTPException(503, { message: 'ระบบยังไม่ได้ตั้งค่าจังหวัด' });
  return provinceId;
}

export function complaintRoutes(deps: Deps) {
  return new Hono<ApiEnv>()
    .get('/agencies', queryOf(AgencyQuery), async (c) => {
      const provinceId = provinceOf(c.var.viewer);
      const q = c.req.valid('query').q?.trim() ?? '';
      const found =
        q === '' ? await listAgencies(deps.db, provinceId) : await searchAgencies(deps.db, provinceId, q, 20);
      return c.json({
        agencies: found.map((a) => ({ id: a.id, nameTh: a.nameTh, shortName: a.shortName, type: a.type })),
      });
    })
    .post('/', jsonOf(ComplaintBody), async (c) => {
      const body = c.req.valid('json');
      const now = deps.now();
      // The form's id is scoped to the signed-in user: another user re-sending it files a complaint of their own.
      // A keyed hash of both, so the stored key ties a "tracking code only" complaint to no LINE account.
      const intakeKey = `liff:${await deps.complaintCrypto.reporterHash(`${c.var.viewer.userId}:${body.submissionId}`)}`;
      const outcome = await fileComplaint(
        deps,
        {
          ...body,
          provinceId: provinceOf(c.var.viewer),
          channel: 'liff',
          userId: c.var.viewer.userId,
          intakeKey,
          photos: body.photos?.map((p) => ({ contentType: p.contentType, bytes: decodeBase64(p.data) })),
        },
        now,
        await loadSettings(deps.db),
      );
      if (outcome.kind === 'invalid') {
        const issues = [{ path: outcome.field, message: outcome.message }];
        return c.json({ error: 'bad_request' as const, message: outcome.message, issues }, 400);
      }
      if (outcome.kind === 'limited') {
        const message = `แจ้งเรื่องใหม่ได้ไม่เกิน ${outcome.limit} เรื่องต่อชั่วโมง โปรดลองอีกครั้งภายหลัง`;
        return c.json({ error: 'rate_limited' as const, message, retryAt: outcome.until.toISOString() }, 429);
      }
      const { complaint, created } = outcome;
      return c.json(
        {
          trackingCode: complaint.trackingCode,
          createdAt: complaint.createdAt,
          createdAtLabel: formatThaiDate(new Date(complaint.createdAt), 'long', { time: true }),
          identityMode: complaint.identityMode,
        },
        created ? 201 : 200,
      );
    })
    .get('/mine', async (c) => {
      const mine = await listMyComplaints(deps, c.var.viewer.userId);
      const complaints = await Promise.all(mine.map((m) => publicStatusOf(deps, m)));
      return c.json({ complaints });
    })
    .get('/track/:code', paramOf(CodeParam), async (c) => {
      const outcome = await trackComplaint(deps, c.var.viewer.userId, c.req.valid('param').code, deps.now());
      switch (outcome.kind) {
        case 'found':
          return c.json({ complaint: outcome.status }, 200);
        case 'malformed':
          // The same reason as chat gives: the characters that cannot be in a code, or how many it must have.
          return c.json(
            {
              error: 'bad_request' as const,
              message: `${malformedCodeReason(outcome.badChars, outcome.length)} โปรดตรวจสอบกับรหัสที่ได้รับตอนแจ้งเรื่อง`,
            },
            400,
          );
        case 'unknown':
          return c.json({ error: 'not_found' as const, message: 'ไม่พบเรื่องที่ใช้รหัสนี้' }, 404);
        case 'limited':
          return c.json(
            {
              error: 'rate_limited' as const,
              message: 'ใส่รหัสไม่ถูกต้องหลายครั้งเกินไป โปรดลองอีกครั้งภายหลัง',
              retryAt: outcome.until.toISOString(),
            },
            429,
          );
      }
    });
}
