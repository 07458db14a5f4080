// Conversation helpers for the who-is-who, binding, broadcast and progress tests: a demo province behind the
// harness, people who say things in 1:1 chat or in a group (with @mentions), and what the bot answered.

import type { LineMessage } from '../../../../bot/dev/fake-line/types.ts';
import { HOME_PROVINCE_SETTING } from '../../../../bot/line/chat/who.ts';
import { loadDemo } from '../../../../bot/tools/demo/load.ts';
import { setSetting } from '../../../../db/queries/app-settings.ts';
import {
  groupSource,
  makePostbackEvent,
  makeTextEvent,
  type Source,
  userSource,
} from '../../../support/events.ts';
import { type Harness, startHarness } from '../../../support/harness.ts';

/** Wednesday 10 June 2026, 10:00 in Bangkok (FY2569): OIT publishing is overdue, the surveys are open. */
export const NOW = new Date('2026-06-10T03:00:00.000Z');

export interface Conversation {
  h: Harness;
  /** Sends a text from `user` in 1:1 chat, or in `group` (a group id) when given; returns the bot's answer. */
  say(text: string, from: From): Promise<LineMessage[]>;
  /** Presses a button (postback data) and returns the answer. */
  press(data: string, from: From): Promise<LineMessage[]>;
  close(): Promise<void>;
}

export interface From {
  user?: string;
  group?: string;
  room?: string;
  /** People @mentioned in the text: the name as written after "@", and their user id if LINE gives it. */
  mentions?: { name: string; userId?: string; isSelf?: boolean }[];
  /** @All in the text. */
  all?: boolean;
}

function sourceOf(from: From): Source {
  if (from.group !== undefined) return groupSource(from.group, from.user);
  if (from.room !== undefined)
    return from.user === undefined
      ? { type: 'room', roomId: from.room }
      : { type: 'room', roomId: from.room, userId: from.user };
  return userSource(from.user);
}

/** A text event with LINE's `mention.mentionees` for each "@name" in the text. */
export function textEvent(text: string, from: From) {
  const event = makeTextEvent(text, { source: sourceOf(from), timestamp: NOW.getTime() });
  const mentionees = (from.mentions ?? []).map((m) => ({
    index: text.indexOf(`@${m.name}`),
    length: m.name.length + 1,
    type: 'user',
    ...(m.userId === undefined ? {} : { userId: m.userId }),
    ...(m.isSelf === undefined ? {} : { isSelf: m.isSelf }),
  }));
  if (from.all) mentionees.push({ index: text.indexOf('@All'), length: 4, type: 'all' });
  if (mentionees.length === 0) return event;
  return { ...event, message: { ...event.message, mention: { mentionees } } };
}

/** Everything the bot answered with this event's reply token. */
export function answerTo(h: Harness, replyToken: string): LineMessage[] {
  return h.fake
    .replies()
    .filter((r) => r.replyToken === replyToken)
    .flatMap((r) => r.messages);
}

/** The harness with the demo province loaded at NOW (the clock stays at NOW unless `now` is given). */
export async function startConversation(
  options: { demo?: boolean; now?: () => Date; databasePath?: string } = {},
): Promise<Conversation> {
  const h = await startHarness({ now: options.now ?? (() => NOW), databasePath: options.databasePath });
  if (options.demo !== false) {
    await loadDemo(h.deps.db, NOW);
    await setSetting(h.deps.db, HOME_PROVINCE_SETTING, 'pathum-thani', 'test', NOW);
  }
  return {
    h,
    async say(text, from) {
      const event = textEvent(text, from);
      await h.send(event);
      return answerTo(h, event.replyToken);
    },
    async press(data, from) {
      const event = makePostbackEvent(data, { source: sourceOf(from), timestamp: NOW.getTime() });
      await h.send(event);
      return answerTo(h, event.replyToken);
    },
    close: () => h.close(),
  };
}

/** All text a person reads in these messages: texts, alt texts and every Flex text, joined. */
export function readable(messages: readonly LineMessage[]): string {
  const out: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (typeof value === 'object' && value !== null) {
      for (const [key, child] of Object.entries(value)) {
        if ((key === 'text' || key === 'altText' || key === 'label') && typeof child === 'string')
          out.push(child);
        else walk(child);
      }
    }
  };
  walk(messages);
  return out.join('\n');
}

/** The postback data of buttons and quick replies in these messages, by label. */
export function buttons(messages: readonly LineMessage[]): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (typeof value === 'object' && value !== null) {
      const v = value as Record<string, unknown>;
      if (typeof v.label === 'string' && typeof v.data === 'string') found.set(v.label, v.data);
      else if (typeof v.label === 'string' && typeof v.text === 'string' && v.type === 'message')
        found.set(v.label, v.text);
      for (const child of Object.values(v)) walk(child);
    }
  };
  walk(messages);
  return found;
}

/** A LINE user id for a test person, from a number. */
export function userIdOf(n: number): string {
  return `U${n.toString(16).padStart(32, 'a')}`;
}

/** A LINE group id for a test group, from a number. */
export function groupIdOf(n: number): string {
  return `C${n.toString(16).padStart(32, 'b')}`;
}
