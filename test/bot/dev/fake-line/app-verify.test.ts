// The fake's LINE Login ID-token verify endpoint, POST /oauth2/v2.1/verify.
import { describe, expect, it } from 'vitest';
import * as f from './factories.ts';
import { harness } from './harness.ts';

const VERIFY = '/oauth2/v2.1/verify';
const CLIENT = '2000000001';
const form = (idToken: string, clientId = CLIENT) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ id_token: idToken, client_id: clientId }).toString(),
});
const INVALID = { error: 'invalid_request', error_description: 'Invalid IdToken.' };

describe('fake LINE verify', () => {
  it('answers a registered token with its claims', async () => {
    const { app, state, nowSeconds } = harness();
    state.registerIdToken('id.good', { sub: f.USER, name: 'สมชาย', aud: CLIENT });
    const res = await app.request(VERIFY, form('id.good'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      iss: 'https://access.line.me',
      sub: f.USER,
      aud: CLIENT,
      exp: nowSeconds() + 3_600,
      iat: nowSeconds(),
      amr: ['linesso'],
      name: 'สมชาย',
    });
    expect(state.verifyCalls()).toBe(1);
    expect(state.violations()).toEqual([]);
  });

  it('answers 400 "Invalid IdToken." once the token has expired', async () => {
    const { app, state, advance } = harness();
    state.registerIdToken('id.short', { sub: f.USER, exp: Math.floor(1_750_000_000_000 / 1000) + 10 });
    expect((await app.request(VERIFY, form('id.short'))).status).toBe(200);
    advance(10_000);
    const res = await app.request(VERIFY, form('id.short'));
    expect([res.status, await res.json()]).toEqual([400, INVALID]);
  });

  it('answers 400 for another channel or an unknown token', async () => {
    const { app, state } = harness();
    state.registerIdToken('id.good', { sub: f.USER, aud: CLIENT });
    const wrongClient = await app.request(VERIFY, form('id.good', '1999999999'));
    const unknown = await app.request(VERIFY, form('id.never'));
    expect([wrongClient.status, unknown.status]).toEqual([400, 400]);
    expect(await unknown.json()).toEqual(INVALID);
    expect(state.verifyCalls()).toBe(2);
  });

  it('checks the channel given as loginChannelId when the token names none', async () => {
    const { app, state } = harness({ loginChannelId: CLIENT });
    state.registerIdToken('id.good', { sub: f.USER });
    expect((await app.request(VERIFY, form('id.good', '42'))).status).toBe(400);
    expect((await app.request(VERIFY, form('id.good'))).status).toBe(200);
  });

  it('records a violation when the body is JSON instead of a form', async () => {
    const { app, state } = harness();
    const res = await app.request(VERIFY, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id_token: 'x', client_id: CLIENT }),
    });
    expect(res.status).toBe(400);
    expect(state.violations()[0]?.errors).toContain(
      'content-type must be application/x-www-form-urlencoded, not application/json',
    );
  });

  it('can be made to fail with failNext', async () => {
    const { app, state } = harness();
    state.registerIdToken('id.good', { sub: f.USER });
    state.failNext(1, { status: 500, paths: ['/oauth2/v2.1/verify'] });
    expect((await app.request(VERIFY, form('id.good'))).status).toBe(500);
    expect((await app.request(VERIFY, form('id.good'))).status).toBe(200);
  });
});
