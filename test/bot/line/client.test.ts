// The LINE client against the fake: request shapes, and one error type with status, body and request id.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeLine, startFakeLine } from '../../../bot/dev/fake-line/index.ts';
import { createLineClient } from '../../../bot/line/client.ts';
import { LineApiError } from '../../../bot/line/errors.ts';
import { signLineBody, verifyLineSignature } from '../../../bot/line/signature.ts';

const GROUP = `C${'3'.repeat(32)}`;
let fake: FakeLine;
beforeAll(async () => {
  fake = await startFakeLine({ channelAccessToken: 'test-token' });
});
afterAll(async () => {
  await fake.close();
});

// The fake compiles its schemas on its first request (~300 ms): only the time-out test uses a short limit.
const client = (timeoutMs = 5000) =>
  createLineClient({
    channelAccessToken: 'test-token',
    apiBaseUrl: fake.url,
    dataApiBaseUrl: fake.url,
    timeoutMs,
  });

describe('createLineClient', () => {
  it('pushes with the retry key and bearer token LINE expects', async () => {
    const key = crypto.randomUUID();
    await client().push(GROUP, [{ type: 'text', text: 'ทดสอบ' }], key);
    const last = fake.requests.at(-1);
    expect(last?.headers['x-line-retry-key']).toBe(key);
    expect(last?.headers.authorization).toBe('Bearer test-token');
    expect(fake.violations()).toEqual([]);
  });

  it('turns a non-2xx answer into LineApiError with status, body and request id', async () => {
    fake.failNext(1, { status: 500 });
    const error = await client()
      .push(GROUP, [{ type: 'text', text: 'x' }], crypto.randomUUID())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LineApiError);
    expect(error).toMatchObject({ status: 500, isRetryable: true });
    expect((error as LineApiError).requestId).toMatch(/\S/);
  });

  it('marks the monthly quota 429 as not retryable', async () => {
    fake.setQuotaExhausted(true);
    const error = await client()
      .push(GROUP, [{ type: 'text', text: 'x' }], crypto.randomUUID())
      .catch((e: unknown) => e);
    fake.setQuotaExhausted(false);
    expect(error).toMatchObject({ status: 429, isQuotaExhausted: true, isRetryable: false });
  });

  it('reports a time-out as status 0, retryable', async () => {
    fake.hangNext(1, 2000);
    const error = await client(300)
      .push(GROUP, [{ type: 'text', text: 'x' }], crypto.randomUUID())
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, isRetryable: true });
  });

  it('verifies a LIFF ID token through LINE Login', async () => {
    fake.registerIdToken('good-token', { sub: `U${'1'.repeat(32)}`, name: 'สมชาย', aud: '1234567890' });
    const claims = await client().verifyIdToken('good-token', '1234567890');
    expect(claims.sub).toBe(`U${'1'.repeat(32)}`);
    await expect(client().verifyIdToken('bad-token', '1234567890')).rejects.toMatchObject({ status: 400 });
  });
});

describe('signatures', () => {
  it('verifies what it signs and nothing else', async () => {
    const signature = await signLineBody('{"a":1}', 'secret');
    expect(await verifyLineSignature('{"a":1}', signature, 'secret')).toBe(true);
    expect(await verifyLineSignature('{"a":2}', signature, 'secret')).toBe(false);
    expect(await verifyLineSignature('{"a":1}', signature, 'other')).toBe(false);
  });
});
