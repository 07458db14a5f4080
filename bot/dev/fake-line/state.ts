// The fake LINE API's state and its controls: options, registered data, faults, quota, rate limits.
import { Faults } from './faults.ts';
import { RateLimiter, type RateLimitName, type RateLimitSetting } from './rate-limit.ts';
import { Recorder } from './recorder.ts';
import { RichMenuStore } from './rich-menu-store.ts';
import type {
  FailOptions,
  FakeLineOptions,
  GroupInfo,
  HangOptions,
  IdTokenClaims,
  Profile,
} from './types.ts';

export interface StoredContent {
  bytes: Uint8Array<ArrayBuffer>;
  contentType: string;
}

export type RegisteredIdToken = IdTokenClaims & { exp: number; iat: number };

export interface IssuedReplyToken {
  chatId: string | undefined;
  issuedAt: number;
}

/** "Reply tokens must be used within one minute" (reference #send-reply-message). */
export const REPLY_TOKEN_TTL_MS = 60_000;

export class FakeLineState extends Recorder {
  readonly channelAccessToken: string;
  readonly botUserId: string;
  readonly now: () => number;
  readonly faults = new Faults();
  readonly limiter: RateLimiter;
  readonly richMenus = new RichMenuStore();
  readonly content = new Map<string, StoredContent>();
  readonly idTokens = new Map<string, RegisteredIdToken>();
  readonly profiles = new Map<string, Profile | null>();
  readonly groups = new Map<string, GroupInfo>();
  readonly leftChats = new Set<string>();
  readonly replyTokens = new Map<string, IssuedReplyToken>();
  readonly usedReplyTokens = new Set<string>();
  readonly narrowcasts = new Set<string>();
  quotaExhausted = false;
  totalUsage = 0;
  #verifyCalls = 0;
  #tokenCounter = 0;
  #closed = false;
  readonly #onClose = new Set<() => void>();

  constructor(readonly options: FakeLineOptions = {}) {
    super(options.maxRecorded);
    this.channelAccessToken = options.channelAccessToken ?? 'test-token';
    this.botUserId = options.botUserId ?? `U${'f'.repeat(32)}`;
    this.now = options.now ?? Date.now;
    this.limiter = new RateLimiter(options.rateLimits);
  }

  /** The next `n` requests (matching `paths`, when given) are answered with `status`. */
  failNext(n: number, options: FailOptions): void {
    this.faults.failNext(n, options);
  }

  /** The next `n` requests are handled but answered only after `ms` (never, until `close()`, when Infinity). */
  hangNext(n: number, ms: number, options?: HangOptions): void {
    this.faults.hangNext(n, ms, options);
  }

  /** Push, multicast, broadcast and narrowcast answer 429 "You have reached your monthly limit." */
  setQuotaExhausted(exhausted: boolean): void {
    this.quotaExhausted = exhausted;
  }

  /** Replaces the rate limits (merged over LINE's); `false` turns them off. */
  setRateLimits(limits: Partial<Record<RateLimitName, RateLimitSetting>> | false): void {
    this.limiter.configure(limits);
  }

  /**
   * LINE's real limits as named scenarios, for tests and the local simulator: `monthly-limit` (sends answer 429
   * "You have reached your monthly limit."), `rate-limit` (push and multicast at 5 a second), `reply-timeout`
   * (the next reply is delivered but answered only after 12 s, past the client's 10 s time-out); `normal` undoes
   * the first two.
   */
  useScenario(name: 'normal' | 'monthly-limit' | 'rate-limit' | 'reply-timeout'): void {
    switch (name) {
      case 'normal':
        this.setQuotaExhausted(false);
        this.setRateLimits({});
        return;
      case 'monthly-limit':
        this.setQuotaExhausted(true);
        return;
      case 'rate-limit':
        this.setRateLimits({ push: 5, multicast: 5 });
        return;
      case 'reply-timeout':
        this.hangNext(1, 12_000, { paths: ['replyMessage'] });
        return;
    }
  }

  /** Bytes served by `GET /v2/bot/message/{messageId}/content` (and `/preview`). */
  setContent(messageId: string, bytes: Uint8Array, contentType: string): void {
    this.content.set(messageId, { bytes: Uint8Array.from(bytes), contentType });
  }

  /** An ID token `POST /oauth2/v2.1/verify` accepts. */
  registerIdToken(token: string, claims: IdTokenClaims): void {
    const iat = Math.floor(this.now() / 1000);
    this.idTokens.set(token, { ...claims, exp: claims.exp ?? iat + 3_600, iat });
  }

  /** How many times `/oauth2/v2.1/verify` was called (for tests of caching). */
  verifyCalls(): number {
    return this.#verifyCalls;
  }

  countVerifyCall(): void {
    this.#verifyCalls += 1;
  }

  /** `null` makes the profile answer 404 (a user who blocked the account). */
  setProfile(userId: string, profile: Profile | null): void {
    this.profiles.set(userId, profile);
  }

  setGroup(groupId: string, group: GroupInfo): void {
    this.groups.set(groupId, group);
  }

  /** Groups and rooms the bot left through the API. */
  leftGroups(): string[] {
    return [...this.leftChats];
  }

  /** A fresh reply token for a webhook event; replies with it count as messages to `chatId`. */
  issueReplyToken(chatId?: string): string {
    this.#tokenCounter += 1;
    const token = `fake-reply-${this.#tokenCounter.toString(16).padStart(8, '0')}`;
    this.replyTokens.set(token, { chatId, issuedAt: this.now() });
    return token;
  }

  /** Back to the state right after start (options and the access token stay). */
  reset(): void {
    this.clearRecords();
    this.faults.clear();
    this.limiter.reset();
    this.richMenus.clear();
    for (const map of [this.content, this.idTokens, this.profiles, this.groups, this.replyTokens])
      map.clear();
    for (const set of [this.leftChats, this.usedReplyTokens, this.narrowcasts]) set.clear();
    this.quotaExhausted = false;
    this.totalUsage = 0;
    this.#verifyCalls = 0;
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Runs `listener` once the fake closes (immediately if it already has). Returns the unsubscribe. */
  onClose(listener: () => void): () => void {
    if (this.#closed) {
      listener();
      return () => {};
    }
    this.#onClose.add(listener);
    return () => this.#onClose.delete(listener);
  }

  /** Releases held (`hangNext`) responses. The socket server's `close()` calls this too. */
  closeState(): void {
    this.#closed = true;
    for (const listener of this.#onClose) listener();
    this.#onClose.clear();
  }
}
