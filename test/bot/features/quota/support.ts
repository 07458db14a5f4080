// Marking the demo plan's open tasks done, as the forecast tests shape a month to count by hand.
import { listOpenTasks, type OpenTask } from '../../../../bot/features/plan/tasks.ts';
import type { Db } from '../../../../db/db.ts';
import { setActivityStatus } from '../../../../db/queries/activity-status.ts';

/** Marks every open task of Pathum Thani's FY2569 plan done, except those `keepOpen` picks. */
export async function markDoneExcept(db: Db, keepOpen: (task: OpenTask) => boolean, at: Date): Promise<void> {
  for (const task of await listOpenTasks(db, 'pathum-thani', 2569)) {
    if (keepOpen(task)) continue;
    const change = {
      activityId: task.activity.id,
      agencyId: task.agency.id,
      status: 'done' as const,
      by: null,
    };
    await setActivityStatus(db, change, at);
  }
}
