// message: text is matched against the commands; in 1:1 anything else (stickers, photos) gets a short nudge.
import type { webhook } from '@line/bot-sdk';
import { buildChatContext } from '../chat/build-context.ts';
import type { EventContext } from '../chat/context.ts';
import { buildNotUnderstood } from '../chat/help.ts';
import { readCommand } from '../chat/read-command.ts';
import { chatFeatures } from '../chat/registry.ts';

export async function handleMessage(base: EventContext, event: webhook.MessageEvent): Promise<void> {
  const match = readCommand(event.message as webhook.TextMessageContent);
  const { conversations } = chatFeatures();
  // A user with an open conversation (a complaint draft) is answering its questions (text, photos, a location).
  for (const takes of conversations) if (await takes(base, event, match)) return;
  // A group's chatter never gets here (needsHandling): outside 1:1 every message is one of our commands.
  const ctx = await buildChatContext(base, event);
  if (ctx === undefined) return;
  if (match !== undefined) await match.command.run(ctx, match.args);
  else await ctx.answer(buildNotUnderstood(ctx.who));
}
