// A scheduler tick over the whole demo province: every reminder and the digest pass LINE's spec and limits.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runReminders } from '../../../../../bot/features/plan/reminders.ts';
import { drainOutbox } from '../../../../../bot/line/outbox/index.ts';
import { PATHUM_THANI_AGENCIES } from '../../../../../bot/tools/demo/agencies.ts';
import { DEMO_COORDINATOR_ID, demoGroupIdOf } from '../../../../../bot/tools/demo/line.ts';
import { bangkokTime } from '../../../../../core/index.ts';
import { checkAndClose } from '../../../../support/harness.ts';
import { type Conversation, readable, startConversation } from '../../../line/events/conversation.ts';

/** Wednesday 24 June 2026, 08:30: a week before the IIT/EIT answers are due. */
const TICK = bangkokTime(2026, 6, 24, 8, 30);

let c: Conversation;
beforeEach(async () => {
  c = await startConversation();
});
afterEach(() => checkAndClose(c.h));

describe('reminders in the demo province', () => {
  it('reaches the agencies’ groups and the coordinator within LINE’s limits, once', async () => {
    const queued = await runReminders(c.h.deps, TICK);
    await drainOutbox(c.h.deps, TICK);
    const pushes = c.h.fake.pushes();
    const errors = await c.h.deps.db.kysely
      .selectFrom('outbox')
      .select(['last_error', 'state'])
      .where('state', '!=', 'sent')
      .execute();
    expect(errors).toEqual([]);
    expect(pushes).toHaveLength(queued);
    const groups = new Set(PATHUM_THANI_AGENCIES.map((a) => demoGroupIdOf(a.id)));
    const toGroups = pushes.filter((p) => p.to.every((to) => groups.has(to)));
    expect(toGroups.length).toBeGreaterThan(10);
    for (const push of toGroups) expect(push.messages[0]?.type).toBe('flex');
    const iit = toGroups.filter((p) => readable(p.messages).includes('ตอบแบบวัด IIT'));
    expect(iit.length).toBeGreaterThan(0);
    for (const push of iit) expect(readable(push.messages)).toContain('เหลืออีก 7 วัน');
    expect(c.h.fake.messagesTo(DEMO_COORDINATOR_ID)).toHaveLength(1);
    expect(readable(c.h.fake.messagesTo(DEMO_COORDINATOR_ID))).toContain(
      'สรุปงาน ITA ที่เลยกำหนด ณ 24 มิ.ย. 2569',
    );
    expect(await runReminders(c.h.deps, bangkokTime(2026, 6, 24, 11, 0))).toBe(0);
  });
});
