// Sending one claimed outbox row to LINE, and recording LINE's answer on the row.
import type { Db } from '../../../db/db.ts';
import type { ClaimedMessage } from '../../../db/queries/outbox.ts';
import { markFailed, markRetry, markSent } from '../../../db/queries/outbox.ts';
import type { LineClient, LineMessage } from '../client.ts';
import { LineApiError } from '../errors.ts';
import type { Backoff } from './backoff.ts';
import { retryDelayMs } from './backoff.ts';
import type { SendLimiters } from './rate-limiter.ts';

/** What became of one send. `status` 0: no answer (network error, time-out); null: never sent. */
export type SendResult =
  | { kind: 'sent'; status: number; requestId: string | null; duplicate: boolean }
  | { kind: 'retry' | 'quota' | 'failed'; status: number | null; requestId: string | null; error: string };

/** LINE's limits on a push or multicast body (PLATFORM-NOTES §1.5): 1–5 messages, 1–500 multicast users. */
const MAX_MESSAGES = 5;
const MAX_MULTICAST_USERS = 500;

function isMessageList(value: unknown): value is LineMessage[] {
  return (
    Array.isArray(value) &&
    value.length >= 1 &&
    value.length <= MAX_MESSAGES &&
    value.every((m) => typeof m === 'object' && m !== null && 'type' in m && typeof m.type === 'string')
  );
}

/** LINE's answer as a result: 409 means this retry key was already accepted, so the message went out. */
export function resultOf(error: unknown): SendResult {
  if (!(error instanceof LineApiError)) {
    // Not LINE's answer but a fault on our side before or while sending: try again, up to maxAttempts.
    return { kind: 'retry', status: null, requestId: null, error: String(error) };
  }
  const { status, body } = error;
  if (status === 409)
    return {
      kind: 'sent',
      status,
      requestId: error.acceptedRequestId ?? error.requestId ?? null,
      duplicate: true,
    };
  const requestId = error.requestId ?? null;
  if (error.isQuotaExhausted) return { kind: 'quota', status, requestId, error: body };
  if (error.isRetryable)
    return { kind: 'retry', status, requestId, error: status === 0 ? error.message : body };
  return { kind: 'failed', status, requestId, error: body };
}

const refused = (error: string): SendResult => ({ kind: 'failed', status: null, requestId: null, error });

/**
 * Waits for the endpoint's rate limiter, then sends the row with its own retry key; undefined when
 * `stillSending` says no after the wait (the drain was stopped meanwhile, e.g. by a quota 429).
 */
export async function sendRow(
  line: LineClient,
  limiters: SendLimiters,
  row: ClaimedMessage,
  stillSending: () => boolean,
): Promise<SendResult | undefined> {
  // A row LINE would refuse with 400 anyway is failed without spending a request (and a token) on it.
  const { messages } = row;
  if (!isMessageList(messages)) return refused(`messages must be 1–${MAX_MESSAGES} message objects`);
  if (row.kind === 'multicast' && (row.to.length < 1 || row.to.length > MAX_MULTICAST_USERS))
    return refused(`multicast must go to 1–${MAX_MULTICAST_USERS} users, not ${row.to.length}`);
  const limiter = row.kind === 'push' ? limiters.push : limiters.multicast;
  const release = await limiter.acquire(stillSending);
  if (release === undefined) return undefined;
  try {
    const sent =
      row.kind === 'push'
        ? await line.push(row.to, messages, row.retryKey)
        : await line.multicast([...row.to], messages, row.retryKey);
    limiter.accepted();
    return { kind: 'sent', status: 200, requestId: sent.requestId ?? null, duplicate: false };
  } catch (error) {
    const result = resultOf(error);
    // A rate-limit 429 slows every send of this endpoint (the limiter is shared), not only this row.
    if (result.kind === 'retry' && result.status === 429) limiter.throttled();
    return result;
  } finally {
    release();
  }
}

export interface RecordOptions {
  backoff: Backoff;
  maxAttempts: number;
}

/** What recording did to the row; 'lost': another drain took the row over (our lease ran out), nothing written. */
export type Recorded = 'sent' | 'retried' | 'failed' | 'lost';

/**
 * Writes the result on the row. A retry keeps the row's retry key (LINE: "retry only on 5xx or timeout",
 * with the same key; PLATFORM-NOTES §1.7); a quota refusal is due again at once, as nothing is claimed while
 * paused; a row still failing after `maxAttempts` is given up.
 */
export async function recordResult(
  db: Db,
  row: ClaimedMessage,
  result: SendResult,
  now: Date,
  options: RecordOptions,
): Promise<Recorded> {
  const outcome = {
    id: row.id,
    leaseToken: row.leaseToken,
    status: result.status,
    requestId: result.requestId,
  };
  const lostOr =
    (state: Recorded) =>
    (written: boolean): Recorded =>
      written ? state : 'lost';
  switch (result.kind) {
    case 'sent':
      return markSent(db, outcome, now).then(lostOr('sent'));
    case 'quota':
      return markRetry(db, { ...outcome, error: result.error, nextAttemptAt: now }).then(lostOr('retried'));
    case 'retry': {
      if (row.attempts >= options.maxAttempts) {
        const error = `gave up after ${row.attempts} attempts: ${result.error}`;
        return markFailed(db, { ...outcome, error }).then(lostOr('failed'));
      }
      const nextAttemptAt = new Date(now.getTime() + retryDelayMs(row.attempts, options.backoff));
      return markRetry(db, { ...outcome, error: result.error, nextAttemptAt }).then(lostOr('retried'));
    }
    case 'failed':
      return markFailed(db, { ...outcome, error: result.error }).then(lostOr('failed'));
  }
}
