// message: text is matched against the commands; in 1:1 anything else (stickers, photos) gets a short nudge.
import type { webhook } from '@line/bot-sdk';
import { buildChatContext } from '../chat/build-context.ts';
import { routeToIntake } from '../complaints/intake-hook.ts';
import { buildNotUnderstood } from '../messages/help.ts';
import { type EventContext, readCommand } from './index.ts';

export async function handleMessage(base: EventContext, event: webhook.MessageEvent): Promise<void> {
  const match = readCommand(event.message as webhook.TextMessageContent);
  // A user with an open complaint draft is answering its questions (text, photos, a location).
  if (await routeToIntake(base, event, match)) return;
  // A group's chatter never gets here (needsHandling): outside 1:1 every message is one of our commands.
  const ctx = await buildChatContext(base, event);
  if (ctx === undefined) return;
  if (match !== undefined) await match.command.run(ctx, match.args);
  else await ctx.answer(buildNotUnderstood(ctx.who));
}
