// The outbox drain: sends due rows to LINE under its rate limits, a few dozen at a time, and records the answers.
import type { Deps } from '../../deps.ts';
import type { LineClient } from '../client.ts';
import type { Backoff } from './backoff.ts';
import { DEFAULT_BACKOFF } from './backoff.ts';
import type { StopReason } from './feed.ts';
import { Feed } from './feed.ts';
import { pauseOutbox, readOutboxPause } from './pause.ts';
import type { SendLimiters } from './rate-limiter.ts';
import { createSendLimiters } from './rate-limiter.ts';
import type { Recorded, SendResult } from './send.ts';
import { recordResult, sendRow } from './send.ts';

export type DrainDeps = Pick<Deps, 'db' | 'line' | 'log'>;

export interface DrainOptions {
  /** Stop claiming after this long. Default 50 s, so a run every minute ends before the next starts. */
  maxMs?: number;
  /** Claim at most this many rows. Default: no limit. */
  maxMessages?: number;
  /** Stop claiming and sending; rows in flight are still recorded, rows not yet sent are handed back. */
  signal?: AbortSignal;
  /** Sends in flight at once. Default 32. */
  concurrency?: number;
  /** Rows per claim. Default 100. */
  batchSize?: number;
  /** How long a claim holds its rows. Default 30 s. */
  leaseMs?: number;
  /** Attempts before a retryable failure is given up. Default 12: 9–18 min of backoff (longer when drains
   * run once a minute), well inside the 24 h a retry key stays valid (PLATFORM-NOTES §1.7). */
  maxAttempts?: number;
  backoff?: Backoff;
  /** Default: one set per LINE client, shared by every drain using it (LINE's limits are per channel). */
  limiters?: SendLimiters;
}

export interface DrainReport {
  /** Rows LINE accepted: 2xx, or 409 (this retry key was already accepted, so the message went out). */
  sent: number;
  /** Of `sent`, the 409s. */
  duplicates: number;
  /** Rows to try again later: 5xx, time-outs, rate-limit 429s, and quota 429s (due again on resume). */
  retried: number;
  failed: number;
  /** Claimed, not sent, handed back when the drain stopped. */
  released: number;
  /** Answers not written because another drain had taken the row over after our lease ran out. */
  leaseLost: number;
  /** Sending is paused (monthly quota used up, or an operator): nothing is sent until resumeOutbox. */
  paused: boolean;
  stoppedBy: StopReason;
  elapsedMs: number;
}

/** The defaults documented on DrainOptions. */
const DEFAULTS = { maxMs: 50_000, concurrency: 32, batchSize: 100, leaseMs: 30_000, maxAttempts: 12 };

const sharedLimiters = new WeakMap<LineClient, SendLimiters>();

function limitersFor(line: LineClient): SendLimiters {
  let limiters = sharedLimiters.get(line);
  if (limiters === undefined) {
    limiters = createSendLimiters();
    sharedLimiters.set(line, limiters);
  }
  return limiters;
}

/**
 * Sends what is due until nothing is, sending is paused, or a budget (`maxMs`, `maxMessages`, `signal`) runs
 * out. Claims lease their rows (db/queries/outbox.ts), so drains may run at once and a drain that dies
 * leaves its rows to the next one after the lease; every attempt carries the row's retry key, so LINE
 * delivers each row at most once. Time inside the drain is `now` plus the time elapsed.
 */
export async function drainOutbox(
  deps: DrainDeps,
  now: Date,
  options: DrainOptions = {},
): Promise<DrainReport> {
  const started = performance.now();
  const clock = () => new Date(now.getTime() + (performance.now() - started));
  const concurrency = Math.max(1, options.concurrency ?? DEFAULTS.concurrency);
  const maxAttempts = options.maxAttempts ?? DEFAULTS.maxAttempts;
  const feed = new Feed(deps.db, clock, {
    batchSize: Math.max(1, options.batchSize ?? DEFAULTS.batchSize),
    lowWater: concurrency,
    leaseMs: options.leaseMs ?? DEFAULTS.leaseMs,
    maxAttempts,
    maxMessages: options.maxMessages ?? Number.POSITIVE_INFINITY,
    maxMs: options.maxMs ?? DEFAULTS.maxMs,
    signal: options.signal,
  });
  const run: Run = {
    deps,
    feed,
    clock,
    limiters: options.limiters ?? limitersFor(deps.line),
    record: { backoff: options.backoff ?? DEFAULT_BACKOFF, maxAttempts },
    counts: { sent: 0, duplicates: 0, retried: 0, failed: 0, lost: 0 },
    pausing: undefined,
  };
  await Promise.all(Array.from({ length: concurrency }, () => work(run)));
  await feed.close();
  if (feed.error !== undefined) throw feed.error;
  const { lost, ...counts } = run.counts;
  const report: DrainReport = {
    ...counts,
    released: feed.released,
    leaseLost: lost + feed.lost,
    paused: (await readOutboxPause(deps.db)) !== undefined,
    stoppedBy: feed.halt ?? feed.done ?? 'empty',
    elapsedMs: Math.round(performance.now() - started),
  };
  if (report.sent + report.retried + report.failed + report.released > 0)
    deps.log.info('outbox: drained', { ...report });
  return report;
}

interface Run {
  deps: DrainDeps;
  feed: Feed;
  clock: () => Date;
  limiters: SendLimiters;
  record: { backoff: Backoff; maxAttempts: number };
  counts: { sent: number; duplicates: number; retried: number; failed: number; lost: number };
  pausing: Promise<unknown> | undefined;
}

/** One sender: takes rows from the feed until it runs dry. An error stops the whole drain. */
async function work(run: Run): Promise<void> {
  try {
    for (let row = await run.feed.next(); row !== undefined; row = await run.feed.next()) {
      const result = await sendRow(run.deps.line, run.limiters, row, () => run.feed.halt === undefined);
      if (result === undefined) {
        await run.feed.handBack(row);
        continue;
      }
      // Quota used up: stop everything at once; retrying in a loop would only be refused again (§1.6).
      if (result.kind === 'quota') await pause(run, result);
      count(run, result, row.id, await recordResult(run.deps.db, row, result, run.clock(), run.record));
    }
  } catch (error) {
    run.feed.stop('error', error);
  }
}

function pause(run: Run, result: { error: string; requestId: string | null }): Promise<unknown> {
  run.feed.stop('paused');
  const cause = { reason: 'quota' as const, detail: result.error, requestId: result.requestId };
  run.pausing ??= pauseOutbox(run.deps, cause, run.clock());
  return run.pausing;
}

function count(run: Run, result: SendResult, id: number, recorded: Recorded): void {
  const { counts } = run;
  if (recorded === 'lost') {
    counts.lost += 1;
    run.deps.log.warn('outbox: lease lost before the answer was recorded', { id, result: result.kind });
    return;
  }
  counts[recorded] += 1;
  if (result.kind === 'sent' && result.duplicate) counts.duplicates += 1;
  if (recorded === 'failed' && result.kind !== 'sent') {
    run.deps.log.warn('outbox: message failed', {
      id,
      status: result.status,
      requestId: result.requestId,
      error: result.error,
    });
  }
}
