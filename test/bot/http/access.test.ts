// /api sign-in and roles for every route group of issue 7's server side: 401, token cache, 403 per role, 400.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAndClose, LOGIN_CHANNEL_ID } from '../../support/harness.ts';
import { type ApiHarness, type Person, startApiHarness } from './api-support.ts';

let h: ApiHarness;
beforeAll(async () => {
  h = await startApiHarness();
});
afterAll(() => checkAndClose(h));

describe('/api sign-in', () => {
  it('answers 401 without a token and with a token LINE does not know', async () => {
    expect((await h.call(null, '/province')).status).toBe(401);
    const bad = await h.callApi('forged', '/province');
    expect(bad.status).toBe(401);
    expect((await bad.json()).error).toBe('unauthorized');
  });

  it('asks LINE once for two requests with the same token', async () => {
    h.fake.registerIdToken('tok-cache', { sub: 'Ucache0000000000000000000000000000', aud: LOGIN_CHANNEL_ID });
    const before = h.fake.verifyCalls();
    expect((await h.callApi('tok-cache', '/province')).status).toBe(200);
    expect((await h.callApi('tok-cache', '/agencies/nakhon-rangsit/scorecard')).status).toBe(200);
    expect(h.fake.verifyCalls() - before).toBe(1);
  });

  it('answers 401 for an expired token', async () => {
    const past = Math.floor(Date.now() / 1000) - 60;
    h.fake.registerIdToken('tok-expired', {
      sub: 'Uexpired00000000000000000000000000',
      aud: LOGIN_CHANNEL_ID,
      exp: past,
    });
    expect((await h.callApi('tok-expired', '/plan')).status).toBe(401);
  });
});

type Call = { method: string; path: string; body?: unknown };
const ACTIVITY = 'x-activity';
const GUARDED: [string, Call, Person[]][] = [
  ['plan status', { method: 'GET', path: '/plan' }, ['citizen', 'officer']],
  [
    'mark done',
    { method: 'POST', path: `/plan/${ACTIVITY}/done`, body: { agencyId: 'pathum-thani-health' } },
    ['citizen', 'officer'],
  ],
  [
    'plan create',
    { method: 'POST', path: '/plan', body: { fromDefault: true, year: 2570 } },
    ['citizen', 'officer', 'staff'],
  ],
  [
    'plan edit',
    { method: 'PATCH', path: `/plan/${ACTIVITY}`, body: { title: 'ใหม่' } },
    ['citizen', 'officer', 'staff'],
  ],
  ['survey progress', { method: 'GET', path: '/surveys' }, ['citizen', 'officer']],
  [
    'survey link edit',
    { method: 'PUT', path: '/surveys/pathum-thani-health/IIT', body: { target: 40 } },
    ['citizen', 'officer', 'staff'],
  ],
  [
    'score import',
    { method: 'POST', path: '/agencies/import', body: { fileName: 'a.csv', content: 'i1,90', year: 2569 } },
    ['citizen', 'officer', 'staff'],
  ],
  [
    'broadcast preview',
    { method: 'POST', path: '/broadcasts/preview', body: { text: 'ทดสอบ', filter: {} } },
    ['citizen', 'officer', 'staff'],
  ],
  [
    'broadcast send',
    { method: 'POST', path: '/broadcasts', body: { text: 'ทดสอบ', filter: {}, confirm: true } },
    ['citizen', 'officer', 'staff'],
  ],
  ['broadcast list', { method: 'GET', path: '/broadcasts' }, ['citizen', 'officer', 'staff']],
];

describe('/api roles', () => {
  it.each(GUARDED)('refuses %s with 403 to those without the role', async (_name, call, refused) => {
    // A real activity id, so that the refusal comes from the role and not from a missing record.
    const plan = await (await h.call('coordinator', '/plan')).json();
    const path = call.path.replace(ACTIVITY, plan.activities[0].id);
    for (const person of refused) {
      const res = await h.call(person, path, { method: call.method, body: call.body });
      expect({ person, status: res.status }).toEqual({ person, status: 403 });
      expect((await res.json()).message).toMatch(/เฉพาะ/);
    }
  });

  it('lets every signed-in person see the province and a score card', async () => {
    for (const person of ['citizen', 'officer', 'staff', 'coordinator'] as const) {
      expect((await h.call(person, '/province')).status).toBe(200);
      expect((await h.call(person, '/agencies/nakhon-rangsit/scorecard')).status).toBe(200);
    }
  });
});

describe('/api validation', () => {
  it.each([
    ['a year that is not a number', 'GET', '/province?year=abc', undefined, 'year'],
    ['an unknown agency type', 'GET', '/province?type=castle', undefined, 'type'],
    [
      'an http survey link',
      'PUT',
      '/surveys/pathum-thani-health/EIT',
      { url: 'http://itas.nacc.go.th/x' },
      'url',
    ],
    ['a target of zero', 'PUT', '/surveys/pathum-thani-health/EIT', { target: 0 }, 'target'],
    [
      'a date that is not a day',
      'POST',
      '/plan',
      { year: 2570, title: 'ประชุม', dueDate: '2026-02-30' },
      'dueDate',
    ],
    ['a send without confirm', 'POST', '/broadcasts', { text: 'ทดสอบ', filter: {} }, 'confirm'],
    ['an import without a year', 'POST', '/agencies/import', { fileName: 'a.csv', content: 'i1,90' }, 'year'],
  ])('answers 400 naming the field for %s', async (_name, method, path, body, field) => {
    const res = await h.call('coordinator', path, { method, body });
    expect(res.status).toBe(400);
    const answer = await res.json();
    expect(answer.error).toBe('bad_request');
    expect(answer.issues.map((i: { path: string }) => i.path)).toContain(field);
  });
});
