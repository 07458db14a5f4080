// @vitest-environment happy-dom
// Sign-in of local mode: one round trip for the demo person's token (taken from index.html's early fetch when
// there is one), the remembered person, a forgotten one, and the answers the app refuses.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchLiffConfig, type SignInOutcome, signIn } from '../../../liff/src/lib/liff.ts';

const LOCAL = { liffId: null, localMode: true };
const COORDINATOR = { userId: `U${'c'.repeat(32)}`, displayName: 'ผู้ประสานงาน' };
const STAFF = { userId: `U${'a'.repeat(32)}`, displayName: 'เจ้าหน้าที่' };

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A fake /dev/api/id-token that knows two demo people and records who was asked for. */
function fakeServer() {
  const asked: (string | undefined)[] = [];
  const fetcher = vi.fn(async (_input: RequestInfo | URL, init?: RequestInit) => {
    const { as } = JSON.parse(String(init?.body)) as { as?: string };
    asked.push(as);
    const user = as === undefined ? COORDINATOR : [COORDINATOR, STAFF].find((u) => u.userId === as);
    if (user === undefined) return json({ error: 'bad_request', message: 'ไม่มีผู้ใช้ทดลองคนนี้' }, 400);
    return json({ idToken: `tok-${user.userId}`, user, users: [COORDINATOR, STAFF] });
  });
  return { asked, fetcher: fetcher as unknown as typeof fetch };
}

function signedIn(outcome: SignInOutcome) {
  if (outcome.kind !== 'signed-in') throw new Error(`not signed in: ${JSON.stringify(outcome)}`);
  return outcome;
}

afterEach(() => {
  sessionStorage.clear();
  window.itaEarly = undefined;
});

describe('signIn in local mode', () => {
  it('signs in as the first demo person with one request, without the LIFF SDK, when none was chosen', async () => {
    const server = fakeServer();
    const outcome = signedIn(await signIn(LOCAL, server.fetcher));
    expect(server.asked).toEqual([undefined]);
    expect(outcome.session).toMatchObject({ idToken: `tok-${COORDINATOR.userId}`, mock: true });
    expect(outcome.session.liff).toBeUndefined();
    expect(outcome.demoUsers.map((u) => u.userId)).toEqual([COORDINATOR.userId, STAFF.userId]);
  });

  it('signs in as the person chosen last in the switcher', async () => {
    sessionStorage.setItem('ita-liff-as', STAFF.userId);
    const server = fakeServer();
    const outcome = signedIn(await signIn(LOCAL, server.fetcher));
    expect(server.asked).toEqual([STAFF.userId]);
    expect(outcome.session.demoUser).toEqual(STAFF);
  });

  it('falls back to the first person and forgets the choice when the server no longer knows it', async () => {
    sessionStorage.setItem('ita-liff-as', `U${'f'.repeat(32)}`);
    const server = fakeServer();
    const outcome = signedIn(await signIn(LOCAL, server.fetcher));
    expect(server.asked).toEqual([`U${'f'.repeat(32)}`, undefined]);
    expect(outcome.session.demoUser).toEqual(COORDINATOR);
    expect(sessionStorage.getItem('ita-liff-as')).toBeNull();
  });

  it('takes the token index.html already asked for, once, and asks again on a retry', async () => {
    const early = json({ idToken: 'early-tok', user: STAFF, users: [COORDINATOR, STAFF] });
    window.itaEarly = { token: Promise.resolve(early) };
    const server = fakeServer();
    expect(signedIn(await signIn(LOCAL, server.fetcher)).session.idToken).toBe('early-tok');
    expect(server.asked).toEqual([]);
    expect(signedIn(await signIn(LOCAL, server.fetcher)).session.idToken).toBe(`tok-${COORDINATOR.userId}`);
  });

  it('fails with a Thai message when the token answer is not one', async () => {
    const fetcher = (async () => json({ nope: true })) as unknown as typeof fetch;
    const outcome = await signIn(LOCAL, fetcher);
    expect(outcome.kind).toBe('failed');
    expect(outcome.kind === 'failed' && outcome.message).toMatch(/เข้าสู่ระบบ/);
  });

  it('refuses to run without a LIFF id outside local mode', async () => {
    const outcome = await signIn({ liffId: null, localMode: false }, fakeServer().fetcher);
    expect(outcome).toMatchObject({ kind: 'failed', message: expect.stringMatching(/LIFF_ID/) });
  });
});

describe('fetchLiffConfig', () => {
  it('takes the early answer of index.html once, then fetches', async () => {
    window.itaEarly = { config: Promise.resolve(json({ liffId: '123-abc', localMode: false })) };
    const fetcher = vi.fn(async () => json({ liffId: null, localMode: true }));
    expect(await fetchLiffConfig(fetcher as unknown as typeof fetch)).toEqual({
      liffId: '123-abc',
      localMode: false,
    });
    expect(fetcher).not.toHaveBeenCalled();
    expect(await fetchLiffConfig(fetcher as unknown as typeof fetch)).toEqual(LOCAL);
  });
});
