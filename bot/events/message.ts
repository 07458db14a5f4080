// message: text is matched against the commands; other kinds (stickers, photos) get a short nudge in 1:1 only.
import type { webhook } from '@line/bot-sdk';
import { matchCommand } from '../../core/chat/command-text.ts';
import { buildChatContext } from '../chat/build-context.ts';
import { COMMANDS } from '../chat/registry.ts';
import { routeToIntake } from '../complaints/intake-hook.ts';
import { buildNotUnderstood } from '../messages/help.ts';
import type { EventContext } from './index.ts';

export async function handleMessage(base: EventContext, event: webhook.MessageEvent): Promise<void> {
  const text = event.message.type === 'text' ? (event.message as webhook.TextMessageContent).text : undefined;
  const match = text === undefined ? undefined : matchCommand(text, COMMANDS);
  // A user with an open complaint draft is answering its questions (text, photos, a location).
  if (await routeToIntake(base, event, match)) return;
  // Groups talk among themselves: the bot answers only its own commands there, never chatter — and chatter,
  // most of a group's traffic, is dropped before any database read.
  if (match === undefined && event.source?.type !== 'user') return;
  const ctx = await buildChatContext(base, event);
  if (ctx === undefined) return;
  if (match !== undefined) await match.command.run(ctx, match.args);
  else await ctx.answer(buildNotUnderstood(ctx.who));
}
