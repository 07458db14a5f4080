// "เตือนหน่วยงาน" under the coordinators' digest: the overdue tasks' cards to each behind agency's groups, once a day.
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_CITIZEN_ID, DEMO_COORDINATOR_ID } from '../../../../bot/tools/demo/line.ts';
import { checkAndClose } from '../../../support/harness.ts';
import { type Conversation, readable, startConversation } from '../../line/events/conversation.ts';

let c: Conversation;
afterEach(() => checkAndClose(c.h));

const queuedReminders = async () =>
  (
    await c.h.deps.db.kysely
      .selectFrom('reminder_log')
      .select('target_id')
      .where('kind', '=', 'activity_manual')
      .execute()
  ).length;

describe('เตือนหน่วยงาน', () => {
  it('queues the overdue reminders to the behind agencies’ groups once a day, for coordinators only', async () => {
    c = await startConversation();
    const first = readable(await c.press('a=digest_remind', { user: DEMO_COORDINATOR_ID }));
    expect(first).toMatch(/ส่งแจ้งเตือนงานที่เลยกำหนดไปยังกลุ่ม LINE ของ \d+ หน่วยงาน/);
    const reserved = await queuedReminders();
    expect(reserved).toBeGreaterThan(0);
    const again = readable(await c.press('a=digest_remind', { user: DEMO_COORDINATOR_ID }));
    expect(again).toContain('ไม่มีแจ้งเตือนที่ต้องส่ง');
    expect(await queuedReminders()).toBe(reserved);
    expect(readable(await c.press('a=digest_remind', { user: DEMO_CITIZEN_ID }))).toContain('ขออภัย');
    expect(await queuedReminders()).toBe(reserved);
  });
});
