// The inbox's retry policy: a handler that keeps failing is retried with backoff, then parked with its error.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { processDueEvents, recordEvents } from '../../bot/inbox.ts';
import { countInboxByState } from '../../db/queries/webhook-inbox.ts';
import { makeFollowEvent, makeTextEvent } from '../support/events.ts';
import { type Harness, startHarness } from '../support/harness.ts';

vi.mock('../../bot/events/index.ts', () => ({
  handleEvent: async (_ctx: unknown, event: { type: string }) => {
    if (event.type === 'message') throw new Error('handler bug');
  },
}));

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

describe('processDueEvents', () => {
  it('retries a failing handler after 1, 2, 4 and 8 minutes, then parks it with its error', async () => {
    const start = new Date('2026-01-05T03:00:00Z');
    await recordEvents(h.deps.db, [makeTextEvent('x'), makeFollowEvent()], start);
    const handledAt: number[] = [];
    for (let minute = 0; minute <= 20; minute += 1) {
      const at = new Date(start.getTime() + minute * 60_000);
      if ((await processDueEvents(h.deps, at)) > 0) handledAt.push(minute);
    }
    expect(handledAt).toEqual([0, 1, 3, 7, 15]);
    const counts = await countInboxByState(h.deps.db);
    expect(counts).toMatchObject({ done: 1, parked: 1, pending: 0 });
    const parked = h.logs.filter((l) => l.message === 'webhook event parked');
    expect(parked).toHaveLength(1);
    expect(parked[0]?.data?.error).toBe('handler bug');
  });
});
