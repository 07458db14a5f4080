// The features' one list for the chat: every command and button action of the bot, the conversations that take
// a message first, and the word to newcomers in a group. Loading this file registers them with the plumbing
// (bot/line/chat/registry.ts); bot/app.ts and bot/scheduler.ts load it. `ช่วยเหลือ` is built from the commands.

import type { Command, PostbackAction } from '../line/chat/command.ts';
import { buildHelp } from '../line/chat/help.ts';
import { registerChatFeatures } from '../line/chat/registry.ts';
import { BROADCAST_ACTIONS, BROADCAST_COMMANDS } from './broadcasts/commands.ts';
import { COMPLAINT_CASE_ACTIONS, COMPLAINT_CASE_COMMANDS } from './complaints/case-commands.ts';
import { COMPLAINT_ACTIONS, COMPLAINT_COMMANDS } from './complaints/commands.ts';
import { routeToIntake } from './complaints/intake-hook.ts';
import { GROUP_COMMANDS } from './groups/commands.ts';
import { handleMemberJoined } from './groups/member-joined.ts';
import { TASK_ACTIONS, TASK_COMMANDS } from './plan/commands.ts';
import { REMIND_ACTIONS } from './plan/remind-overdue.ts';
import { PROGRESS_COMMANDS } from './progress/commands.ts';
import { QUOTA_COMMANDS } from './quota/commands.ts';
import { REPORT_COMMANDS } from './reports/commands.ts';
import { ROLE_COMMANDS } from './roles/commands.ts';
import { SURVEY_ACTIONS, SURVEY_COMMANDS } from './surveys/commands.ts';

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
  ...QUOTA_COMMANDS,
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

registerChatFeatures({
  commands: COMMANDS,
  actions: ACTIONS,
  conversations: [routeToIntake],
  memberJoined: handleMemberJoined,
});
