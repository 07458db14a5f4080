// The month forecast against a hand-counted month of the demo plan: LINE's September 2026 for Pathum Thani,
// with every task done except item 17 (the analysis of results, due Wednesday 30 September 2026, all 28
// agencies), each agency's group at 15 members, and the demo's one coordinator.
//
// Counted by hand:
// - Item 17's reminders (7, 3, 1 and 0 days before, 08:30 on working days): d-7 Wed 23 Sep; d-3 falls on
//   Sun 27 Sep and moves to Mon 28 Sep; d-1 Tue 29 Sep; due Wed 30 Sep — 4 days, no Thai public holiday among
//   them. One push a day per group (a day's reminders are one carousel): 28 groups × 4 days = 112 pushes,
//   × 15 members = 1,680 messages.
// - The coordinator's digest, each working day: September 2026 starts on a Tuesday; weekdays 1–4, 7–11,
//   14–18, 21–25, 28–30 = 4 + 5 + 5 + 5 + 3 = 22, no public holiday in September → 22 messages. (LINE's
//   month starts at 22:00 Bangkok on 31 August, after that day's working hours: the 31st is not counted.)
// - Nothing queued, no complaint updates sent in the last 30 days.
// Total: 1,680 + 22 = 1,702.
import { describe, expect, it } from 'vitest';
import { listOpenTasks } from '../../../../bot/features/plan/tasks.ts';
import { forecastRestOfMonth } from '../../../../bot/features/quota/budget.ts';
import { lineMonthStart } from '../../../../bot/features/quota/line-month.ts';
import { loadDemo } from '../../../../bot/tools/demo/load.ts';
import { setMemberCount } from '../../../../db/queries/group-members.ts';
import { openSqlite } from '../../../../db/sqlite.ts';
import { markDoneExcept } from './support.ts';

const LOADED = new Date('2026-06-10T03:00:00.000Z');
/** 00:00 on 1 September 2026 in Japan: LINE's September begins. */
const SEPTEMBER = new Date('2026-08-31T15:00:00.000Z');

describe('the month forecast on the demo plan', () => {
  it('prices LINE’s September 2026 as counted by hand: 1,680 for reminders, 22 for digests', async () => {
    const db = openSqlite(':memory:');
    await loadDemo(db, LOADED);
    expect(lineMonthStart(SEPTEMBER)).toEqual(SEPTEMBER);
    await markDoneExcept(db, (task) => task.activity.seq === 17, LOADED);
    const open = await listOpenTasks(db, 'pathum-thani', 2569);
    expect(open.map((t) => t.activity.seq)).toEqual(Array(28).fill(17));
    const groups = await db.kysely
      .selectFrom('line_groups')
      .select('group_id')
      .where('kind', '=', 'staff')
      .execute();
    expect(groups).toHaveLength(28);
    for (const g of groups) await setMemberCount(db, g.group_id, 15, LOADED);

    const { forecast, uncounted } = await forecastRestOfMonth(db, SEPTEMBER);
    expect(uncounted).toBe(0);
    expect(forecast).toEqual({
      reminderPushes: 112,
      reminders: 1_680,
      digests: 22,
      queued: 0,
      complaintUpdates: 0,
      total: 1_702,
    });
    await db.close();
  });
});
