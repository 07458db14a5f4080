// leave, memberJoined, unfollow and follow: a removed bot sends nothing more to the group; newcomers get a
// short word; a user who blocks the account is marked so the digest skips them, and unmarked on following again.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listRecipients } from '../../../../bot/features/broadcasts/recipients.ts';
import {
  DEMO_COORDINATOR_ID,
  DEMO_OFFICERS_GROUP_ID,
  demoGroupIdOf,
} from '../../../../bot/tools/demo/line.ts';
import { findGroup, listAgencyGroups, listBoundGroups } from '../../../../db/queries/line-groups.ts';
import { findLineUser } from '../../../../db/queries/line-users.ts';
import { nextEventId } from '../../../support/events.ts';
import { checkAndClose } from '../../../support/harness.ts';
import {
  answerTo,
  type Conversation,
  groupIdOf,
  NOW,
  readable,
  startConversation,
  userIdOf,
} from './conversation.ts';

const RANGSIT_GROUP = demoGroupIdOf('nakhon-rangsit');

let c: Conversation;
beforeEach(async () => {
  c = await startConversation();
});
afterEach(() => checkAndClose(c.h));

const base = (type: string, source: unknown) => ({
  type,
  mode: 'active',
  timestamp: NOW.getTime(),
  webhookEventId: nextEventId(),
  deliveryContext: { isRedelivery: false },
  source,
});

const leaveEvent = (groupId: string) => base('leave', { type: 'group', groupId });

function memberJoinedEvent(source: unknown) {
  return {
    ...base('memberJoined', source),
    replyToken: `rt-${nextEventId()}`,
    joined: { members: [{ type: 'user', userId: userIdOf(9) }] },
  };
}

describe('leave', () => {
  it('marks the group left so no reminder, broadcast or lookup reaches it any more', async () => {
    await c.h.send(leaveEvent(RANGSIT_GROUP));
    expect((await findGroup(c.h.deps.db, RANGSIT_GROUP))?.leftAt).toBe(NOW.toISOString());
    expect(await listAgencyGroups(c.h.deps.db, 'nakhon-rangsit')).toEqual([]);
    const bound = await listBoundGroups(c.h.deps.db, 'pathum-thani');
    expect(bound.map((g) => g.groupId)).not.toContain(RANGSIT_GROUP);
    const recipients = await listRecipients(c.h.deps.db, 'pathum-thani', {});
    expect(recipients.map((g) => g.groupId)).not.toContain(RANGSIT_GROUP);
    expect(c.h.fake.sent()).toEqual([]);
  });

  it('keeps the binding, and treats the group as unbound while the bot is out', async () => {
    await c.h.send(leaveEvent(RANGSIT_GROUP));
    expect(await findGroup(c.h.deps.db, RANGSIT_GROUP)).toMatchObject({
      agencyId: 'nakhon-rangsit',
      kind: 'staff',
    });
    const answer = await c.say('ยกเลิกผูกกลุ่ม', { user: DEMO_COORDINATOR_ID, group: RANGSIT_GROUP });
    expect(readable(answer)).toContain('ยังไม่ได้ผูก');
  });

  it('ignores groups it never knew and rooms', async () => {
    await c.h.send(leaveEvent(groupIdOf(5)), base('leave', { type: 'room', roomId: `R${'6'.repeat(32)}` }));
    expect(await findGroup(c.h.deps.db, groupIdOf(5))).toBeUndefined();
    expect(c.h.logs.filter((l) => l.level === 'error')).toEqual([]);
  });
});

describe('unfollow and follow', () => {
  it('marks a user who blocks the account, sends nothing, and clears the mark when they follow again', async () => {
    const user = { type: 'user', userId: DEMO_COORDINATOR_ID };
    await c.h.send(base('unfollow', user));
    expect((await findLineUser(c.h.deps.db, DEMO_COORDINATOR_ID))?.unfollowedAt).toBe(NOW.toISOString());
    expect(c.h.fake.sent()).toEqual([]);
    const follow = {
      ...base('follow', user),
      replyToken: `rt-${nextEventId()}`,
      follow: { isUnblocked: true },
    };
    await c.h.send(follow);
    expect((await findLineUser(c.h.deps.db, DEMO_COORDINATOR_ID))?.unfollowedAt).toBeNull();
    expect(readable(answerTo(c.h, follow.replyToken))).toContain('ขอบคุณที่เพิ่ม');
  });
});

describe('memberJoined', () => {
  it('tells newcomers in a bound group which agency the bot serves there', async () => {
    const event = memberJoinedEvent({ type: 'group', groupId: RANGSIT_GROUP });
    await c.h.send(event);
    const text = readable(answerTo(c.h, event.replyToken));
    expect(text).toContain('ยินดีต้อนรับ');
    expect(text).toContain('เทศบาลนครรังสิต');
    expect(text).toContain('ช่วยเหลือ');
  });

  it('tells newcomers in an officers group what comes there', async () => {
    const event = memberJoinedEvent({ type: 'group', groupId: DEMO_OFFICERS_GROUP_ID });
    await c.h.send(event);
    expect(readable(answerTo(c.h, event.replyToken))).toContain('เรื่องร้องเรียนใหม่');
  });

  it('says how to bind in an unbound group, a left group, or a room', async () => {
    await c.h.send(leaveEvent(RANGSIT_GROUP));
    for (const source of [
      { type: 'group', groupId: groupIdOf(3) },
      { type: 'group', groupId: RANGSIT_GROUP },
      { type: 'room', roomId: `R${'7'.repeat(32)}` },
    ]) {
      const event = memberJoinedEvent(source);
      await c.h.send(event);
      expect(readable(answerTo(c.h, event.replyToken))).toContain('ผูกกลุ่ม');
    }
  });
});
