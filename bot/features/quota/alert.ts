// At 80 % of the month's quota, coordinators are told once (one 1:1 push each, reserved in the ledger per LINE
// month, so it is queued once whatever runs at once).
import { reserveSlotWithMessages } from '../../../db/queries/reminder-log.ts';
import { listRoleHolders } from '../../../db/queries/user-roles.ts';
import type { Deps } from '../../deps.ts';
import { readOutboxPause } from '../../line/outbox/pause.ts';
import { loadQuotaBudget } from './budget.ts';
import { lineMonthOf } from './line-month.ts';
import { buildQuotaAlert } from './messages.ts';

export const ALERT_SHARE = 0.8;
const ALERT_KIND = 'quota_alert';

/** Returns how many coordinators were alerted (0 when below 80 %, already told this month, or LINE unread). */
export async function alertAtQuotaShare(deps: Deps, now: Date): Promise<number> {
  // Every ten minutes is often enough (each look is two LINE calls); a paused outbox has said it all.
  if (now.getUTCMinutes() % 10 !== 0 || (await readOutboxPause(deps.db)) !== undefined) return 0;
  const month = lineMonthOf(now);
  const taken = await deps.db.kysely
    .selectFrom('reminder_log')
    .select('id')
    .where('kind', '=', ALERT_KIND)
    .where('subject_id', '=', month)
    .executeTakeFirst();
  if (taken !== undefined) return 0;
  let limit: number | undefined;
  let used: number;
  try {
    limit = (await deps.line.getMessageQuota()).limit;
    used = await deps.line.getMessageQuotaConsumption();
  } catch {
    return 0;
  }
  if (limit === undefined || used < limit * ALERT_SHARE) return 0;
  const budget = await loadQuotaBudget(deps, now, { limit, used });
  const coordinators = [
    ...new Set((await listRoleHolders(deps.db, { role: 'coordinator' })).map((g) => g.userId)),
  ];
  const rows = coordinators.map((to) => ({
    kind: 'push' as const,
    to,
    messages: buildQuotaAlert(budget),
    sourceKind: 'quota',
    sourceId: month,
  }));
  const key = { kind: ALERT_KIND, subjectId: month, targetId: '', slot: 'share-80' };
  const { outboxIds } = await reserveSlotWithMessages(deps.db, key, now, rows, now);
  return outboxIds.length;
}
