// Per-endpoint rate limits with LINE's numbers (PLATFORM-NOTES §1.6), as exact sliding windows.

export type RateLimitName =
  | 'reply'
  | 'push'
  | 'multicast'
  | 'broadcast'
  | 'narrowcast'
  | 'loading'
  | 'richMenu'
  | 'other';

/** A number means requests per second. */
export type RateLimitSetting = number | { limit: number; windowMs: number };

const HOUR = 3_600_000;

export const LINE_RATE_LIMITS: Record<RateLimitName, RateLimitSetting> = {
  reply: 2_000,
  push: 2_000,
  multicast: 200,
  broadcast: { limit: 60, windowMs: HOUR },
  narrowcast: { limit: 60, windowMs: HOUR },
  loading: 100,
  /** Create and delete rich menu: 100 an hour each. */
  richMenu: { limit: 100, windowMs: HOUR },
  other: 2_000,
};

const NAME_OF_OPERATION: Record<string, RateLimitName> = {
  replyMessage: 'reply',
  pushMessage: 'push',
  multicast: 'multicast',
  broadcast: 'broadcast',
  narrowcast: 'narrowcast',
  showLoadingAnimation: 'loading',
  createRichMenu: 'richMenu',
  deleteRichMenu: 'richMenu',
};

/** Timestamps of the last `limit` accepted requests in a ring: O(1) per request, exact over the window. */
class Window {
  readonly limit: number;
  readonly #times: Float64Array;
  #next = 0;
  #count = 0;

  constructor(
    limit: number,
    readonly windowMs: number,
  ) {
    this.limit = Math.max(0, Math.floor(limit));
    this.#times = new Float64Array(Math.max(this.limit, 1));
  }

  tryTake(now: number): boolean {
    if (this.limit <= 0) return false;
    if (this.#count === this.limit) {
      // #next is the oldest slot once the ring is full.
      if ((this.#times[this.#next] ?? 0) > now - this.windowMs) return false;
    } else {
      this.#count += 1;
    }
    this.#times[this.#next] = now;
    this.#next = (this.#next + 1) % this.limit;
    return true;
  }
}

export class RateLimiter {
  #settings: Record<RateLimitName, RateLimitSetting> | undefined;
  readonly #windows = new Map<string, Window>();

  constructor(settings: Partial<Record<RateLimitName, RateLimitSetting>> | false | undefined) {
    this.configure(settings);
  }

  /** Replaces the limits (merged over LINE's); `false` turns limiting off. Resets the windows. */
  configure(settings: Partial<Record<RateLimitName, RateLimitSetting>> | false | undefined): void {
    this.#settings = settings === false ? undefined : { ...LINE_RATE_LIMITS, ...settings };
    this.#windows.clear();
  }

  reset(): void {
    this.#windows.clear();
  }

  /** True when the request may proceed. Each operation has its own window ("per endpoint"). */
  tryTake(operationId: string, now: number): boolean {
    if (this.#settings === undefined) return true;
    let window = this.#windows.get(operationId);
    if (window === undefined) {
      const setting = this.#settings[NAME_OF_OPERATION[operationId] ?? 'other'];
      window =
        typeof setting === 'number'
          ? new Window(setting, 1_000)
          : new Window(setting.limit, setting.windowMs);
      this.#windows.set(operationId, window);
    }
    return window.tryTake(now);
  }
}
