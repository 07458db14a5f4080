// The typed /api client (hono/client's types from the server's ApiType) and the one place its errors become Thai text.
import type { ClientResponse } from 'hono/client';
import type { FieldIssue } from '../../../bot/http/validate.ts';
import { type Api, createApiClient } from './api-client.ts';

export type { Api, FieldIssue };

/** What went wrong, for the error state: 0 is "no answer" (offline, server down). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
  }
}

export function createApi(idToken: string, fetcher: typeof fetch = fetch): Api {
  return createApiClient(`${location.origin}/api`, { authorization: `Bearer ${idToken}` }, fetcher);
}

/** The body of a 2xx answer, typed per route; responses of other statuses are thrown as ApiError. */
type OkBody<R> =
  R extends ClientResponse<infer T, infer S, infer _F> ? (S extends 200 | 201 ? T : never) : never;

const DEFAULT_MESSAGES: Record<number, string> = {
  401: 'การเข้าสู่ระบบหมดเวลาแล้ว โปรดเข้าสู่ระบบอีกครั้ง',
  403: 'ขออภัย บัญชีของท่านยังไม่มีสิทธิ์ดูส่วนนี้',
  404: 'ไม่พบข้อมูลที่ต้องการ',
};

export function issuesOf(body: unknown): FieldIssue[] {
  if (typeof body !== 'object' || body === null || !('issues' in body) || !Array.isArray(body.issues))
    return [];
  return body.issues.filter(
    (i): i is FieldIssue => typeof i?.path === 'string' && typeof i?.message === 'string',
  );
}

/** Turns a non-2xx answer into an ApiError carrying the server's Thai message (bot/app.ts onError). */
export async function errorOf(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => undefined);
  const message =
    typeof body === 'object' && body !== null && 'message' in body && typeof body.message === 'string'
      ? body.message
      : (DEFAULT_MESSAGES[response.status] ?? `ระบบตอบกลับผิดปกติ (${response.status}) โปรดลองอีกครั้ง`);
  return new ApiError(response.status, message, issuesOf(body));
}

export async function ok<R extends ClientResponse<unknown, number, string>>(
  pending: Promise<R>,
): Promise<OkBody<R>> {
  let response: R;
  try {
    response = await pending;
  } catch {
    throw new ApiError(0, 'เชื่อมต่อระบบไม่ได้ โปรดตรวจสอบอินเทอร์เน็ตแล้วลองอีกครั้ง');
  }
  if (!response.ok) throw await errorOf(response);
  // The body's type comes from the server's own route (ApiType); nothing else produces it.
  return (await response.json()) as OkBody<R>;
}
