// Reminders held up by a pause (the monthly quota ran out) whose day has passed: rather than arrive late one by
// one, each group's are merged into one catch-up push of the tasks still open, drawn as they stand today.
import { fiscalYearOf } from '../../../core/index.ts';
import { bangkokParts, bangkokTime } from '../../../core/thai/bangkok.ts';
import { enqueueMessages } from '../../../db/queries/outbox.ts';
import { listSurveyLinks } from '../../../db/queries/survey-links.ts';
import type { Deps } from '../../deps.ts';
import { homeProvinceId } from '../../line/chat/who.ts';
import { loadTargetRules } from '../surveys/target-rules.ts';
import { buildReminderPushes } from './reminder-messages.ts';
import { cardOf, listOpenTasks } from './tasks.ts';

/** Why a stale row was set aside: its tasks are in the group's catch-up push. */
export const MERGED_NOTE =
  'merged: its day passed while sending was paused; the catch-up reminder carries it';

/** Start of today in Bangkok. */
function startOfToday(now: Date): Date {
  const p = bangkokParts(now);
  return bangkokTime(p.year, p.month, p.day);
}

/**
 * Sets aside every pending reminder queued before today and queues, per group, one push of the tasks they
 * were about that are still open. Returns how many stale rows were merged.
 */
export async function mergeStaleReminders(deps: Deps, now: Date): Promise<number> {
  const { db } = deps;
  const stale = await db.kysely
    .updateTable('outbox')
    .set({ state: 'failed', last_error: MERGED_NOTE, lease_token: null, locked_until: null })
    .where('source_kind', '=', 'reminder')
    .where('state', '=', 'pending')
    .where('kind', '=', 'push')
    .where('created_at', '<', startOfToday(now).toISOString())
    .returning(['id', 'recipient', 'source_id'])
    .execute();
  if (stale.length === 0) return 0;
  const provinceId = await homeProvinceId(db);
  if (provinceId === undefined) return stale.length;
  const byGroup = new Map<string, Set<string>>();
  for (const row of stale) {
    if (row.source_id === null) continue;
    byGroup.set(row.recipient, (byGroup.get(row.recipient) ?? new Set()).add(row.source_id));
  }
  const groups = await db.kysely
    .selectFrom('line_groups')
    .select(['group_id', 'agency_id'])
    .where('group_id', 'in', [...byGroup.keys()])
    .where('left_at', 'is', null)
    .execute();
  const year = fiscalYearOf(now);
  const tasks = await listOpenTasks(db, provinceId, year);
  const links = await listSurveyLinks(db, provinceId, year);
  const rules = await loadTargetRules(db, (m) => deps.log.warn(m));
  const rows = groups.flatMap((g) => {
    const activities = byGroup.get(g.group_id) ?? new Set<string>();
    const cards = tasks
      .filter((t) => t.agency.id === g.agency_id && activities.has(t.activity.id))
      .sort((a, b) => a.activity.dueOn.localeCompare(b.activity.dueOn))
      .map((t) => cardOf(t, now, links, rules));
    if (cards.length === 0) return [];
    return buildReminderPushes(cards).map((messages) => ({
      kind: 'push' as const,
      to: g.group_id,
      messages,
      sourceKind: 'reminder',
      sourceId: cards[0]?.activityId ?? null,
    }));
  });
  if (rows.length > 0) await enqueueMessages(db, rows, now);
  deps.log.info('reminders merged after a pause', { stale: stale.length, pushes: rows.length });
  return stale.length;
}
