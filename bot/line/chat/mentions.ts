// Reading a text message addressed to the bot in a group or room: "@ITA จังหวัดปทุมธานี ช่วยเหลือ" is `ช่วยเหลือ`.
// LINE marks the bot's own mention with `isSelf` and gives where it stands (`index`, `length`, in UTF-16 units,
// as JavaScript strings count); the display name may hold spaces, so the span is cut, never the first word.
import type { webhook } from '@line/bot-sdk';

export interface CommandText {
  /** The text with every mention of the bot cut out (other mentions kept, for commands that act on people). */
  text: string;
  /** The bot was @mentioned. */
  mentionsSelf: boolean;
  /** Someone other than the bot (or @All) was @mentioned. */
  mentionsOthers: boolean;
}

type Mentionee = NonNullable<webhook.TextMessageContent['mention']>['mentionees'][number];

const isSelf = (m: Mentionee) => m.type === 'user' && (m as webhook.UserMentionee).isSelf === true;

/** The text commands are read from, with the bot's own mentions removed wherever they stand. */
export function commandTextOf(message: {
  text: string;
  mention?: { mentionees: readonly Mentionee[] };
}): CommandText {
  const mentionees = message.mention?.mentionees ?? [];
  const own = mentionees
    .filter(isSelf)
    .filter((m) => Number.isInteger(m.index) && Number.isInteger(m.length) && m.index >= 0 && m.length > 0)
    .sort((a, b) => b.index - a.index);
  let text = message.text;
  for (const m of own) text = `${text.slice(0, m.index)} ${text.slice(m.index + m.length)}`;
  return {
    text: text.replace(/^[\s\u200b]+/, ''),
    mentionsSelf: own.length > 0,
    mentionsOthers: mentionees.some((m) => !isSelf(m)),
  };
}

/**
 * Whether a command may run from this text: a message that @mentions someone else is talk between people ("งาน
 * @สมชาย เสร็จหรือยัง"), not a command — unless it is also addressed to the bot, or the command itself acts on
 * the people mentioned (granting roles).
 */
export function mayRunCommand(read: CommandText, command: { takesMentions?: boolean }): boolean {
  return !read.mentionsOthers || read.mentionsSelf || command.takesMentions === true;
}
