// What an endpoint handler of the fake receives and returns, and the small answer builders they share.
import { isJsonObject } from './json.ts';
import type { LineOperation } from './operations.ts';
import type { FakeLineState } from './state.ts';
import type { LineMessage } from './types.ts';

export interface HandlerInput {
  state: FakeLineState;
  operation: LineOperation;
  params: Record<string, string>;
  query: Record<string, string>;
  /** Parsed JSON (already checked against the contract), or the bytes of a binary body. */
  body: unknown;
  contentType: string;
  retryKey: string | undefined;
  requestId: string;
}

export interface FakeReply {
  status: number;
  json?: unknown;
  bytes?: Uint8Array<ArrayBuffer>;
  contentType?: string;
  headers?: Record<string, string>;
}

export type Handler = (input: HandlerInput) => FakeReply;

export function answer(status: number, json: unknown, headers?: Record<string, string>): FakeReply {
  return headers === undefined ? { status, json } : { status, json, headers };
}

export const ok = (json: unknown = {}): FakeReply => answer(200, json);

export const notFound = (): FakeReply => answer(404, { message: 'Not found' });

export function badRequest(message: string): FakeReply {
  return answer(400, { message });
}

/** The message objects of a body that passed the contract. */
export function messagesOf(body: unknown): LineMessage[] {
  if (!isJsonObject(body) || !Array.isArray(body.messages)) return [];
  return body.messages.filter((m): m is LineMessage => isJsonObject(m) && typeof m.type === 'string');
}

export function stringField(body: unknown, key: string): string | undefined {
  if (!isJsonObject(body)) return undefined;
  const value = body[key];
  return typeof value === 'string' ? value : undefined;
}

let idCounter = 0;

/** LINE message IDs are 18-digit decimal strings. */
export function nextMessageId(): string {
  idCounter += 1;
  return `6${String(idCounter).padStart(17, '0')}`;
}

export function randomHex(length: number): string {
  let out = '';
  while (out.length < length) out += crypto.randomUUID().replace(/-/g, '');
  return out.slice(0, length);
}
