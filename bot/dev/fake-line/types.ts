// Public types of the fake LINE API: options, recorded requests, sent messages, faults.
import type { RateLimitName, RateLimitSetting } from './rate-limit.ts';

export type { RateLimitName, RateLimitSetting } from './rate-limit.ts';

export interface FakeLineOptions {
  /** The only channel access token accepted as `Authorization: Bearer …`. Default `test-token`. */
  channelAccessToken?: string;
  /** Per-endpoint limits; default LINE's (push 2,000/s, multicast 200/s, …). `false` turns limiting off. */
  rateLimits?: Partial<Record<RateLimitName, RateLimitSetting>> | false;
  /** Clock in ms, for reply-token and ID-token expiry and the rate limiter. Default `Date.now`. */
  now?: () => number;
  /** When true, only tokens from `issueReplyToken()` are accepted. Default false: any token works once. */
  strictReplyTokens?: boolean;
  /** Profiles of users never given to `setProfile()`: made up (default) or 404. */
  unknownProfiles?: 'generate' | 'not-found';
  /** Monthly message limit for `/quota` (`type: limited`) and for 429 once used up. Default: none. */
  quotaLimit?: number;
  /** The bot's own user ID (`GET /v2/bot/info`, webhook `destination`). */
  botUserId?: string;
  /** LINE Login channel ID that ID tokens are issued for when `registerIdToken` gives no `aud`. Default: any. */
  loginChannelId?: string;
  /** Keep at most this many recorded requests (the oldest half is dropped). Default: all — tests inspect them. */
  maxRecorded?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** Lower-case names. */
  headers: Record<string, string>;
  /** Parsed JSON, the fields of a form body, the byte length of a binary body, or undefined. */
  body: unknown;
  /** The spec's operationId (`pushMessage`), `verifyIdToken` for LINE Login, undefined for unknown paths. */
  operationId: string | undefined;
  /** Contract and limit violations (`messages[0].text: is required`); empty when the request was valid. */
  errors: string[];
  /** Status answered (or decided, for a request held by `hangNext`); 0 while being handled. */
  status: number;
  requestId: string;
  /** When it arrived (ms, from the `now` clock). */
  at: number;
}

/** A message object as sent; it passed the contract, so `type` is there. */
export type LineMessage = { type: string; [key: string]: unknown };

export type SendKind = 'reply' | 'push' | 'multicast' | 'broadcast' | 'narrowcast';

/** One accepted (delivered) send. */
export interface SentRecord {
  kind: SendKind;
  /** Push: the chat; multicast: the users; reply: the chat the token was issued for (if any); else empty. */
  to: string[];
  replyToken?: string;
  retryKey?: string;
  messages: LineMessage[];
  requestId: string;
  at: number;
}

export interface FailOptions {
  status: number;
  /** Default: LINE's body for that status. */
  body?: unknown;
  /** Only requests whose path (or operationId) matches count; default every request. */
  paths?: ReadonlyArray<string | RegExp>;
  /** Process the request normally (deliver, accept the retry key) and only then answer with the failure. */
  afterDelivery?: boolean;
}

export interface HangOptions {
  paths?: ReadonlyArray<string | RegExp>;
}

export interface IdTokenClaims {
  sub: string;
  name?: string;
  picture?: string;
  /** Expiry in seconds since the epoch; default one hour after registration. */
  exp?: number;
  /** The LINE Login channel the token was issued for; a verify with another `client_id` fails. */
  aud?: string;
}

export interface Profile {
  displayName: string;
  pictureUrl?: string;
  statusMessage?: string;
  language?: string;
}

export interface GroupInfo {
  groupName: string;
  pictureUrl?: string;
  /** When given, member-profile lookups for anyone else answer 404. */
  memberIds?: string[];
}
