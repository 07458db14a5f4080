// message: text is matched against the commands; in 1:1 anything else (stickers, photos) gets a short nudge.
import type { webhook } from '@line/bot-sdk';
import { matchCommand } from '../../../core/chat/command-text.ts';
import { routeToIntake } from '../../features/complaints/intake-hook.ts';
import { COMMANDS } from '../../features/index.ts';
import { buildChatContext } from '../chat/build-context.ts';
import { buildNotUnderstood } from '../chat/help.ts';
import type { EventContext } from './index.ts';

export async function handleMessage(base: EventContext, event: webhook.MessageEvent): Promise<void> {
  const text = event.message.type === 'text' ? (event.message as webhook.TextMessageContent).text : undefined;
  const match = text === undefined ? undefined : matchCommand(text, COMMANDS);
  // A user with an open complaint draft is answering its questions (text, photos, a location).
  if (await routeToIntake(base, event, match)) return;
  // A group's chatter never gets here (needsHandling): outside 1:1 every message is one of our commands.
  const ctx = await buildChatContext(base, event);
  if (ctx === undefined) return;
  if (match !== undefined) await match.command.run(ctx, match.args);
  else await ctx.answer(buildNotUnderstood(ctx.who));
}
