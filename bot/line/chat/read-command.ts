// The command a text message carries, if any: read with the bot's own @mention cut out, and not a command
// when it is addressed to someone else (bot/line/chat/mentions.ts).
import type { webhook } from '@line/bot-sdk';
import { type CommandMatch, matchCommand } from '../../../core/chat/command-text.ts';
import type { Command } from './command.ts';
import { commandTextOf, mayRunCommand } from './mentions.ts';
import { chatFeatures } from './registry.ts';

/**
 * The command a text message asks for: read with the bot's own @mention removed, wherever it stands; a message
 * that @mentions someone else is not a command unless it is addressed to the bot too (or the command acts on
 * the people mentioned).
 */
export function readCommand(message: {
  type?: string;
  text?: unknown;
  mention?: webhook.TextMessageContent['mention'];
}): CommandMatch<Command> | undefined {
  if (message.type !== 'text' || typeof message.text !== 'string') return undefined;
  const read = commandTextOf({ text: message.text, mention: message.mention });
  const match = matchCommand(read.text, chatFeatures().commands);
  return match !== undefined && mayRunCommand(read, match.command) ? match : undefined;
}
