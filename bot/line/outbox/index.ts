// The outbox drain's public face: drain, pause and resume, and the pieces a caller may tune.
export type { Backoff } from './backoff.ts';
export { DEFAULT_BACKOFF, retryDelayMs } from './backoff.ts';
export type { DrainDeps, DrainOptions, DrainReport } from './drain.ts';
export { drainOutbox } from './drain.ts';
export type { StopReason } from './feed.ts';
export type { OutboxPause, PauseCause } from './pause.ts';
export { PAUSE_SETTING, pauseOutbox, QUOTA_ALERT_TH, readOutboxPause, resumeOutbox } from './pause.ts';
export type { RateLimit, RateLimiter, SendLimiters, SendLimits } from './rate-limiter.ts';
export { createRateLimiter, createSendLimiters, DEFAULT_SEND_LIMITS } from './rate-limiter.ts';
