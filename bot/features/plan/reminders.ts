// runReminders(deps, now): the scheduler's deadline step — reminders to agencies' groups and the coordinators'
// digest, each reserved with its messages in one batch so it is queued exactly once whatever runs at once.
import { fiscalYearOf } from '../../../core/index.ts';
import {
  digestSlot,
  dueReminderSlots,
  isWorkingTime,
  type ReminderSettings,
  type ReminderSlot,
} from '../../../core/reminders/index.ts';
import type { Db } from '../../../db/db.ts';
import type { LineGroup } from '../../../db/queries/line-groups.ts';
import {
  listReservedSlots,
  MAX_BUNDLED_SLOTS,
  reserveSlotsWithMessages,
} from '../../../db/queries/reminder-log.ts';
import { listSurveyLinks } from '../../../db/queries/survey-links.ts';
import type { Deps } from '../../deps.ts';
import { homeProvinceId } from '../../line/chat/who.ts';
import { loadSettings, type Settings } from '../settings/settings.ts';
import { loadTargetRules } from '../surveys/target-rules.ts';
import { queueDigests } from './digest.ts';
import { buildReminderPushes, type TaskCard } from './reminder-messages.ts';
import { cardOf, listOpenTasks, listStaffGroupsByAgency, type OpenTask } from './tasks.ts';

const REMINDER_KIND = 'activity';

interface DueReminder {
  task: OpenTask;
  slot: ReminderSlot;
}

/** What one tick works from: the open tasks, the reminders due now, and each agency's bound staff groups. */
interface Tick {
  provinceId: string;
  year: number;
  now: Date;
  tasks: OpenTask[];
  due: DueReminder[];
  groups: Map<string, LineGroup[]>;
}

const keyOf = (subjectId: string, targetId: string, slot: string) => `${subjectId}\n${targetId}\n${slot}`;
const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function planTick(db: Db, now: Date, settings: ReminderSettings): Promise<Tick | undefined> {
  const provinceId = await homeProvinceId(db);
  if (provinceId === undefined) return undefined;
  const year = fiscalYearOf(now);
  const tasks = await listOpenTasks(db, provinceId, year);
  const due = tasks.flatMap((task) =>
    dueReminderSlots(task.activity, task.status, now, settings).map((slot) => ({ task, slot })),
  );
  const groups = await listStaffGroupsByAgency(db, provinceId);
  return { provinceId, year, now, tasks, due, groups };
}

/** The due reminders that already hold a reservation (read once, so a quiet tick writes nothing). */
async function reservedKeys(db: Db, due: readonly DueReminder[]): Promise<Set<string>> {
  const pairs = new Map(due.map((d) => [`${d.task.activity.id}\n${d.slot.key}`, d]));
  const wanted = [...pairs.values()].map((d) => ({ subjectId: d.task.activity.id, slot: d.slot.key }));
  const taken = await listReservedSlots(db, REMINDER_KIND, wanted);
  return new Set(taken.map((t) => keyOf(t.subjectId, t.targetId, t.slot)));
}

/**
 * Reserves an agency's reminders due in this tick — all of one day — and queues them to each of its groups as
 * one push (a carousel of their bubbles: a push into a group costs one message per member, whatever it holds),
 * atomically. More than 12 in a day go as further pushes of 12.
 */
async function queueAgencyReminders(
  db: Db,
  due: readonly DueReminder[],
  groups: readonly LineGroup[],
  cards: readonly TaskCard[],
  now: Date,
) {
  let queued = 0;
  for (let i = 0; i < due.length; i += MAX_BUNDLED_SLOTS) {
    const part = due.slice(i, i + MAX_BUNDLED_SLOTS);
    const keys = part.map((d) => ({
      kind: REMINDER_KIND,
      subjectId: d.task.activity.id,
      targetId: d.task.agency.id,
      slot: d.slot.key,
    }));
    const pushes = buildReminderPushes(cards.slice(i, i + MAX_BUNDLED_SLOTS));
    const rows = groups.flatMap((g) =>
      pushes.map((messages) => ({
        kind: 'push' as const,
        to: g.groupId,
        messages,
        sourceKind: 'reminder',
        sourceId: part[0]?.task.activity.id ?? null,
      })),
    );
    const plannedFor = part[0]?.slot.plannedFor ?? now;
    const { outboxIds } = await reserveSlotsWithMessages(db, keys, plannedFor, rows, now);
    queued += outboxIds.length;
  }
  return queued;
}

async function queueReminders(deps: Deps, tick: Tick): Promise<number> {
  const { db } = deps;
  const reachable = tick.due.filter((d) => tick.groups.has(d.task.agency.id));
  const taken = await reservedKeys(db, reachable);
  const fresh = reachable.filter((d) => !taken.has(keyOf(d.task.activity.id, d.task.agency.id, d.slot.key)));
  if (fresh.length === 0) return 0;
  const links = await listSurveyLinks(db, tick.provinceId, tick.year);
  const rules = await loadTargetRules(db, (m) => deps.log.warn(m));
  const byAgency = new Map<string, DueReminder[]>();
  for (const d of fresh) byAgency.set(d.task.agency.id, [...(byAgency.get(d.task.agency.id) ?? []), d]);
  let queued = 0;
  for (const [agencyId, due] of byAgency) {
    const groups = tick.groups.get(agencyId) ?? [];
    due.sort((a, b) => a.task.activity.dueOn.localeCompare(b.task.activity.dueOn));
    const cards = due.map((d) => cardOf(d.task, tick.now, links, rules));
    try {
      queued += await queueAgencyReminders(db, due, groups, cards, tick.now);
    } catch (error) {
      // One failed write (its batch left nothing behind) must not hold back the others; the next tick retries.
      const detail = { agencyId, slots: due.map((d) => d.slot.key), reason: reasonOf(error) };
      deps.log.error('reminder not queued', detail);
    }
  }
  return queued;
}

async function queueDigest(deps: Deps, tick: Tick, settings: ReminderSettings): Promise<number> {
  const slot = digestSlot(tick.now, settings);
  if (slot === undefined) return 0;
  // Agencies with a reminder due but no bound group to take it: the coordinators should know.
  const unreachable = new Set(
    tick.due
      .filter((d) => !tick.groups.has(d.task.agency.id))
      .map((d) => d.task.agency.shortName ?? d.task.agency.nameTh),
  );
  try {
    const input = { provinceId: tick.provinceId, slot, tasks: tick.tasks, unreachable: [...unreachable] };
    return await queueDigests(deps, input, tick.now);
  } catch (error) {
    deps.log.error('digest not queued', { reason: reasonOf(error) });
    return 0;
  }
}

/**
 * Queues what is due at `now` (inside working hours only); returns the number of messages queued. The scheduler
 * passes the settings it read once for the tick; other callers let them be read here.
 */
export async function runReminders(deps: Deps, now: Date, given?: Settings): Promise<number> {
  const settings = given ?? (await loadSettings(deps.db));
  if (!isWorkingTime(now, settings)) return 0;
  const tick = await planTick(deps.db, now, settings);
  if (tick === undefined) return 0;
  return (await queueReminders(deps, tick)) + (await queueDigest(deps, tick, settings));
}
