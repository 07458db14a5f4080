// The webhook events the simulator posts, shaped as LINE sends them (webhook.yml): a typed text, a pressed
// button (postback), a new friend (follow) and the bot added to a group (join).
import { DEMO_USERS } from '../../tools/demo/line.ts';

export type SimulatedInput =
  | { kind: 'text'; text: string }
  | { kind: 'postback'; data: string }
  | { kind: 'follow' }
  | { kind: 'join' };

export interface Sender {
  /** The LINE user id of the person the page plays. */
  as: string;
  /** The chat: that user's id for 1:1, else a group (`C…`) or room (`R…`) id. */
  chat: string;
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A ULID (time, then 80 random bits), like LINE's webhookEventId: the inbox keeps ids across restarts of the
 * SQLite file, so they must never repeat.
 */
export function newEventId(now: Date): string {
  let time = now.getTime();
  let head = '';
  for (let i = 0; i < 10; i += 1) {
    head = (CROCKFORD[time % 32] ?? '0') + head;
    time = Math.floor(time / 32);
  }
  const random = crypto.getRandomValues(new Uint8Array(16));
  return head + [...random].map((b) => CROCKFORD[b % 32] ?? '0').join('');
}

function sourceOf(sender: Sender, withUser: boolean) {
  if (sender.chat.startsWith('C')) {
    return withUser
      ? { type: 'group', groupId: sender.chat, userId: sender.as }
      : { type: 'group', groupId: sender.chat };
  }
  if (sender.chat.startsWith('R')) {
    return withUser
      ? { type: 'room', roomId: sender.chat, userId: sender.as }
      : { type: 'room', roomId: sender.chat };
  }
  return { type: 'user', userId: sender.as };
}

/** The first word of each demo person's display name, so "@ธนพล" in a group mentions the demo staff member. */
const MENTIONABLE = DEMO_USERS.map((u) => ({
  name: u.displayName.split(' ')[0] ?? u.displayName,
  userId: u.userId,
}));

/** LINE's `mention.mentionees` for "@name" of a demo person and "@All"; indexes count UTF-16 units, as LINE's. */
export function mentionsIn(text: string) {
  const found: { index: number; length: number; type: string; userId?: string; isSelf?: boolean }[] = [];
  for (const match of text.matchAll(/@(\S+)/g)) {
    const word = match[1] ?? '';
    if (word === 'All') found.push({ index: match.index, length: 4, type: 'all' });
    const person = MENTIONABLE.find((p) => word.startsWith(p.name));
    if (person !== undefined) {
      found.push({
        index: match.index,
        length: person.name.length + 1,
        type: 'user',
        userId: person.userId,
        isSelf: false,
      });
    }
  }
  return found;
}

function messageOf(text: string, sender: Sender, now: Date) {
  const id = String(now.getTime() * 1000 + Math.floor(Math.random() * 1000));
  const mentionees = sender.chat.startsWith('U') ? [] : mentionsIn(text);
  return {
    type: 'text',
    id,
    quoteToken: `sim-${newEventId(now)}`,
    text,
    ...(mentionees.length > 0 ? { mention: { mentionees } } : {}),
  };
}

/** One webhook event for the input, with the reply token the fake LINE API issued for this chat. */
export function buildEvent(sender: Sender, input: SimulatedInput, replyToken: string, now: Date) {
  const base = {
    mode: 'active',
    timestamp: now.getTime(),
    webhookEventId: newEventId(now),
    deliveryContext: { isRedelivery: false },
    replyToken,
  };
  switch (input.kind) {
    case 'text':
      return {
        ...base,
        type: 'message',
        source: sourceOf(sender, true),
        message: messageOf(input.text, sender, now),
      };
    case 'postback':
      return { ...base, type: 'postback', source: sourceOf(sender, true), postback: { data: input.data } };
    case 'follow':
      return { ...base, type: 'follow', source: sourceOf(sender, true), follow: { isUnblocked: false } };
    case 'join':
      return { ...base, type: 'join', source: sourceOf(sender, false) };
  }
}
