// The fake on a loopback port, driven end to end by @line/bot-sdk 11's generated clients.
import type { Readable } from 'node:stream';
import { HTTPFetchError, messagingApi } from '@line/bot-sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeLine, startFakeLine } from '../../../../bot/dev/fake-line/server.ts';
import * as f from './factories.ts';
import { RETRY_KEY } from './harness.ts';

let fake: FakeLine;
let client: messagingApi.MessagingApiClient;

async function readAll(stream: Readable): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return new Uint8Array(Buffer.concat(chunks));
}

beforeAll(async () => {
  fake = await startFakeLine();
  client = new messagingApi.MessagingApiClient({ channelAccessToken: 'test-token', baseURL: fake.url });
});

afterAll(() => fake.close());

beforeEach(() => fake.reset());

describe('startFakeLine', () => {
  it('listens on a random loopback port', () => {
    expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('takes pushMessage with a retry key from the SDK and answers its retry with 409', async () => {
    const body = { to: f.USER, messages: [{ type: 'text' as const, text: 'ส่งรายงาน IIT ภายในวันนี้' }] };
    const sent = await client.pushMessage(body, RETRY_KEY);
    expect(sent.sentMessages).toHaveLength(1);
    expect(fake.requests[0]?.headers['x-line-retry-key']).toBe(RETRY_KEY);
    expect(fake.requests[0]?.headers['user-agent']).toContain('@line/bot-sdk');
    const again = await client.pushMessage(body, RETRY_KEY).catch((error: unknown) => error);
    expect(again).toMatchObject({ status: 409 });
    const accepted =
      again instanceof HTTPFetchError ? again.headers.get('x-line-accepted-request-id') : undefined;
    expect(accepted).toBe(fake.requests[0]?.requestId);
    expect(fake.messagesTo(f.USER)).toEqual([body.messages[0]]);
    expect(fake.violations()).toEqual([]);
  });

  it('takes replyMessage from the SDK and refuses the token a second time', async () => {
    const replyToken = fake.issueReplyToken(f.GROUP);
    const res = await client.replyMessage({ replyToken, messages: [{ type: 'text', text: 'ผูกกลุ่มเรียบร้อย' }] });
    expect(res.sentMessages[0]?.id).toMatch(/^\d{18}$/);
    expect(fake.messagesTo(f.GROUP)).toEqual([{ type: 'text', text: 'ผูกกลุ่มเรียบร้อย' }]);
    await expect(
      client.replyMessage({ replyToken, messages: [{ type: 'text', text: 'x' }] }),
    ).rejects.toMatchObject({ status: 400 });
  });

  it('serves registered content to MessagingApiBlobClient.getMessageContent', async () => {
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 9, 8, 7]);
    fake.setContent('468789577898262530', bytes, 'image/jpeg');
    const blob = new messagingApi.MessagingApiBlobClient({
      channelAccessToken: 'test-token',
      baseURL: fake.url,
    });
    expect(await readAll(await blob.getMessageContent('468789577898262530'))).toEqual(bytes);
  });

  it('surfaces an SDK call with a bad body as a violation', async () => {
    const tooLong = { to: f.GROUP, messages: [{ type: 'text' as const, text: 'ก'.repeat(5_001) }] };
    await expect(client.pushMessage(tooLong)).rejects.toMatchObject({ status: 400 });
    expect(fake.violations()[0]?.errors).toEqual([
      'messages[0].text: must be at most 5000 characters, not 5001',
    ]);
  });

  it('releases a request held forever when it closes', async () => {
    const other = await startFakeLine();
    other.hangNext(1, Number.POSITIVE_INFINITY);
    const sdk = new messagingApi.MessagingApiClient({ channelAccessToken: 'test-token', baseURL: other.url });
    const pending = sdk.getProfile(f.USER).then(
      () => 'answered',
      () => 'failed',
    );
    await other.waitFor((r) => r.operationId === 'getProfile');
    await other.close();
    expect(await pending).toMatch(/answered|failed/);
  });

  it('answers and records 1,000 validated pushes sent 50 at a time over loopback', async () => {
    const body = JSON.stringify({ to: f.USER, messages: [{ type: 'text', text: 'เตือนกำหนดส่ง' }] });
    const headers = { authorization: 'Bearer test-token', 'content-type': 'application/json' };
    for (let batch = 0; batch < 20; batch++) {
      await Promise.all(
        Array.from({ length: 50 }, () =>
          fetch(`${fake.url}/v2/bot/message/push`, { method: 'POST', headers, body }).then((r) =>
            r.arrayBuffer(),
          ),
        ),
      );
    }
    expect(fake.pushes()).toHaveLength(1_000);
    expect(fake.violations()).toEqual([]);
  });
});
