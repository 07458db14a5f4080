// Request-size limits (issue 14 §4), answered 413 before the body is read past the limit: a Content-Length over
// it is refused at once, and a streamed body is cut off as soon as it crosses it (hono/body-limit).
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { INTAKE_RULES } from '../../core/complaints/intake-rules.ts';

/** LINE's webhook bodies are a few KB; 1 MB is far above any real one. */
export const WEBHOOK_MAX_BYTES = 1024 * 1024;
/** JSON under /api. */
export const API_MAX_BYTES = 256 * 1024;
/** The complaint form with photos: 5 photos of 1 MB each in base64 (4/3), plus the text fields. */
export const COMPLAINT_FORM_MAX_BYTES =
  Math.ceil((INTAKE_RULES.maxPhotos * INTAKE_RULES.maxPhotoBytes * 4) / 3) + API_MAX_BYTES;

const tooLarge = (limit: number) => (c: Parameters<MiddlewareHandler>[0]) =>
  c.json(
    {
      error: 'payload_too_large',
      message: `ข้อมูลที่ส่งมาใหญ่เกินกำหนด (ไม่เกิน ${Math.round(limit / 1024).toLocaleString('en-US')} กิโลไบต์)`,
    },
    413,
  );

export function webhookBodyLimit(): MiddlewareHandler {
  return bodyLimit({ maxSize: WEBHOOK_MAX_BYTES, onError: tooLarge(WEBHOOK_MAX_BYTES) });
}

/** 256 KB for every /api request but the complaint form (POST /api/complaints). */
export function apiBodyLimit(): MiddlewareHandler {
  const form = bodyLimit({ maxSize: COMPLAINT_FORM_MAX_BYTES, onError: tooLarge(COMPLAINT_FORM_MAX_BYTES) });
  const json = bodyLimit({ maxSize: API_MAX_BYTES, onError: tooLarge(API_MAX_BYTES) });
  return (c, next) => {
    const isForm = c.req.method === 'POST' && /^\/api\/complaints\/?$/.test(c.req.path);
    return (isForm ? form : json)(c, next);
  };
}
