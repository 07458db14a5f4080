// The coordinators' daily overdue digest: one 1:1 push per coordinator per working day, exactly once.
import { bangkokDay, type DigestSlot } from '../../../core/reminders/index.ts';
import { findLineUser } from '../../../db/queries/line-users.ts';
import { listReservedSlots, reserveSlotWithMessages } from '../../../db/queries/reminder-log.ts';
import { listRoleHolders } from '../../../db/queries/user-roles.ts';
import type { Deps } from '../../deps.ts';
import { liffUrlOf } from '../../line/liff-url.ts';
import { buildDigest, type DigestView } from './reminder-messages.ts';
import type { OpenTask } from './tasks.ts';

const DIGEST_KIND = 'digest';

/** Overdue activities, oldest due first, each with the agencies behind on it (by name). */
export function overdueByActivity(tasks: readonly OpenTask[], now: Date): DigestView['overdue'] {
  const today = bangkokDay(now);
  const byActivity = new Map<string, DigestView['overdue'][number]>();
  for (const { activity, agency } of tasks) {
    if (activity.dueOn >= today) continue;
    const entry = byActivity.get(activity.id) ?? {
      seq: activity.seq,
      title: activity.titleTh,
      dueOn: activity.dueOn,
      agencies: [],
    };
    entry.agencies.push(agency.shortName ?? agency.nameTh);
    byActivity.set(activity.id, entry);
  }
  for (const entry of byActivity.values()) entry.agencies.sort((a, b) => a.localeCompare(b, 'th'));
  return [...byActivity.values()].sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.seq - b.seq);
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
    overdue: overdueByActivity(input.tasks, now),
    unreachable: [...input.unreachable].sort((a, b) => a.localeCompare(b, 'th')),
    planUrl: liffUrlOf(deps.publicBaseUrl, deps.liff.liffId, 'plan'),
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
