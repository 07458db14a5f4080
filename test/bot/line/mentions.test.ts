// Issue 16 §4: commands typed after @mentioning the bot in a group ("@ITA จังหวัดปทุมธานี ช่วยเหลือ") are
// answered; the mention may stand anywhere; a message that mentions someone else is not a command.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commandTextOf } from '../../../bot/line/chat/mentions.ts';
import { DEMO_STAFF_AGENCY_IDS } from '../../../bot/tools/demo/agencies.ts';
import { DEMO_STAFF_ID, demoGroupIdOf } from '../../../bot/tools/demo/line.ts';
import { checkAndClose } from '../../support/harness.ts';
import { type Conversation, readable, startConversation, userIdOf } from './events/conversation.ts';

const BOT = { name: 'ITA จังหวัดปทุมธานี', isSelf: true };
const GROUP = demoGroupIdOf(DEMO_STAFF_AGENCY_IDS[0] ?? '');
const COLLEAGUE = { name: 'สมชาย ใจดี', userId: userIdOf(42) };

let c: Conversation;
beforeEach(async () => {
  c = await startConversation();
});
afterEach(() => checkAndClose(c.h));

describe('a self-mention is removed wherever it stands', () => {
  it('answers "@ITA จังหวัดปทุมธานี ช่วยเหลือ" in a group (the bot name has a space in it)', async () => {
    const answer = await c.say('@ITA จังหวัดปทุมธานี ช่วยเหลือ', {
      user: DEMO_STAFF_ID,
      group: GROUP,
      mentions: [BOT],
    });
    expect(readable(answer)).toContain('งาน');
  });

  it('reads the command with the mention at the end or in the middle', async () => {
    const atEnd = await c.say('งาน @ITA จังหวัดปทุมธานี', { user: DEMO_STAFF_ID, group: GROUP, mentions: [BOT] });
    expect(atEnd.length).toBeGreaterThan(0);
    const read = commandTextOf({
      text: 'รายงาน @ITA จังหวัดปทุมธานี IIT 45',
      mention: { mentionees: [{ index: 7, length: 20, type: 'user', isSelf: true }] },
    });
    expect(read.text.replace(/\s+/g, ' ')).toBe('รายงาน IIT 45');
  });

  it('cuts by LINE index and length in UTF-16 units, even after emoji', () => {
    const text = '😀😀 @ITA ช่วยเหลือ';
    const index = text.indexOf('@ITA');
    expect(index).toBe(5);
    const read = commandTextOf({
      text,
      mention: { mentionees: [{ index, length: 4, type: 'user', isSelf: true }] },
    });
    expect(read.text.replace(/\s+/g, ' ')).toBe('😀😀 ช่วยเหลือ');
    expect(read.mentionsSelf).toBe(true);
  });
});

describe('mentioning someone else', () => {
  it('is not a command: "ช่วยเหลือ @สมชาย หน่อย" gets no answer', async () => {
    const before = c.h.fake.sent().length;
    const answer = await c.say('ช่วยเหลือ @สมชาย ใจดี หน่อย', {
      user: DEMO_STAFF_ID,
      group: GROUP,
      mentions: [COLLEAGUE],
    });
    expect(answer).toEqual([]);
    expect(c.h.fake.sent()).toHaveLength(before);
  });

  it('is a command when the bot is mentioned too', async () => {
    const answer = await c.say('@ITA จังหวัดปทุมธานี ช่วยเหลือ @สมชาย ใจดี', {
      user: DEMO_STAFF_ID,
      group: GROUP,
      mentions: [BOT, COLLEAGUE],
    });
    expect(answer.length).toBeGreaterThan(0);
  });
});
