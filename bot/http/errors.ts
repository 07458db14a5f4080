// The answers every route shares when something goes wrong: 404 for no route, 400 with the issues of bad
// input, the status of a refusal (401, 403, 503 …) with its reason, and a polite 500 that logs the cause.
import type { ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Logger } from '../deps.ts';
import { ValidationError } from './validate.ts';

const ERROR_CODES: Partial<Record<number, string>> = {
  401: 'unauthorized',
  403: 'forbidden',
  413: 'payload_too_large',
  503: 'unavailable',
  404: 'not_found',
};

export const notFound: NotFoundHandler = (c) =>
  c.json({ error: 'not_found', message: `no route for ${c.req.method} ${c.req.path}` }, 404);

export function errorHandler(log: Logger): ErrorHandler {
  return (error, c) => {
    if (error instanceof ValidationError) {
      return c.json({ error: 'bad_request', message: error.message, issues: error.issues }, 400);
    }
    if (error instanceof HTTPException) {
      return c.json(
        { error: ERROR_CODES[error.status] ?? 'bad_request', message: error.message },
        error.status,
      );
    }
    log.error('unhandled error', { path: c.req.path, error: error.stack ?? String(error) });
    return c.json({ error: 'internal', message: 'เกิดข้อผิดพลาดภายในระบบ โปรดลองอีกครั้งภายหลัง' }, 500);
  };
}
