// "เตือนหน่วยงาน" under the coordinators' digest: the overdue tasks' reminder cards pushed again to each behind
// agency's LINE groups — at most once a day per task and agency, however often the button is pressed.
import { fiscalYearOf } from '../../../core/index.ts';
import { bangkokDay } from '../../../core/reminders/index.ts';
import { reserveSlotWithMessages } from '../../../db/queries/reminder-log.ts';
import { listSurveyLinks } from '../../../db/queries/survey-links.ts';
import type { PostbackAction } from '../../line/chat/command.ts';
import type { ChatContext } from '../../line/chat/context.ts';
import { buildCoordinatorsOnly } from '../roles/messages.ts';
import { loadTargetRules } from '../surveys/target-rules.ts';
import { buildReminder, buildRemindQueued, DIGEST_REMIND_ACTION } from './reminder-messages.ts';
import { cardOf, listOpenTasks, listStaffGroupsByAgency } from './tasks.ts';

const MANUAL_KIND = 'activity_manual';

async function remindOverdue(ctx: ChatContext): Promise<void> {
  const provinceId = ctx.who.roles.find((r) => r.role === 'coordinator')?.provinceId;
  if (provinceId === undefined) return ctx.answer(buildCoordinatorsOnly('การส่งเตือนหน่วยงานที่งานเลยกำหนด'));
  const { db } = ctx.deps;
  const today = bangkokDay(ctx.now);
  const year = fiscalYearOf(ctx.now);
  const overdue = (await listOpenTasks(db, provinceId, year)).filter((t) => t.activity.dueOn < today);
  const groups = await listStaffGroupsByAgency(db, provinceId);
  const links = await listSurveyLinks(db, provinceId, year);
  const rules = await loadTargetRules(db);
  let queued = 0;
  const reached = new Set<string>();
  for (const task of overdue) {
    const to = groups.get(task.agency.id) ?? [];
    if (to.length === 0) continue;
    const messages = buildReminder(cardOf(task, ctx.now, links, rules));
    const rows = to.map((g) => ({
      kind: 'push' as const,
      to: g.groupId,
      messages,
      sourceKind: 'reminder',
      sourceId: task.activity.id,
    }));
    const key = { kind: MANUAL_KIND, subjectId: task.activity.id, targetId: task.agency.id, slot: today };
    const { outboxIds } = await reserveSlotWithMessages(db, key, ctx.now, rows, ctx.now);
    if (outboxIds.length > 0) reached.add(task.agency.id);
    queued += outboxIds.length;
  }
  return ctx.answer(buildRemindQueued(queued, reached.size));
}

export const REMIND_ACTIONS: PostbackAction[] = [{ name: DIGEST_REMIND_ACTION, run: remindOverdue }];
