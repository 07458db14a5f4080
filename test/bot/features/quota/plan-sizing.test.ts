// The README's "Which LINE plan" figures, computed by the forecast code (bot/features/quota/budget.ts) on the demo
// plan of fiscal year 2569: 28 agencies, one bound group each at 15 members, one coordinator. The busiest LINE
// month is June 2026: 10 reminder days per agency when every agency finishes each task by its due day (tasks due
// before June are done), 14 when none finishes anything (overdue reminders every 2 working days, the default, on top).
// A group's reminders of one day are one push, so a month costs (reminder days) × agencies × members, plus one
// digest a working day per coordinator — what the README's formula says.
import { describe, expect, it } from 'vitest';
import { forecastRestOfMonth } from '../../../../bot/features/quota/budget.ts';
import { loadDemo } from '../../../../bot/tools/demo/load.ts';
import { setMemberCount } from '../../../../db/queries/group-members.ts';
import { openSqlite } from '../../../../db/sqlite.ts';
import { markDoneExcept } from './support.ts';

const LOADED = new Date('2026-06-10T03:00:00.000Z');
/** 00:00 on 1 June 2026 in Japan: LINE's June begins (22:00 on 31 May in Bangkok). */
const JUNE = new Date('2026-05-31T15:00:00.000Z');

async function juneForecast(members: number, doneBeforeJune: boolean) {
  const db = openSqlite(':memory:');
  await loadDemo(db, LOADED);
  // From a clean slate: nothing queued, and no task done yet (the demo marks some done).
  await db.kysely.deleteFrom('outbox').execute();
  await db.kysely.deleteFrom('activity_status').execute();
  const groups = await db.kysely
    .selectFrom('line_groups')
    .select('group_id')
    .where('kind', '=', 'staff')
    .execute();
  for (const g of groups) await setMemberCount(db, g.group_id, members, LOADED);
  if (doneBeforeJune) {
    await markDoneExcept(db, (task) => task.activity.dueOn >= '2026-06-01', LOADED);
  }
  const { forecast } = await forecastRestOfMonth(db, JUNE);
  await db.close();
  return { agencies: groups.length, forecast };
}

describe('sizing a LINE plan from the forecast (README, "Which LINE plan")', () => {
  it('prices the demo province’s busiest month: 4,220 messages on time, 5,900 with nothing done', async () => {
    const onTime = await juneForecast(15, true);
    expect(onTime.agencies).toBe(28);
    // 10 reminder days × 28 groups = 280 pushes × 15 members = 4,200; 20 working days × 1 coordinator = 20.
    expect(onTime.forecast).toMatchObject({
      reminderPushes: 280,
      reminders: 4_200,
      digests: 20,
      total: 4_220,
    });
    const late = await juneForecast(15, false);
    // 14 reminder days × 28 groups = 392 pushes × 15 = 5,880; + 20 digests.
    expect(late.forecast).toMatchObject({ reminderPushes: 392, reminders: 5_880, digests: 20, total: 5_900 });
  });

  it('grows with the members of a group: the same month at 5 members costs a third of the reminders', async () => {
    const small = await juneForecast(5, true);
    expect(small.forecast.reminders).toBe(10 * 28 * 5);
    expect(small.forecast.total).toBe(1_420);
  });
});
