// Sign-in: the real LIFF SDK with the configured LIFF id, or, in local mode, an ID token for a demo person (and
// @line/liff-mock later, off the first screen's path). The SDK is imported dynamically so it lands in its own
// chunk (the 60 KB budget of issue 7 excludes it).
import type { Liff } from '@line/liff';
import type { ExtendedInit, LiffMockApi } from '@line/liff-mock';
import type { DemoUser } from '../../../bot/tools/demo/line.ts';

export interface LiffConfig {
  /** Null in local mode: the app runs on @line/liff-mock. */
  liffId: string | null;
  localMode: boolean;
}

export interface Session {
  idToken: string;
  /** With LINE, from sign-in on; in local mode, liff-mock once startMock() has loaded it after the first screen. */
  liff?: Liff;
  mock: boolean;
  /** Local mode: the demo person signed in as. */
  demoUser?: DemoUser;
}

export type SignInOutcome =
  /** `demoUsers`: local mode's people for the identity switcher (empty with LINE). */
  | { kind: 'signed-in'; session: Session; demoUsers: DemoUser[] }
  /** liff.login() is taking the browser to LINE; the page will load again. */
  | { kind: 'redirecting' }
  | { kind: 'failed'; message: string };

/** Also read by the sign-in script in index.html. */
const AS_KEY = 'ita-liff-as';

/** What index.html's script started before this code loaded; each is taken once (a retry fetches anew). */
interface EarlyAnswers {
  config?: Promise<Response>;
  /** Local mode's ID token for the remembered demo person; undefined with LINE. */
  token?: Promise<Response | undefined>;
}

declare global {
  interface Window {
    itaEarly?: EarlyAnswers;
  }
}

function takeEarly<K extends keyof EarlyAnswers>(key: K): EarlyAnswers[K] {
  const early = typeof window === 'undefined' ? undefined : window.itaEarly;
  const taken = early?.[key];
  if (early !== undefined) delete early[key];
  return taken;
}

let sdk: Promise<Liff> | undefined;

/** Downloads the SDK chunk once (143 KB): LINE needs it before the token; local mode only after the first screen. */
function loadSdk(): Promise<Liff> {
  sdk ??= import('@line/liff').then((m) => m.default);
  return sdk;
}
const MOCK_LIFF_ID = '0000000000-localmock';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The server's answer at /liff-config.json (bot/http/liff-config.ts). */
export async function fetchLiffConfig(fetcher: typeof fetch = fetch): Promise<LiffConfig> {
  const response = await (takeEarly('config') ?? fetcher('/liff-config.json'));
  const body: unknown = await response.json();
  if (!response.ok || !isRecord(body)) throw new Error(`liff-config.json answered ${response.status}`);
  const liffId = typeof body.liffId === 'string' ? body.liffId : null;
  return { liffId, localMode: body.localMode === true };
}

export function rememberDemoUser(userId: string): void {
  sessionStorage.setItem(AS_KEY, userId);
}

function isDemoUser(value: unknown): value is DemoUser {
  return isRecord(value) && typeof value.userId === 'string' && typeof value.displayName === 'string';
}

async function requestDemoToken(as: string | undefined, fetcher: typeof fetch): Promise<Response> {
  return fetcher('/dev/api/id-token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(as === undefined ? {} : { as }),
  });
}

/**
 * Local mode: one round trip gives the ID token of the demo person chosen last (kept across reloads; else the
 * server's first, the coordinator) and the list for the switcher. The token is registered with the fake LINE
 * API, so /api verifies it like a real one.
 */
async function signInLocal(fetcher: typeof fetch): Promise<SignInOutcome> {
  const saved = sessionStorage.getItem(AS_KEY) ?? undefined;
  let response = (await takeEarly('token')) ?? (await requestDemoToken(saved, fetcher));
  if (response.status === 400 && saved !== undefined) {
    // The remembered person is no longer a demo user (the demo changed): start again as the first one.
    sessionStorage.removeItem(AS_KEY);
    response = await requestDemoToken(undefined, fetcher);
  }
  const body: unknown = await response.json();
  if (!response.ok || !isRecord(body) || typeof body.idToken !== 'string' || !isDemoUser(body.user)) {
    throw new Error(`/dev/api/id-token answered ${response.status}`);
  }
  const demoUsers = Array.isArray(body.users) ? body.users.filter(isDemoUser) : [];
  const session: Session = { idToken: body.idToken, mock: true, demoUser: body.user };
  return { kind: 'signed-in', session, demoUsers };
}

/**
 * Local mode, once the first screen is up: liff-mock in place of LINE, answering as the demo person (the share
 * button asks it whether the target picker is available). Nothing before the first screen needs it.
 */
export async function startMock(session: Session): Promise<Liff> {
  const [liff, { LiffMockPlugin }] = await Promise.all([loadSdk(), import('@line/liff-mock')]);
  if (!('$mock' in liff)) liff.use(new LiffMockPlugin());
  // liff-mock adds `$mock` and the `mock` init option at run time; its own types describe them (LiffMock).
  const mocked = liff as unknown as Omit<Liff, 'init'> & { init: ExtendedInit; $mock: LiffMockApi };
  await mocked.init({ liffId: MOCK_LIFF_ID, mock: true });
  if (!liff.isInClient()) liff.login();
  const user = session.demoUser;
  mocked.$mock.set((p) => ({
    ...p,
    getIDToken: session.idToken,
    ...(user === undefined ? {} : { getProfile: { displayName: user.displayName, userId: user.userId } }),
  }));
  return liff;
}

/** LINE: init, log in outside the LINE app, then the ID token (null without the openid scope). */
async function signInLine(liffId: string): Promise<SignInOutcome> {
  const liff = await loadSdk();
  await liff.init({ liffId, withLoginOnExternalBrowser: true });
  if (!liff.isLoggedIn()) {
    liff.login({ redirectUri: location.href });
    return { kind: 'redirecting' };
  }
  const idToken = liff.getIDToken();
  if (idToken === null) {
    return {
      kind: 'failed',
      message: 'แอปนี้ยังไม่ได้รับสิทธิ์ openid จาก LINE โปรดแจ้งผู้ดูแลระบบให้เปิดขอบเขต openid ของ LIFF',
    };
  }
  return { kind: 'signed-in', session: { idToken, liff, mock: false }, demoUsers: [] };
}

export async function signIn(config: LiffConfig, fetcher: typeof fetch = fetch): Promise<SignInOutcome> {
  try {
    if (config.liffId !== null) return await signInLine(config.liffId);
    if (!config.localMode) {
      return { kind: 'failed', message: 'ยังไม่ได้ตั้งค่า LIFF_ID ของมินิแอป โปรดแจ้งผู้ดูแลระบบ' };
    }
    return await signInLocal(fetcher);
  } catch (error) {
    return {
      kind: 'failed',
      message: `เข้าสู่ระบบด้วย LINE ไม่สำเร็จ โปรดปิดแล้วเปิดแอปจาก LINE อีกครั้ง (${String(error)})`,
    };
  }
}
