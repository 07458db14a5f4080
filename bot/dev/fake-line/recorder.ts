// What the fake LINE API saw and delivered: recorded requests, accepted sends, retry keys, waiting for a request.
import type { LineMessage, RecordedRequest, SentRecord } from './types.ts';

interface Waiter {
  predicate: (request: RecordedRequest) => boolean;
  resolve: (request: RecordedRequest) => void;
}

export interface AcceptedRetryKey {
  requestId: string;
  sentMessages: unknown;
}

export class Recorder {
  /**
   * Requests in arrival order — every one, unless `maxRecorded` is set (local mode, which runs for weeks):
   * then the oldest half is dropped each time the limit is passed. Cleared in place by `reset()`.
   */
  readonly requests: RecordedRequest[] = [];
  /** How many requests were dropped from the front of `requests` since the last reset. */
  droppedRequests = 0;
  readonly #maxRecorded: number;
  readonly #sent: SentRecord[] = [];
  readonly #waiters = new Set<Waiter>();
  readonly #sentListeners = new Set<(record: SentRecord) => void>();
  readonly #acceptedKeys = new Map<string, AcceptedRetryKey>();
  readonly #keyCounts = new Map<string, number>();
  readonly #deliveredBodies = new Set<string>();
  #duplicates = 0;

  constructor(maxRecorded = Number.POSITIVE_INFINITY) {
    this.#maxRecorded = maxRecorded;
  }

  /** Requests that broke the contract or LINE's limits. A test can end with `expect(fake.violations()).toEqual([])`. */
  violations(): RecordedRequest[] {
    return this.requests.filter((r) => r.errors.length > 0);
  }

  /** Accepted sends of every kind, in order. */
  sent(): SentRecord[] {
    return [...this.#sent];
  }

  pushes(): SentRecord[] {
    return this.#sent.filter((s) => s.kind === 'push');
  }

  replies(): SentRecord[] {
    return this.#sent.filter((s) => s.kind === 'reply');
  }

  /** Messages delivered to a user, group or room: pushes, multicasts, and replies to tokens issued for that chat. */
  messagesTo(chatId: string): LineMessage[] {
    return this.#sent.filter((s) => s.to.includes(chatId)).flatMap((s) => s.messages);
  }

  /** Resolves with the first request (already seen or still to come) that has a status and matches. */
  waitFor(predicate: (request: RecordedRequest) => boolean, timeoutMs = 5_000): Promise<RecordedRequest> {
    const seen = this.requests.find((r) => r.status !== 0 && predicate(r));
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        predicate,
        resolve: (request) => {
          clearTimeout(timer);
          this.#waiters.delete(waiter);
          resolve(request);
        },
      };
      const timer = setTimeout(() => {
        this.#waiters.delete(waiter);
        reject(
          new Error(`fake LINE: no matching request within ${timeoutMs} ms (${this.requests.length} seen)`),
        );
      }, timeoutMs);
      this.#waiters.add(waiter);
    });
  }

  /** Calls `listener` for every accepted send from now on (e.g. the local chat simulator). Returns the unsubscribe. */
  onSent(listener: (record: SentRecord) => void): () => void {
    this.#sentListeners.add(listener);
    return () => this.#sentListeners.delete(listener);
  }

  /** Retry keys of accepted sends, in order; each appears once, because LINE answers a reused key with 409. */
  deliveredRetryKeys(): string[] {
    return [...this.#acceptedKeys.keys()];
  }

  /** How many requests carried each retry key (accepted, refused with 409, failed or rate-limited). */
  retryKeyCounts(): ReadonlyMap<string, number> {
    return this.#keyCounts;
  }

  /** Accepted sends whose endpoint and body equal an earlier accepted send: what a retry without its key causes. */
  duplicateDeliveries(): number {
    return this.#duplicates;
  }

  begin(request: RecordedRequest): RecordedRequest {
    this.requests.push(request);
    if (this.requests.length > this.#maxRecorded) this.#dropOldest();
    return request;
  }

  /** Keeps the newest half of every record; what duplicates and 409s are judged on shrinks the same way. */
  #dropOldest(): void {
    const drop = Math.ceil(this.#maxRecorded / 2);
    this.requests.splice(0, drop);
    this.droppedRequests += drop;
    this.#sent.splice(0, Math.max(0, this.#sent.length - drop));
    for (const set of [this.#acceptedKeys, this.#keyCounts, this.#deliveredBodies] as const) {
      for (const key of [...set.keys()].slice(0, Math.max(0, set.size - drop))) set.delete(key);
    }
  }

  finish(request: RecordedRequest, status: number): void {
    request.status = status;
    for (const waiter of this.#waiters) if (waiter.predicate(request)) waiter.resolve(request);
  }

  countRetryKey(key: string): void {
    this.#keyCounts.set(key, (this.#keyCounts.get(key) ?? 0) + 1);
  }

  acceptedRetryKey(key: string): AcceptedRetryKey | undefined {
    return this.#acceptedKeys.get(key);
  }

  acceptRetryKey(key: string, accepted: AcceptedRetryKey): void {
    this.#acceptedKeys.set(key, accepted);
  }

  /** `fingerprint` identifies the endpoint and body, for `duplicateDeliveries()`. */
  recordSent(record: SentRecord, fingerprint: string): void {
    this.#sent.push(record);
    for (const listener of this.#sentListeners) listener(record);
    if (this.#deliveredBodies.has(fingerprint)) this.#duplicates += 1;
    else this.#deliveredBodies.add(fingerprint);
  }

  protected clearRecords(): void {
    this.requests.length = 0;
    this.droppedRequests = 0;
    this.#sent.length = 0;
    this.#acceptedKeys.clear();
    this.#keyCounts.clear();
    this.#deliveredBodies.clear();
    this.#duplicates = 0;
  }
}
