// Sign-in for /api (issue 7 §1): the LIFF ID token in `Authorization: Bearer …` is verified with LINE Login
// (`/oauth2/v2.1/verify` against the configured channel), cached until it expires, and mapped to roles.
// The user id always comes from LINE's answer, never from the client.
import type { MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Deps } from '../deps.ts';
import type { Who } from '../line/chat/context.ts';
import { resolveWho } from '../line/chat/who.ts';
import { LineApiError } from '../line/errors.ts';

export interface Viewer {
  userId: string;
  /** The LINE display name from the ID token, when the LIFF app was granted the profile scope. */
  name?: string;
  who: Who;
}

export type ApiEnv = { Variables: { viewer: Viewer } };

interface Cached {
  userId: string;
  name?: string;
  /** Epoch milliseconds: the token's own expiry. */
  expiresAt: number;
}

/** The `iss` of every LINE Login ID token. */
const LINE_LOGIN_ISSUER = 'https://access.line.me';

/** Enough for every signed-in user of a province several times over; the oldest entry goes first. */
const CACHE_LIMIT = 5_000;

export function authenticate(deps: Deps): MiddlewareHandler<ApiEnv> {
  const cache = new Map<string, Cached>();

  const verify = async (token: string, channelId: string): Promise<Cached> => {
    const now = deps.now().getTime();
    const hit = cache.get(token);
    if (hit !== undefined && hit.expiresAt > now) return hit;
    cache.delete(token);
    let claims: Awaited<ReturnType<Deps['line']['verifyIdToken']>>;
    try {
      claims = await deps.line.verifyIdToken(token, channelId);
    } catch (error) {
      // LINE answers 400 for an expired, forged or foreign token; anything else means LINE was not reached.
      if (error instanceof LineApiError && error.status >= 400 && error.status < 500) {
        throw new HTTPException(401, { message: 'เข้าสู่ระบบไม่สำเร็จหรือหมดเวลาแล้ว โปรดเปิดแอปจาก LINE อีกครั้ง' });
      }
      deps.log.warn('id token verify failed', { error: String(error) });
      throw new HTTPException(503, { message: 'ตรวจสอบการเข้าสู่ระบบกับ LINE ไม่ได้ในขณะนี้ โปรดลองอีกครั้ง' });
    }
    // LINE checked the token for this channel; its answer is checked again, so a token for another channel,
    // from another issuer or already expired never signs anyone in, whatever answered.
    const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
    if (
      claims.iss !== LINE_LOGIN_ISSUER ||
      !audiences.includes(channelId) ||
      typeof claims.sub !== 'string'
    ) {
      deps.log.warn('id token claims refused', {
        iss: String(claims.iss),
        audMatches: audiences.includes(channelId),
      });
      throw new HTTPException(401, { message: 'เข้าสู่ระบบไม่สำเร็จ โปรดเปิดแอปจาก LINE อีกครั้ง' });
    }
    const entry: Cached = { userId: claims.sub, name: claims.name, expiresAt: claims.exp * 1000 };
    if (!Number.isFinite(entry.expiresAt) || entry.expiresAt <= now) {
      throw new HTTPException(401, { message: 'การเข้าสู่ระบบหมดเวลาแล้ว โปรดเปิดแอปจาก LINE อีกครั้ง' });
    }
    if (cache.size >= CACHE_LIMIT) {
      const oldest = cache.keys().next();
      if (oldest.done !== true) cache.delete(oldest.value);
    }
    cache.set(token, entry);
    return entry;
  };

  return async (c, next) => {
    const channelId = deps.liff.loginChannelId;
    if (channelId === undefined) {
      throw new HTTPException(401, { message: 'ยังไม่ได้ตั้งค่า LINE Login (LINE_LOGIN_CHANNEL_ID) สำหรับมินิแอป' });
    }
    const header = c.req.header('authorization') ?? '';
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (token === undefined) {
      throw new HTTPException(401, { message: 'ต้องเข้าสู่ระบบด้วย LINE ก่อน โปรดเปิดแอปจาก LINE' });
    }
    const signedIn = await verify(token, channelId);
    c.set('viewer', {
      userId: signedIn.userId,
      name: signedIn.name,
      who: await resolveWho(deps.db, signedIn.userId),
    });
    await next();
  };
}

/**
 * A role check as middleware, placed before a route's body validator: someone without the role gets 403 even
 * for a malformed body, and the body is never parsed for them (issue 14 §4).
 */
export function allow(
  check: (viewer: Viewer, param: (name: string) => string) => void,
): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    check(c.var.viewer, (name) => c.req.param(name) ?? '');
    await next();
  };
}

/** 403 with a reason the app shows as it is. */
export function forbid(message: string): never {
  throw new HTTPException(403, { message });
}

export function requireCoordinator(viewer: Viewer): void {
  if (!viewer.who.isCoordinator) forbid('เฉพาะผู้ประสานงาน ITA ของจังหวัดเท่านั้น');
}

/** Staff of the agency, or a coordinator (who may act for any agency of the province). */
export function requireStaffOf(viewer: Viewer, agencyId: string): void {
  if (viewer.who.isCoordinator || viewer.who.staffAgencyIds.includes(agencyId)) return;
  forbid('เฉพาะผู้รับผิดชอบ ITA ของหน่วยงานนี้หรือผู้ประสานงานจังหวัดเท่านั้น');
}

/** Any ITA role: coordinator or staff of some agency. */
export function requireItaStaff(viewer: Viewer): void {
  if (viewer.who.isCoordinator || viewer.who.staffAgencyIds.length > 0) return;
  forbid('เฉพาะเจ้าหน้าที่ ITA ของหน่วยงานและผู้ประสานงานจังหวัดเท่านั้น');
}
