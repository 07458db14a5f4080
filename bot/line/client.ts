// The one client for LINE's Messaging API and LINE Login verify, on plain fetch (Node and Workers alike).
import type { messagingApi } from '@line/bot-sdk';
import { LineApiError } from './errors.ts';

export type LineMessage = messagingApi.Message;

export interface LineClientOptions {
  channelAccessToken: string;
  apiBaseUrl: string;
  dataApiBaseUrl: string;
  /** Per-request time-out; LINE's own calls answer in well under a second. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export interface IdTokenClaims {
  /** Who issued it: LINE Login, https://access.line.me. */
  iss?: string;
  /** The LINE Login channel it was issued to. */
  aud?: string | string[];
  sub: string;
  name?: string;
  picture?: string;
  exp: number;
}

export interface LineClient {
  reply(replyToken: string, messages: LineMessage[]): Promise<void>;
  push(to: string, messages: LineMessage[], retryKey: string): Promise<{ requestId?: string }>;
  multicast(to: string[], messages: LineMessage[], retryKey: string): Promise<{ requestId?: string }>;
  getProfile(userId: string): Promise<messagingApi.UserProfileResponse>;
  getGroupMemberProfile(groupId: string, userId: string): Promise<messagingApi.GroupUserProfileResponse>;
  getRoomMemberProfile(roomId: string, userId: string): Promise<messagingApi.RoomUserProfileResponse>;
  getGroupSummary(groupId: string): Promise<messagingApi.GroupSummaryResponse>;
  /** GET /v2/bot/group/{groupId}/members/count: what one push into the group costs in the monthly quota. */
  getGroupMemberCount(groupId: string): Promise<number>;
  /** GET /v2/bot/message/quota: the month's target limit; undefined when the plan sets none. */
  getMessageQuota(): Promise<{ limit: number | undefined }>;
  /** GET /v2/bot/message/quota/consumption: messages counted this month (replies are free and not counted). */
  getMessageQuotaConsumption(): Promise<number>;
  getContent(messageId: string): Promise<{ bytes: Uint8Array; contentType: string }>;
  /** POST /v2/bot/richmenu/{id}/content on the data host: a PNG or JPEG body, not JSON. */
  uploadRichMenuImage(richMenuId: string, image: Uint8Array, contentType?: string): Promise<void>;
  verifyIdToken(idToken: string, channelId: string): Promise<IdTokenClaims>;
  call<T>(method: string, path: string, body?: unknown, data?: boolean): Promise<T>;
}

export function createLineClient(options: LineClientOptions): LineClient {
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;

  async function send(url: string, path: string, init: RequestInit, timeout = timeoutMs): Promise<Response> {
    let res: Response;
    try {
      res = await doFetch(url, { ...init, signal: AbortSignal.timeout(timeout) });
    } catch (error) {
      throw new LineApiError(
        0,
        error instanceof Error ? error.message : String(error),
        undefined,
        undefined,
        path,
      );
    }
    if (!res.ok) {
      const body = await res.text().catch(() => '');
      throw new LineApiError(
        res.status,
        body,
        res.headers.get('x-line-request-id') ?? undefined,
        res.headers.get('x-line-accepted-request-id') ?? undefined,
        path,
      );
    }
    return res;
  }

  function botRequest(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
    data = false,
  ) {
    const base = data ? options.dataApiBaseUrl : options.apiBaseUrl;
    return send(`${base}${path}`, path, {
      method,
      headers: {
        authorization: `Bearer ${options.channelAccessToken}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  async function json<T>(res: Response): Promise<T> {
    const text = await res.text();
    return (text === '' ? {} : JSON.parse(text)) as T;
  }

  const requestIdOf = (res: Response) => ({ requestId: res.headers.get('x-line-request-id') ?? undefined });

  return {
    async reply(replyToken, messages) {
      await botRequest('POST', '/v2/bot/message/reply', { replyToken, messages });
    },
    async push(to, messages, retryKey) {
      const res = await botRequest(
        'POST',
        '/v2/bot/message/push',
        { to, messages },
        { 'x-line-retry-key': retryKey },
      );
      return requestIdOf(res);
    },
    async multicast(to, messages, retryKey) {
      const res = await botRequest(
        'POST',
        '/v2/bot/message/multicast',
        { to, messages },
        { 'x-line-retry-key': retryKey },
      );
      return requestIdOf(res);
    },
    async getProfile(userId) {
      return json(await botRequest('GET', `/v2/bot/profile/${encodeURIComponent(userId)}`));
    },
    async getGroupMemberProfile(groupId, userId) {
      const path = `/v2/bot/group/${encodeURIComponent(groupId)}/member/${encodeURIComponent(userId)}`;
      return json(await botRequest('GET', path));
    },
    async getRoomMemberProfile(roomId, userId) {
      const path = `/v2/bot/room/${encodeURIComponent(roomId)}/member/${encodeURIComponent(userId)}`;
      return json(await botRequest('GET', path));
    },
    async getGroupMemberCount(groupId) {
      const path = `/v2/bot/group/${encodeURIComponent(groupId)}/members/count`;
      return (await json<messagingApi.GroupMemberCountResponse>(await botRequest('GET', path))).count;
    },
    async getMessageQuota() {
      const quota = await json<messagingApi.MessageQuotaResponse>(
        await botRequest('GET', '/v2/bot/message/quota'),
      );
      return { limit: quota.type === 'limited' ? quota.value : undefined };
    },
    async getMessageQuotaConsumption() {
      const path = '/v2/bot/message/quota/consumption';
      return (await json<messagingApi.QuotaConsumptionResponse>(await botRequest('GET', path))).totalUsage;
    },
    async getGroupSummary(groupId) {
      return json(await botRequest('GET', `/v2/bot/group/${encodeURIComponent(groupId)}/summary`));
    },
    async getContent(messageId) {
      const path = `/v2/bot/message/${encodeURIComponent(messageId)}/content`;
      const res = await botRequest('GET', path, undefined, {}, true);
      const contentType = res.headers.get('content-type') ?? 'application/octet-stream';
      return { bytes: new Uint8Array(await res.arrayBuffer()), contentType };
    },
    async uploadRichMenuImage(richMenuId, image, contentType = 'image/png') {
      // https://developers.line.biz/en/reference/messaging-api/#upload-rich-menu-image (up to 1 MB: allow 30 s).
      const path = `/v2/bot/richmenu/${encodeURIComponent(richMenuId)}/content`;
      const headers = { authorization: `Bearer ${options.channelAccessToken}`, 'content-type': contentType };
      const init = { method: 'POST', headers, body: Uint8Array.from(image) };
      await send(`${options.dataApiBaseUrl}${path}`, path, init, Math.max(timeoutMs, 30_000));
    },
    async verifyIdToken(idToken, channelId) {
      // LINE Login v2.1 (https://developers.line.biz/en/reference/line-login/#verify-id-token); no secret needed.
      const path = '/oauth2/v2.1/verify';
      const res = await send(`${options.apiBaseUrl}${path}`, path, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ id_token: idToken, client_id: channelId }).toString(),
      });
      return json<IdTokenClaims>(res);
    },
    async call(method, path, body, data = false) {
      return json(await botRequest(method, path, body, {}, data));
    },
  };
}
