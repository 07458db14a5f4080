// The fake LINE API for tests and local mode: start it, point the LINE client at `fake.url`, inspect what it got.
export { createFakeLineApp } from './app.ts';
export type { ContractError, ContractResult, LineOperation, LineServer } from './contract.ts';
export { lineOperations, matchOperation, validateRequest, validateWebhook } from './contract.ts';
export { CHAT_ID, checkLimits, LINE_LIMITS, USER_ID } from './limits.ts';
export { LINE_RATE_LIMITS } from './rate-limit.ts';
export { QUOTA_MESSAGE } from './send-handlers.ts';
export type { FakeLineServerOptions } from './server.ts';
export { FakeLine, startFakeLine } from './server.ts';
export { FakeLineState, REPLY_TOKEN_TTL_MS } from './state.ts';
export type {
  FailOptions,
  FakeLineOptions,
  GroupInfo,
  HangOptions,
  IdTokenClaims,
  LineMessage,
  Profile,
  RateLimitName,
  RateLimitSetting,
  RecordedRequest,
  SendKind,
  SentRecord,
} from './types.ts';
export { VERIFY_PATH } from './verify.ts';
