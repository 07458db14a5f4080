// The coordinators' daily overdue digest: one 1:1 push per coordinator per working day, exactly once.
import { bangkokDay, type DigestSlot } from '../../../core/reminders/index.ts';
import { findLineUser } from '../../../db/queries/line-users.ts';
import { listReservedSlots, reserveSlotWithMessages } from '../../../db/queries/reminder-log.ts';
import { listRoleHolders } from '../../../db/queries/user-roles.ts';
import type { Deps } from '../../deps.ts';
import { buildDigest, type DigestView } from './reminder-messages.ts';
import type { OpenTask } from './tasks.ts';

const DIGEST_KIND = 'digest';

/** Overdue tasks by agency, the agency with most overdue first (then the longest overdue, then by name). */
function overdueByAgency(tasks: readonly OpenTask[], now: Date): DigestView['overdue'] {
  const today = bangkokDay(now);
  const byAgency = new Map<string, DigestView['overdue'][number]>();
  for (const { activity, agency } of tasks) {
    if (activity.dueOn >= today) continue;
    const entry = byAgency.get(agency.id) ?? { agencyName: agency.shortName ?? agency.nameTh, tasks: [] };
    entry.tasks.push({ seq: activity.seq, dueOn: activity.dueOn });
    byAgency.set(agency.id, entry);
  }
  // Tasks come by due date, so an agency's first task is its longest overdue.
  const oldest = (a: DigestView['overdue'][number]) => a.tasks[0]?.dueOn ?? today;
  return [...byAgency.values()].sort(
    (a, b) =>
      b.tasks.length - a.tasks.length ||
      oldest(a).localeCompare(oldest(b)) ||
      a.agencyName.localeCompare(b.agencyName, 'th'),
  );
}

export interface DigestInput {
  provinceId: string;
  slot: DigestSlot;
  tasks: readonly OpenTask[];
  /** Names of agencies whose reminders found no bound group. */
  unreachable: readonly string[];
}

/**
 * Reserves today's digest for each coordinator of the province who still follows the account, with the message
 * in the same batch. A day with nothing to report is reserved with no message, so later ticks skip it quietly.
 * Returns the messages queued.
 */
export async function queueDigests(deps: Deps, input: DigestInput, now: Date): Promise<number> {
  const { db } = deps;
  const { provinceId, slot } = input;
  const coordinators = await listRoleHolders(db, { provinceId, role: 'coordinator' });
  if (coordinators.length === 0) return 0;
  const taken = await listReservedSlots(db, DIGEST_KIND, [{ subjectId: provinceId, slot: slot.key }]);
  const done = new Set(taken.map((t) => t.targetId));
  const view: DigestView = {
    now,
    overdue: overdueByAgency(input.tasks, now),
    unreachable: [...input.unreachable].sort((a, b) => a.localeCompare(b, 'th')),
  };
  const messages = buildDigest(view);
  let queued = 0;
  for (const { userId } of coordinators) {
    if (done.has(userId) || (await findLineUser(db, userId))?.unfollowedAt) continue;
    const key = { kind: DIGEST_KIND, subjectId: provinceId, targetId: userId, slot: slot.key };
    const rows =
      messages.length === 0
        ? []
        : [{ kind: 'push' as const, to: userId, messages, sourceKind: DIGEST_KIND, sourceId: provinceId }];
    const { outboxIds } = await reserveSlotWithMessages(db, key, slot.plannedFor, rows, now);
    queued += outboxIds.length;
  }
  return queued;
}
