// What each simulated chat has seen, bounded: the people's messages and button presses, what the fake LINE API
// accepted for that chat (replies by their token, pushes, multicasts, broadcasts) and what it refused.
import type { FakeLineState } from '../fake-line/state.ts';
import type { LineMessage, RecordedRequest, SendKind, SentRecord } from '../fake-line/types.ts';
import { isObject, strOf } from './html.ts';

export interface HistoryEntry {
  /** Increases over the whole simulator: the page's cursor (`after`). */
  n: number;
  at: string;
  chat: string;
  /** user: a person typed or pressed; bot: LINE delivered; refused: LINE refused a send; note: the simulator says. */
  from: 'user' | 'bot' | 'refused' | 'note';
  userId?: string;
  text?: string;
  messages?: LineMessage[];
  via?: SendKind;
}

/** Entries kept per chat, and chats kept (the least recently active go first): local mode runs for days. */
const PER_CHAT = 150;
const MAX_CHATS = 80;
const MAX_TOKENS = 1000;
/** How many of the fake's requests one read looks at for refusals, so a long backlog is read in steps. */
const SCAN_STEP = 2000;
/** Shown in every chat: the simulator's own notes (a scheduler run) and refusals with no known chat. */
export const EVERY_CHAT = '*';
/** Shown in every 1:1 chat: LINE broadcasts and narrowcasts. */
export const EVERY_USER = '*users';

export class SimulatorHistory {
  readonly #fake: FakeLineState;
  readonly #chats = new Map<string, HistoryEntry[]>();
  readonly #tokens = new Map<string, string>();
  readonly #stop: () => void;
  #n = 0;
  #scanned: number;

  /** The simulator's clock: every entry is stamped with it, so bubbles show the simulated time. */
  readonly #now: () => Date;

  constructor(fake: FakeLineState, now: () => Date = () => new Date()) {
    this.#fake = fake;
    this.#now = now;
    // What was sent before the simulator started, within the per-chat bound; older refusals are not news.
    for (const record of fake.sent().slice(-PER_CHAT)) this.#record(record);
    this.#scanned = fake.droppedRequests + fake.requests.length;
    this.#stop = fake.onSent((record) => this.#record(record));
  }

  /** A reply token from the fake LINE API for an event in `chat`; the reply it gets is shown in that chat. */
  issueReplyToken(chat: string): string {
    const token = this.#fake.issueReplyToken(chat);
    this.#tokens.set(token, chat);
    if (this.#tokens.size > MAX_TOKENS) this.#tokens.delete(this.#tokens.keys().next().value ?? '');
    return token;
  }

  add(entry: Omit<HistoryEntry, 'n' | 'at'>, at = this.#now()): void {
    this.#n += 1;
    const list = this.#chats.get(entry.chat) ?? [];
    list.push({ n: this.#n, at: at.toISOString(), ...entry });
    if (list.length > PER_CHAT) list.splice(0, list.length - PER_CHAT);
    // Re-inserting keeps the Map in order of last activity, so the stalest chat is dropped first.
    this.#chats.delete(entry.chat);
    this.#chats.set(entry.chat, list);
    if (this.#chats.size > MAX_CHATS) this.#chats.delete(this.#chats.keys().next().value ?? '');
  }

  /** The chat's entries after cursor `after`, oldest first, at most `limit` (the newest ones). */
  since(chat: string, after: number, limit = PER_CHAT): HistoryEntry[] {
    this.#scanRefusals();
    const shared = chat.startsWith('U') ? [EVERY_CHAT, EVERY_USER] : [EVERY_CHAT];
    const entries = [chat, ...shared]
      .flatMap((key) => this.#chats.get(key) ?? [])
      .filter((e) => e.n > after)
      .sort((a, b) => a.n - b.n);
    return entries.slice(-limit);
  }

  /** The newest cursor: a page opening a chat asks from 0 and gets the last PER_CHAT entries. */
  get cursor(): number {
    return this.#n;
  }

  close(): void {
    this.#stop();
  }

  #record(record: SentRecord): void {
    const add = (chat: string) =>
      this.add({ chat, from: 'bot', messages: record.messages, via: record.kind });
    if (record.kind === 'reply') {
      const chat = record.to[0] ?? this.#tokens.get(record.replyToken ?? '');
      add(chat ?? EVERY_CHAT);
    } else if (record.kind === 'push' || record.kind === 'multicast') {
      for (const chat of record.to) add(chat);
    } else {
      add(EVERY_USER);
    }
  }

  /** Sends the fake LINE API refused (spec or size limits): shown where they were headed, so nobody misses one. */
  #scanRefusals(): void {
    // `#scanned` counts requests since the fake's last reset, including those it has since dropped.
    const requests = this.#fake.requests;
    const dropped = this.#fake.droppedRequests;
    if (dropped + requests.length < this.#scanned) this.#scanned = 0; // the fake was reset
    if (this.#scanned < dropped) this.#scanned = dropped; // dropped before we read them: gone
    const end = Math.min(dropped + requests.length, this.#scanned + SCAN_STEP);
    while (this.#scanned < end) {
      const request = requests[this.#scanned - dropped];
      if (request === undefined || request.status === 0) return; // still being answered: look again next time
      this.#scanned += 1;
      if (request.errors.length > 0 && /^(reply|push|multicast)Message$/.test(request.operationId ?? '')) {
        const text = `LINE ไม่รับข้อความนี้ (${request.status}): ${request.errors.slice(0, 5).join('; ')}`;
        this.add({ chat: this.#chatOf(request), from: 'refused', text });
      }
    }
  }

  #chatOf(request: RecordedRequest): string {
    if (!isObject(request.body)) return EVERY_CHAT;
    const to = strOf(request.body, 'to');
    if (to !== undefined) return to;
    const token = strOf(request.body, 'replyToken') ?? '';
    return this.#tokens.get(token) ?? this.#fake.replyTokens.get(token)?.chatId ?? EVERY_CHAT;
  }
}
