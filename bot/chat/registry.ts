// Every chat command and button action of the bot, in one list each; `ช่วยเหลือ` is built from them.
import { BROADCAST_ACTIONS, BROADCAST_COMMANDS } from '../commands/broadcast.ts';
import { COMPLAINT_CASE_ACTIONS, COMPLAINT_CASE_COMMANDS } from '../commands/complaint-actions.ts';
import { GROUP_COMMANDS } from '../commands/groups.ts';
import { PROGRESS_COMMANDS } from '../commands/progress.ts';
import { ROLE_COMMANDS } from '../commands/roles.ts';
import { SURVEY_ACTIONS, SURVEY_COMMANDS } from '../commands/surveys.ts';
import { TASK_ACTIONS, TASK_COMMANDS } from '../commands/tasks.ts';
import { COMPLAINT_ACTIONS, COMPLAINT_COMMANDS } from '../complaints/commands.ts';
import { REMIND_ACTIONS } from '../features/plan/remind-overdue.ts';
import { REPORT_COMMANDS } from '../features/reports/commands.ts';
import { buildHelp } from '../messages/help.ts';
import type { Command, PostbackAction } from './command.ts';

const helpCommand: Command = {
  keywords: ['ช่วยเหลือ', 'วิธีใช้', 'help'],
  help: { usage: 'ช่วยเหลือ', text: 'ดูคำสั่งที่ใช้ได้', audience: 'everyone', chats: ['user', 'group', 'room'] },
  run: (ctx) => ctx.answer(buildHelp(COMMANDS, ctx.who, ctx.chat.kind)),
};

export const COMMANDS: readonly Command[] = [
  helpCommand,
  ...GROUP_COMMANDS,
  ...ROLE_COMMANDS,
  ...TASK_COMMANDS,
  ...BROADCAST_COMMANDS,
  ...PROGRESS_COMMANDS,
  ...SURVEY_COMMANDS,
  ...REPORT_COMMANDS,
  ...COMPLAINT_COMMANDS,
  ...COMPLAINT_CASE_COMMANDS,
];

export const ACTIONS: readonly PostbackAction[] = [
  ...TASK_ACTIONS,
  ...REMIND_ACTIONS,
  ...BROADCAST_ACTIONS,
  ...SURVEY_ACTIONS,
  ...COMPLAINT_ACTIONS,
  ...COMPLAINT_CASE_ACTIONS,
];
