// Pacing sends under LINE's per-endpoint rate limits (push 2,000/s, multicast 200/s): a token bucket plus a
// cap on requests in flight.

export interface RateLimit {
  perSecond: number;
  /** Tokens the bucket holds when idle. Default perSecond/50, at least 1. */
  burst?: number;
  /** Requests of this endpoint on their way at once. Default perSecond/40, at least 1. */
  maxInFlight?: number;
}

export interface RateLimiter {
  readonly perSecond: number;
  readonly burst: number;
  readonly maxInFlight: number;
  /**
   * Resolves when the caller may send, with the function to call once the answer is in; or with undefined
   * when `stillWanted` (asked after the wait for a slot) says the caller no longer wants to send.
   */
  acquire(stillWanted?: () => boolean): Promise<(() => void) | undefined>;
}

export interface SendLimits {
  push: RateLimit;
  multicast: RateLimit;
}

export type SendLimiters = Record<keyof SendLimits, RateLimiter>;

/**
 * LINE counts per channel and endpoint (PLATFORM-NOTES §1.6); the fake counts over an exact sliding second.
 * In any second LINE can see up to perSecond + burst + maxInFlight requests: the bucket's rate and burst,
 * plus requests that were held up on the way (a pause at either end) and arrive bunched. 1,900 + 38 + 32
 * (the drain's concurrency) stays under 2,000, and 190 + 3 + 4 under 200.
 */
export const DEFAULT_SEND_LIMITS: SendLimits = { push: { perSecond: 1_900 }, multicast: { perSecond: 190 } };

export type Sleep = (ms: number) => Promise<void>;

const sleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function atLeastOne(name: string, value: number): number {
  if (!(value >= 1) || !Number.isFinite(value))
    throw new RangeError(`${name} must be at least 1, not ${value}`);
  return value;
}

/** Waiters take turns for a slot; a released slot passes straight to the next waiter. */
function createSlots(max: number) {
  let active = 0;
  const waiters: Array<() => void> = [];
  const release = () => {
    const next = waiters.shift();
    if (next === undefined) active -= 1;
    else next();
  };
  return async (): Promise<() => void> => {
    if (active < max) active += 1;
    else await new Promise<void>((resolve) => waiters.push(resolve));
    let done = false;
    return () => {
      if (!done) release();
      done = true;
    };
  };
}

/**
 * A token bucket that lends: a caller finding it empty takes a token anyway (the count goes negative) and
 * waits until the refill has paid it back, so callers go in turn and none waits longer than it must. A
 * caller first gets an in-flight slot, so tokens are never spent ahead by requests that cannot go yet.
 */
export function createRateLimiter(
  limit: RateLimit,
  clock: () => number = () => performance.now(),
  wait: Sleep = sleep,
): RateLimiter {
  const perSecond = limit.perSecond;
  if (!(perSecond > 0) || !Number.isFinite(perSecond))
    throw new RangeError(`perSecond must be > 0, not ${perSecond}`);
  const burst = atLeastOne('burst', limit.burst ?? Math.max(1, Math.floor(perSecond / 50)));
  const maxInFlight = atLeastOne('maxInFlight', limit.maxInFlight ?? Math.max(1, Math.floor(perSecond / 40)));
  const slot = createSlots(maxInFlight);
  let tokens = burst;
  let last = clock();
  const take = () => {
    const now = clock();
    tokens = Math.min(burst, tokens + ((now - last) * perSecond) / 1_000);
    last = now;
    tokens -= 1;
    return tokens >= 0 ? undefined : wait((-tokens * 1_000) / perSecond);
  };
  return {
    perSecond,
    burst,
    maxInFlight,
    async acquire(stillWanted = () => true) {
      const release = await slot();
      if (!stillWanted()) {
        release();
        return undefined;
      }
      await take();
      return release;
    },
  };
}

export function createSendLimiters(limits: Partial<SendLimits> = {}): SendLimiters {
  return {
    push: createRateLimiter(limits.push ?? DEFAULT_SEND_LIMITS.push),
    multicast: createRateLimiter(limits.multicast ?? DEFAULT_SEND_LIMITS.multicast),
  };
}
