// Pacing sends under LINE's per-endpoint rate limits (push 2,000/s, multicast 200/s): a token bucket plus a
// cap on requests in flight. A rate-limit 429 slows the whole endpoint, not just the message that got it: the
// bucket's rate halves (and pauses a second), then grows back with each request LINE accepts.

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
  /** LINE answered a rate-limit 429 (not the monthly quota): halve the rate and pause everyone a second. */
  throttled(): void;
  /** LINE accepted a request: the rate grows back towards perSecond. */
  accepted(): void;
  /** The rate in force now (perSecond unless a 429 shrank it). */
  currentRate(): number;
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

/** After a rate-limit 429 nobody sends for this long. */
const THROTTLE_PAUSE_MS = 1_000;
/** A rate shrunk by 429s is back to full after this long without one (next drains start slow until then). */
const RESTORE_MS = 10 * 60_000;

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
  // The rate in force: perSecond, or less after a 429. The floor keeps a long queue moving (1/400 of the limit).
  const floor = Math.max(1, perSecond / 400);
  let rate = perSecond;
  let lastThrottle = Number.NEGATIVE_INFINITY;
  const burstNow = () => (rate === perSecond ? burst : Math.max(1, Math.floor(rate / 50)));
  let tokens = burst;
  let last = clock();
  const refill = (now: number) => {
    // Quiet for RESTORE_MS after the last 429: whatever shrank the rate has passed.
    if (rate < perSecond && now - lastThrottle >= RESTORE_MS) rate = perSecond;
    tokens = Math.min(burstNow(), tokens + ((now - last) * rate) / 1_000);
    last = now;
  };
  const take = () => {
    refill(clock());
    tokens -= 1;
    return tokens >= 0 ? undefined : wait((-tokens * 1_000) / rate);
  };
  return {
    perSecond,
    burst,
    maxInFlight,
    throttled() {
      const now = clock();
      refill(now);
      // Each 429 halves: many of them at once say the rate was far too high.
      rate = Math.max(floor, rate / 2);
      lastThrottle = now;
      // Nobody sends for a second from now; debts run up at the old rate are forgiven, not repaid at the new one.
      tokens = -rate * (THROTTLE_PAUSE_MS / 1_000);
    },
    accepted() {
      if (rate < perSecond) rate = Math.min(perSecond, rate + Math.max(1, rate / 10));
    },
    currentRate: () => rate,
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
