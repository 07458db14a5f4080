// The monthly quota as a budget: LINE's limit and this month's consumption, each bound group's member count, and
// the forecast of what the rest of LINE's month will cost (reminders, digests, queued messages, complaint updates).
import { fiscalYearOf } from '../../../core/index.ts';
import { type Forecast, forecastMonth } from '../../../core/quota/forecast.ts';
import type { Db } from '../../../db/db.ts';
import { listMemberCounts } from '../../../db/queries/group-members.ts';
import { listRoleHolders } from '../../../db/queries/user-roles.ts';
import type { Deps } from '../../deps.ts';
import { homeProvinceId } from '../../line/chat/who.ts';
import { type OutboxPause, readOutboxPause } from '../../line/outbox/pause.ts';
import { listOpenTasks, listStaffGroupsByAgency } from '../plan/tasks.ts';
import { loadSettings } from '../settings/settings.ts';
import { nextLineMonthStart } from './line-month.ts';

/** A group whose members LINE has not counted yet is priced at this many (the daily round counts it soon). */
export const UNCOUNTED_GROUP_MEMBERS = 10;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface QuotaBudget {
  /** LINE's monthly limit; undefined: the plan has none (or LINE could not be read, see `readFailed`). */
  limit: number | undefined;
  /** Messages LINE counted this month; undefined when LINE could not be read. */
  used: number | undefined;
  readFailed: boolean;
  /** When LINE's month ends (00:00 JST on the 1st). */
  monthEnds: Date;
  forecast: Forecast;
  /** Groups priced at UNCOUNTED_GROUP_MEMBERS because LINE has not counted them yet. */
  uncountedGroups: number;
  paused: OutboxPause | undefined;
}

/** What the messages waiting in the outbox will cost: a group's member count, one for a person, multicast's list. */
async function queuedCost(db: Db, members: Map<string, number | null>): Promise<number> {
  const rows = await db.kysely
    .selectFrom('outbox')
    .select(['kind', 'recipient'])
    .where('state', 'in', ['pending', 'sending'])
    .execute();
  let cost = 0;
  for (const r of rows) {
    if (r.kind === 'multicast') cost += (JSON.parse(r.recipient) as unknown[]).length;
    else if (r.recipient.startsWith('U')) cost += 1;
    else cost += members.get(r.recipient) ?? UNCOUNTED_GROUP_MEMBERS;
  }
  return cost;
}

/** Complaint updates pushed to citizens a day, over the last 30 days. */
async function complaintUpdatesPerDay(db: Db, now: Date): Promise<number> {
  const row = await db.kysely
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('source_kind', '=', 'complaint')
    .where('priority', '=', 1)
    .where('state', '=', 'sent')
    .where('sent_at', '>=', new Date(now.getTime() - 30 * DAY_MS).toISOString())
    .executeTakeFirst();
  return Number(row?.n ?? 0) / 30;
}

/** The forecast of the rest of LINE's month, from the plan's open tasks and the groups' member counts. */
export async function forecastRestOfMonth(
  db: Db,
  now: Date,
): Promise<{ forecast: Forecast; uncounted: number }> {
  const provinceId = await homeProvinceId(db);
  const settings = await loadSettings(db);
  const members = await listMemberCounts(db);
  const tasks = provinceId === undefined ? [] : await listOpenTasks(db, provinceId, fiscalYearOf(now));
  const groups = provinceId === undefined ? new Map() : await listStaffGroupsByAgency(db, provinceId);
  let uncounted = 0;
  const groupMembers = new Map<string, number[]>();
  for (const [agencyId, list] of groups) {
    groupMembers.set(
      agencyId,
      list.map((g: { groupId: string }) => {
        const count = members.get(g.groupId);
        if (count === null || count === undefined) uncounted += 1;
        return count ?? UNCOUNTED_GROUP_MEMBERS;
      }),
    );
  }
  const coordinators = new Set((await listRoleHolders(db, { role: 'coordinator' })).map((g) => g.userId))
    .size;
  const forecast = forecastMonth({
    tasks: tasks.map((t) => ({ activity: t.activity, agencyId: t.agency.id })),
    groupMembers,
    coordinators,
    from: now,
    to: nextLineMonthStart(now),
    settings,
    queued: await queuedCost(db, members),
    complaintUpdatesPerDay: await complaintUpdatesPerDay(db, now),
  });
  return { forecast, uncounted };
}

/** `read`: the quota and consumption the caller has just asked LINE for, so they are not asked again. */
export async function loadQuotaBudget(
  deps: Deps,
  now: Date,
  read?: { limit: number | undefined; used: number },
): Promise<QuotaBudget> {
  let limit = read?.limit;
  let used = read?.used;
  let readFailed = false;
  if (read === undefined) {
    try {
      const [quota, consumption] = await Promise.all([
        deps.line.getMessageQuota(),
        deps.line.getMessageQuotaConsumption(),
      ]);
      limit = quota.limit;
      used = consumption;
    } catch (error) {
      readFailed = true;
      deps.log.warn('LINE quota not read', { reason: String(error) });
    }
  }
  const { forecast, uncounted } = await forecastRestOfMonth(deps.db, now);
  return {
    limit,
    used,
    readFailed,
    monthEnds: nextLineMonthStart(now),
    forecast,
    uncountedGroups: uncounted,
    paused: await readOutboxPause(deps.db),
  };
}
