// A citizen filing complaints in 1:1 chat, for the intake tests: texts, button presses, photos and locations
// as signed webhook events against the demo province, and what the bot answered.

import type { LineMessage } from '../../../../bot/dev/fake-line/types.ts';
import { DEMO_CITIZEN_ID } from '../../../../bot/tools/demo/line.ts';
import { getConversation } from '../../../../db/queries/conversation-state.ts';
import { makeTextEvent, userSource } from '../../../support/events.ts';
import {
  answerTo,
  buttons,
  type Conversation,
  NOW,
  readable,
  startConversation,
} from '../../line/events/conversation.ts';

export const CITIZEN = DEMO_CITIZEN_ID;
export const DESCRIPTION = 'เจ้าหน้าที่เรียกรับเงินสองพันบาทเพื่อเร่งออกใบอนุญาตก่อสร้าง';

export interface Citizen {
  c: Conversation;
  /** Sends a text and returns the answer. */
  say(text: string, options?: { eventId?: string; user?: string }): Promise<LineMessage[]>;
  /** Presses the quick reply with this label in the last answer (a postback, or the text it sends). */
  choose(label: string): Promise<LineMessage[]>;
  photo(messageId: string): Promise<LineMessage[]>;
  location(): Promise<LineMessage[]>;
  last: LineMessage[];
  step(): Promise<string | undefined>;
  close(): Promise<void>;
}

export async function startCitizen(options: { now?: () => Date } = {}): Promise<Citizen> {
  const c = await startConversation(options);
  const user = CITIZEN;
  const at = () => (options.now ?? (() => NOW))().getTime();
  const sendEvent = async (event: ReturnType<typeof makeTextEvent> | Record<string, unknown>) => {
    await c.h.send(event);
    const answer = answerTo(c.h, String((event as { replyToken: string }).replyToken));
    self.last = answer;
    return answer;
  };
  const messageEvent = (message: Record<string, unknown>) => {
    const base = makeTextEvent('x', { source: userSource(user), timestamp: at() });
    return { ...base, message: { id: String(Math.random()).slice(2, 12), ...message } };
  };
  const self: Citizen = {
    c,
    last: [],
    async say(text, o = {}) {
      const event = makeTextEvent(text, {
        source: userSource(o.user ?? user),
        timestamp: at(),
        ...(o.eventId === undefined ? {} : { webhookEventId: o.eventId }),
      });
      return sendEvent(event);
    },
    async choose(label) {
      const data = buttons(self.last).get(label);
      if (data === undefined) throw new Error(`no button "${label}" in: ${readable(self.last)}`);
      if (data.startsWith('a=')) {
        const answer = await c.press(data, { user });
        self.last = answer;
        return answer;
      }
      return self.say(data);
    },
    photo: (messageId) =>
      sendEvent({
        ...messageEvent({ type: 'image', contentProvider: { type: 'line' }, quoteToken: 'q' }),
        message: { id: messageId, type: 'image', contentProvider: { type: 'line' }, quoteToken: 'q' },
      }),
    location: () =>
      sendEvent(
        messageEvent({
          type: 'location',
          title: 'ศาลากลางจังหวัด',
          address: 'ปทุมธานี',
          latitude: 14.02,
          longitude: 100.53,
        }),
      ),
    async step() {
      return (await getConversation(c.h.deps.db, user, new Date(at())))?.step;
    },
    close: () => c.close(),
  };
  return self;
}

/** From `ร้องเรียน` to the identity question, by buttons, with the agency unknown and no photos. */
export async function fillUpToIdentity(p: Citizen, agency = 'ไม่ทราบ'): Promise<void> {
  await p.say('ร้องเรียน');
  await p.choose('ทุจริต/ประพฤติมิชอบ');
  if (agency === 'ไม่ทราบ') await p.choose('ไม่ทราบ');
  else await p.say(agency);
  await p.say(DESCRIPTION);
  await p.choose('ข้าม');
  await p.choose('ข้าม');
}
