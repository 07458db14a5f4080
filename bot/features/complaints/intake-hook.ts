// The door from bot/line/events/message.ts into an open complaint draft: a 1:1 message of a user with a draft goes
// to the intake, except a command typed on its own (it runs; the draft waits) and `ช่วยเหลือ` (the intake's help).
import type { webhook } from '@line/bot-sdk';
import type { CommandMatch } from '../../../core/chat/command-text.ts';
import { parseTrackingCode } from '../../../core/complaints/tracking-code.ts';
import { getConversation } from '../../../db/queries/conversation-state.ts';
import { buildChatContext } from '../../line/chat/build-context.ts';
import type { Command } from '../../line/chat/command.ts';
import type { EventContext } from '../../line/chat/context.ts';
import { COMPLAINT_FLOW, continueIntake, questionAgain } from './intake.ts';
import { buildIntakeHelp } from './intake-messages.ts';
import type { IntakeInput } from './intake-steps.ts';

function inputOf(message: webhook.MessageContent): IntakeInput {
  switch (message.type) {
    case 'text':
      return { kind: 'text', text: (message as webhook.TextMessageContent).text };
    case 'image': {
      const image = message as webhook.ImageMessageContent;
      const external = image.contentProvider?.type === 'external';
      const set = image.imageSet;
      return set?.id !== undefined && typeof set.total === 'number' && set.total > 1
        ? { kind: 'image', messageId: image.id, external, set: { id: set.id, total: set.total } }
        : { kind: 'image', messageId: image.id, external };
    }
    case 'location': {
      const place = message as webhook.LocationMessageContent;
      return {
        kind: 'location',
        title: place.title,
        address: place.address,
        lat: place.latitude,
        lng: place.longitude,
      };
    }
    default:
      return { kind: 'other' };
  }
}

/**
 * A command typed alone ("เรื่องของฉัน", "ติดตาม K7QMX-…") runs as usual while the draft waits; a text that only
 * starts with a keyword ("งานก่อสร้างถนน…") is an answer to the intake, not the `งาน` command.
 */
function isCommandOnItsOwn(match: CommandMatch<Command> | undefined): boolean {
  if (match === undefined) return false;
  if (match.args === '') return true;
  return match.command.keywords.includes('ติดตาม') || match.command.keywords.includes('ติดตามเรื่อง')
    ? parseTrackingCode(match.args) !== undefined
    : false;
}

/** True when the message belonged to an open complaint draft and was handled here. */
export async function routeToIntake(
  base: EventContext,
  event: webhook.MessageEvent,
  match: CommandMatch<Command> | undefined,
): Promise<boolean> {
  const source = event.source;
  if (source?.type !== 'user' || source.userId === undefined) return false;
  const open = await getConversation(base.deps.db, source.userId, base.now);
  if (open === undefined || open.flow !== COMPLAINT_FLOW) return false;
  const input = inputOf(event.message);
  const isHelp = match?.command.keywords.includes('ช่วยเหลือ') === true && match.args === '';
  const isCancel = input.kind === 'text' && ['ยกเลิก', 'cancel'].includes(input.text.trim().toLowerCase());
  if (!isHelp && !isCancel && isCommandOnItsOwn(match)) return false;
  const ctx = await buildChatContext(base, event);
  if (ctx === undefined) return false;
  if (isHelp) {
    // The help, then the question again: answered once, in one reply.
    await ctx.answer([buildIntakeHelp(), ...(await questionAgain(ctx, open))].slice(0, 5));
    return true;
  }
  await continueIntake(ctx, open, input, { eventId: event.webhookEventId, sentAt: event.timestamp });
  return true;
}
