// One drain's supply of rows: claims them in batches ahead of the senders, and knows when to stop.
import type { Db } from '../../../db/db.ts';
import type { ClaimedMessage } from '../../../db/queries/outbox.ts';
import { claimDue, markRetry } from '../../../db/queries/outbox.ts';
import { readOutboxPause } from './pause.ts';

/** Why a drain ended: nothing due, sending paused, its time or message budget, its signal, or an error. */
export type StopReason = 'empty' | 'paused' | 'max-ms' | 'max-messages' | 'aborted' | 'error';

export interface FeedOptions {
  batchSize: number;
  /** Claim the next batch while this many rows are still waiting, so senders never sit idle. */
  lowWater: number;
  leaseMs: number;
  maxAttempts: number;
  maxMessages: number;
  maxMs: number;
  signal?: AbortSignal;
}

interface Held {
  row: ClaimedMessage;
  /** performance.now() at the claim. */
  claimedAt: number;
}

export class Feed {
  /** Set when sending must stop now: rows still waiting are handed back. */
  halt: StopReason | undefined;
  /** Set when nothing more will be claimed: rows already claimed are still sent. */
  done: StopReason | undefined;
  error: unknown;
  /** Rows handed back unsent, and hand-backs that found the row taken over by another drain. */
  released = 0;
  lost = 0;
  readonly #queue: Held[] = [];
  #claiming: Promise<void> | undefined;
  #claimed = 0;
  readonly #started = performance.now();

  constructor(
    readonly db: Db,
    /** The drain's clock: its `now` moved on by the time elapsed since it started. */
    readonly clock: () => Date,
    readonly options: FeedOptions,
  ) {}

  stop(reason: StopReason, error?: unknown): void {
    this.halt ??= reason;
    if (error !== undefined) this.error ??= error;
  }

  /** The next row to send, or undefined when the drain should stop. */
  async next(): Promise<ClaimedMessage | undefined> {
    for (;;) {
      if (this.options.signal?.aborted) this.stop('aborted');
      if (performance.now() - this.#started >= this.options.maxMs) this.stop('max-ms');
      if (this.halt !== undefined) return undefined;
      if (this.#queue.length <= this.options.lowWater && this.done === undefined)
        this.#claiming ??= this.#claim();
      const held = this.#queue.shift();
      if (held === undefined) {
        if (this.#claiming === undefined) return undefined;
        await this.#claiming;
        continue;
      }
      // A row claimed so long ago that its lease could run out mid-send goes back; another drain may
      // already be allowed to take it, and sending it twice would only cost a 409, but there is no need.
      if (performance.now() - held.claimedAt < this.options.leaseMs / 2) return held.row;
      await this.#release([held], 'lease half spent before sending');
    }
  }

  /** Hands back a row the drain stopped before sending. */
  handBack(row: ClaimedMessage): Promise<void> {
    return this.#release([{ row, claimedAt: 0 }], `drain stopped (${this.halt ?? 'before sending'})`);
  }

  /** Hands back every row claimed and not sent: due again at once, with the same retry key. */
  async close(): Promise<void> {
    await this.#claiming;
    await this.#release(this.#queue.splice(0), `drain stopped (${this.halt ?? this.done ?? 'empty'})`);
  }

  /** Claims a batch; never rejects (an error stops the drain and is thrown by it at the end). */
  #claim(): Promise<void> {
    const run = async () => {
      if ((await readOutboxPause(this.db)) !== undefined) return this.stop('paused');
      const limit = Math.min(this.options.batchSize, this.options.maxMessages - this.#claimed);
      if (limit <= 0) {
        this.done = 'max-messages';
        return;
      }
      const { leaseMs, maxAttempts } = this.options;
      const rows = await claimDue(this.db, this.clock(), limit, leaseMs, { maxAttempts });
      this.#claimed += rows.length;
      if (rows.length < limit) this.done = 'empty';
      const claimedAt = performance.now();
      this.#queue.push(...rows.map((row) => ({ row, claimedAt })));
    };
    return run()
      .catch((error: unknown) => this.stop('error', error))
      .finally(() => {
        this.#claiming = undefined;
      });
  }

  async #release(held: Held[], why: string): Promise<void> {
    for (const { row } of held) {
      const outcome = {
        id: row.id,
        leaseToken: row.leaseToken,
        status: null,
        error: why,
        nextAttemptAt: this.clock(),
      };
      if (await markRetry(this.db, outcome)) this.released += 1;
      else this.lost += 1;
    }
  }
}
