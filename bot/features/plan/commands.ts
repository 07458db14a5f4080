// `งาน` / `tasks` (an agency's open ITA tasks) and the "เสร็จแล้ว" button that marks a task done for an agency.
import { fiscalYearOf } from '../../../core/index.ts';
import {
  findActivityStatus,
  listStatusHistory,
  setActivityStatus,
} from '../../../db/queries/activity-status.ts';
import { type Agency, findAgencyById, listAgencies } from '../../../db/queries/agencies.ts';
import { findActivityById } from '../../../db/queries/plan-activities.ts';
import { listSurveyLinks } from '../../../db/queries/survey-links.ts';
import { type Command, type PostbackAction, postbackData } from '../../line/chat/command.ts';
import type { ChatContext, Who } from '../../line/chat/context.ts';
import { findDisplayName } from '../../line/chat/display-name.ts';
import { liffUrlOf } from '../../line/liff-url.ts';
import { loadTargetRules } from '../surveys/target-rules.ts';
import {
  buildDoneNeedsUserId,
  buildDoneNotAllowed,
  buildTaskAlreadyDone,
  buildTaskDone,
  buildTaskGone,
  buildTaskList,
  buildTasksInOfficersGroup,
  buildTasksInRoom,
  buildTasksNeedBinding,
  buildTasksNotStaff,
  buildTaskUndone,
  buildUndoRefused,
  UNDO_MINUTES,
} from './messages.ts';
import { DONE_ACTION, type TaskCard } from './reminder-messages.ts';
import { cardOf, listOpenTasks, responsibleAgencyIds } from './tasks.ts';

/** May this person mark the agency's tasks: its ITA staff, or a coordinator of its province. */
function mayMark(who: Who, agency: Agency): boolean {
  return (
    who.staffAgencyIds.includes(agency.id) ||
    who.roles.some((r) => r.role === 'coordinator' && r.provinceId === agency.provinceId)
  );
}

/** Open tasks of these agencies (each in its own province's plan), as one list. */
async function answerTasks(ctx: ChatContext, agencies: readonly Agency[], whose: string): Promise<void> {
  const { db } = ctx.deps;
  const year = fiscalYearOf(ctx.now);
  const rules = await loadTargetRules(db, (m) => ctx.deps.log.warn(m));
  const cards: TaskCard[] = [];
  for (const provinceId of new Set(agencies.map((a) => a.provinceId))) {
    const ids = agencies.filter((a) => a.provinceId === provinceId).map((a) => a.id);
    const links = await listSurveyLinks(db, provinceId, year);
    const tasks = await listOpenTasks(db, provinceId, year, ids);
    cards.push(...tasks.map((t) => cardOf(t, ctx.now, links, rules)));
  }
  cards.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.seq - b.seq);
  await ctx.answer(
    buildTaskList(cards, whose, liffUrlOf(ctx.deps.publicBaseUrl, ctx.deps.liff.liffId, 'plan')),
  );
}

/** The agencies a person answers for in 1:1 chat: those they are staff of, and a coordinator's provincial office. */
async function agenciesOf(ctx: ChatContext): Promise<Agency[]> {
  const { db } = ctx.deps;
  const found = new Map<string, Agency>();
  for (const id of ctx.who.staffAgencyIds) {
    const agency = await findAgencyById(db, id);
    if (agency !== undefined) found.set(id, agency);
  }
  for (const role of ctx.who.roles.filter((r) => r.role === 'coordinator')) {
    const offices = await listAgencies(db, role.provinceId, { types: ['provincial_office'] });
    for (const office of offices) found.set(office.id, office);
  }
  return [...found.values()];
}

async function showTasks(ctx: ChatContext, args: string): Promise<void> {
  // In a group, "งาน…" may just start a sentence: only the bare command is ours.
  if (ctx.chat.kind !== 'user' && args !== '') return;
  if (ctx.chat.kind === 'room') return ctx.answer(buildTasksInRoom());
  if (ctx.chat.kind === 'group') {
    const group = ctx.group;
    if (group === undefined || group.record.kind === null) return ctx.answer(buildTasksNeedBinding());
    if (group.record.kind !== 'staff' || group.agency === undefined)
      return ctx.answer(buildTasksInOfficersGroup());
    return answerTasks(ctx, [group.agency], group.agency.nameTh);
  }
  const agencies = await agenciesOf(ctx);
  if (agencies.length === 0) return ctx.answer(buildTasksNotStaff());
  const [only] = agencies;
  return answerTasks(ctx, agencies, agencies.length === 1 && only ? only.nameTh : 'หน่วยงานที่ท่านรับผิดชอบ');
}

async function markDone(ctx: ChatContext, params: URLSearchParams): Promise<void> {
  const { db } = ctx.deps;
  const activity = await findActivityById(db, params.get('act') ?? '');
  const agency = await findAgencyById(db, params.get('ag') ?? '');
  if (activity === undefined || agency === undefined) return ctx.answer(buildTaskGone());
  const responsible = responsibleAgencyIds(activity, await listAgencies(db, activity.provinceId));
  if (!responsible.includes(agency.id)) return ctx.answer(buildTaskGone());
  const userId = ctx.who.userId;
  if (userId === undefined) return ctx.answer(buildDoneNeedsUserId());
  if (!mayMark(ctx.who, agency)) return ctx.answer(buildDoneNotAllowed(agency.nameTh));
  const change = { activityId: activity.id, agencyId: agency.id, status: 'done' as const, by: userId };
  const { changed, status } = await setActivityStatus(db, change, ctx.now);
  const view = {
    seq: activity.seq,
    title: activity.titleTh,
    agencyName: agency.nameTh,
    byName: await findDisplayName(ctx, status.updatedBy),
    at: new Date(status.updatedAt),
  };
  const undo = postbackData(UNDO_ACTION, { act: activity.id, ag: agency.id });
  return ctx.answer(changed ? buildTaskDone(view, undo) : buildTaskAlreadyDone(view));
}

const UNDO_ACTION = 'task_undo';

/**
 * "ยกเลิก" under "เสร็จแล้ว": within UNDO_MINUTES of the record, by someone who may mark it, the task goes back
 * to the status it had before (its history says which), so the reminders pick it up again at the next tick.
 */
async function undoDone(ctx: ChatContext, params: URLSearchParams): Promise<void> {
  const { db } = ctx.deps;
  const activity = await findActivityById(db, params.get('act') ?? '');
  const agency = await findAgencyById(db, params.get('ag') ?? '');
  if (activity === undefined || agency === undefined) return ctx.answer(buildTaskGone());
  const userId = ctx.who.userId;
  if (userId === undefined) return ctx.answer(buildDoneNeedsUserId());
  if (!mayMark(ctx.who, agency)) return ctx.answer(buildDoneNotAllowed(agency.nameTh));
  const current = await findActivityStatus(db, activity.id, agency.id);
  if (current?.status !== 'done') return ctx.answer(buildUndoRefused('open'));
  if (ctx.now.getTime() - new Date(current.updatedAt).getTime() > UNDO_MINUTES * 60_000)
    return ctx.answer(buildUndoRefused('late'));
  const history = await listStatusHistory(db, activity.id, agency.id);
  const before = history.at(-2)?.status;
  const status = before === undefined || before === 'done' ? 'not_started' : before;
  await setActivityStatus(db, { activityId: activity.id, agencyId: agency.id, status, by: userId }, ctx.now);
  return ctx.answer(
    buildTaskUndone({ seq: activity.seq, title: activity.titleTh, agencyName: agency.nameTh }),
  );
}

export const TASK_COMMANDS: Command[] = [
  {
    keywords: ['งานค้าง', 'งานของฉัน', 'งาน', 'tasks', 'task'],
    help: {
      usage: 'งาน',
      text: 'ดูงาน ITA ที่ยังไม่เสร็จของหน่วยงานพร้อมกำหนดส่ง และกด "เสร็จแล้ว" เมื่อทำเสร็จ',
      audience: 'staff',
      chats: ['group', 'user'],
    },
    run: showTasks,
  },
];

export const TASK_ACTIONS: PostbackAction[] = [
  { name: DONE_ACTION, run: markDone },
  { name: UNDO_ACTION, run: undoDone },
];
