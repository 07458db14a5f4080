// postback: a button was pressed; its data names the action (`a=…`) and carries that action's parameters.
import type { webhook } from '@line/bot-sdk';
import { buildChatContext } from '../chat/build-context.ts';
import type { EventContext } from '../chat/context.ts';
import { chatFeatures } from '../chat/registry.ts';

export async function handlePostback(base: EventContext, event: webhook.PostbackEvent): Promise<void> {
  const params = new URLSearchParams(event.postback.data);
  const action = chatFeatures().actions.find((a) => a.name === params.get('a'));
  if (action === undefined) return; // a button of an older version, or not ours: nothing to do
  const ctx = await buildChatContext(base, event);
  if (ctx === undefined) return;
  await action.run(ctx, params);
}
