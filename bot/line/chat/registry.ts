// The chat's one list of what features add to it: commands, button actions, conversations in progress and the
// word to people added to a group. bot/features/index.ts registers it once; the event handlers read it here,
// so the plumbing knows no feature and no feature file is imported by it.
import type { webhook } from '@line/bot-sdk';
import type { CommandMatch } from '../../../core/chat/command-text.ts';
import type { Command, PostbackAction } from './command.ts';
import type { EventContext } from './context.ts';

/** A 1:1 message that answers a conversation in progress (a complaint draft): true when it was handled. */
export type ConversationHook = (
  ctx: EventContext,
  event: webhook.MessageEvent,
  match: CommandMatch<Command> | undefined,
) => Promise<boolean>;

export interface ChatFeatures {
  commands: readonly Command[];
  actions: readonly PostbackAction[];
  /** Tried in order before a message is matched against the commands. */
  conversations: readonly ConversationHook[];
  /** People were added to a group or room the bot is in. */
  memberJoined(ctx: EventContext, event: webhook.MemberJoinedEvent): Promise<void>;
}

let registered: ChatFeatures | undefined;

/** Called once by bot/features/index.ts when it loads (the app and the scheduler import it). */
export function registerChatFeatures(features: ChatFeatures): void {
  registered = features;
}

export function chatFeatures(): ChatFeatures {
  if (registered === undefined) {
    throw new Error('no chat features registered: import bot/features/index.ts before handling events');
  }
  return registered;
}
