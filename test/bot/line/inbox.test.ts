// The inbox's retry policy: a handler that keeps failing is retried with backoff, then parked with its error.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { processDueEvents, recordEvents } from '../../../bot/line/inbox.ts';
import { countInboxByState } from '../../../db/queries/webhook-inbox.ts';
import { makeFollowEvent, makeTextEvent, userSource } from '../../support/events.ts';
import { type Harness, startHarness } from '../../support/harness.ts';

type Handler = (event: { type: string; webhookEventId: string }) => Promise<void>;
const failOnMessage: Handler = async (event) => {
  if (event.type === 'message') throw new Error('handler bug');
};
const handler = vi.hoisted(() => ({ current: undefined as Handler | undefined }));

vi.mock('../../../bot/line/events/index.ts', () => ({
  handleEvent: (_ctx: unknown, event: { type: string; webhookEventId: string }) => handler.current?.(event),
}));

let h: Harness;
beforeEach(async () => {
  handler.current = failOnMessage;
  h = await startHarness();
});
afterEach(async () => {
  vi.restoreAllMocks();
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

  it('keeps its claim past the lease while handlers run long, so a later tick does not handle them again', async () => {
    const start = new Date('2026-01-05T03:00:00Z');
    // Three events from three chats, each handler taking 40 s: the claim's 60 s lease runs out mid-way.
    await recordEvents(
      h.deps.db,
      [
        makeTextEvent('a', { source: userSource('U1') }),
        makeTextEvent('b', { source: userSource('U2') }),
        makeTextEvent('c', { source: userSource('U3') }),
      ],
      start,
    );
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
    const handled: string[] = [];
    let overlapping: Promise<number> | undefined;
    handler.current = async (event) => {
      handled.push(event.webhookEventId);
      clock += 40_000;
      // During the second event the next cron tick starts, 70 s in, while this one is still busy (Workers
      // run them side by side): without a renewed lease it would claim the second and third events too.
      if (handled.length === 2) overlapping ??= processDueEvents(h.deps, new Date(start.getTime() + 70_000));
    };
    const first = await processDueEvents(h.deps, start);
    const second = await overlapping;
    expect(first + (second ?? 0)).toBe(3);
    expect(handled).toHaveLength(3);
    expect(new Set(handled).size).toBe(3);
    expect(await countInboxByState(h.deps.db)).toMatchObject({ done: 3, processing: 0, pending: 0 });
  });
});
