// The shape of a chat command and of a button (postback) action; the registry lists them all.
import type { ChatContext, ChatKind } from './context.ts';

export type Audience = 'everyone' | 'staff' | 'coordinator' | 'officer';

export interface Command {
  /** Thai keyword(s) first, then the English alias(es): ['ช่วยเหลือ', 'help']. */
  keywords: readonly string[];
  /** One line for `ช่วยเหลือ`: how to type it and what it does, in Thai. */
  /** `hidden`: works but is not listed (the first coordinator's one-time claim is told at installation). */
  help: { usage: string; text: string; audience: Audience; chats: readonly ChatKind[]; hidden?: boolean };
  /** It acts on the people @mentioned ("ให้สิทธิ์ @ชื่อ"): a mention of someone else does not make it chatter. */
  takesMentions?: boolean;
  run(ctx: ChatContext, args: string): Promise<void>;
}

/** A button's action: postback data is `a=<name>&…` (URL-encoded); the rest arrive as params. */
export interface PostbackAction {
  name: string;
  run(ctx: ChatContext, params: URLSearchParams): Promise<void>;
}

/** Builds postback data for an action; LINE allows up to 300 characters. */
export function postbackData(name: string, params: Record<string, string | number> = {}): string {
  const data = new URLSearchParams({ a: name });
  for (const [key, value] of Object.entries(params)) data.set(key, String(value));
  const text = data.toString();
  if (text.length > 300) throw new Error(`postback data over 300 characters: ${text}`);
  return text;
}
