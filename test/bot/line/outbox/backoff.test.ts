// Exponential backoff with equal jitter: 1 s, 2 s, 4 s … capped at 5 min, half of each random.
import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKOFF, retryDelayMs } from '../../../../bot/line/outbox/index.ts';

describe('retryDelayMs', () => {
  it('doubles from 1 s with each attempt when the jitter is at its top', () => {
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(n, DEFAULT_BACKOFF, () => 1))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000,
    ]);
  });

  it('never waits less than half the step', () => {
    expect([1, 2, 3].map((n) => retryDelayMs(n, DEFAULT_BACKOFF, () => 0))).toEqual([500, 1_000, 2_000]);
  });

  it('stays at or under 5 minutes, however many attempts', () => {
    expect(retryDelayMs(9, DEFAULT_BACKOFF, () => 1)).toBe(256_000);
    expect(retryDelayMs(10, DEFAULT_BACKOFF, () => 1)).toBe(300_000);
    expect(retryDelayMs(10_000, DEFAULT_BACKOFF, () => 1)).toBe(300_000);
    expect(retryDelayMs(10_000, DEFAULT_BACKOFF, () => 0)).toBe(150_000);
  });
});
