// Issue 4's entry points into the mini-app: the task list's last bubble opens the plan view, within LINE's limits.
import { describe, expect, it } from 'vitest';
import { buildTaskList } from '../../../../bot/features/plan/messages.ts';
import type { TaskCard } from '../../../../bot/features/plan/reminder-messages.ts';

const PLAN_URL = 'https://liff.line.me/1234567890-AbCdEfGh/plan';

function card(n: number): TaskCard {
  return {
    activityId: `activity-${n}`,
    agencyId: 'nakhon-rangsit',
    agencyName: 'เทศบาลนครรังสิต',
    seq: n,
    title: 'ให้ผู้มีส่วนได้ส่วนเสียภายในตอบแบบวัด IIT ให้แล้วเสร็จ',
    dueOn: '2026-07-01',
    daysLeft: 3,
    status: 'not_started',
  };
}

function bubblesOf(messages: ReturnType<typeof buildTaskList>): unknown[] {
  const flex = messages[1] as { contents: { contents: unknown[] } } | undefined;
  return flex?.contents.contents ?? [];
}

describe('buildTaskList with the plan view', () => {
  it('ends with a bubble that opens the plan, staying within 12 bubbles', () => {
    const many = buildTaskList(
      Array.from({ length: 17 }, (_, i) => card(i + 1)),
      'เทศบาลนครรังสิต',
      PLAN_URL,
    );
    const bubbles = bubblesOf(many);
    expect(bubbles).toHaveLength(12);
    expect(JSON.stringify(bubbles.at(-1))).toContain(`"uri":"${PLAN_URL}"`);
    const few = bubblesOf(buildTaskList([card(1)], 'เทศบาลนครรังสิต', PLAN_URL));
    expect(few).toHaveLength(2);
  });
});
