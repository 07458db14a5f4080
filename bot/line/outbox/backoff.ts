// When to try a message again after a 5xx, a time-out or a rate-limit 429: exponential backoff with jitter.

export interface Backoff {
  /** Delay before the second attempt; it doubles for each attempt after that. Default 1 s. */
  baseMs: number;
  /** No delay is longer than this. Default 5 min. */
  maxMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { baseMs: 1_000, maxMs: 5 * 60_000 };

/**
 * The wait after attempt number `attempts` (1 = the first) failed: base · 2^(attempts−1), capped, then
 * "equal jitter" (half fixed, half random) so drains that failed together do not come back together
 * (https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/). LINE documents no
 * Retry-After header for 429 (PLATFORM-NOTES §1.6), so backing off is up to us.
 */
export function retryDelayMs(
  attempts: number,
  backoff: Backoff = DEFAULT_BACKOFF,
  random = Math.random,
): number {
  const exponent = Math.max(0, Math.floor(attempts) - 1);
  // 2^exponent overflows to Infinity long after the cap applies; Math.min keeps it finite.
  const full = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.min(exponent, 52));
  return Math.round(full / 2 + (full / 2) * random());
}
