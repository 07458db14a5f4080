// `โควตา` / `quota` (coordinators, 1:1): the month's quota, what is used, the forecast and what to do.
import type { Command } from '../../line/chat/command.ts';
import type { ChatContext } from '../../line/chat/context.ts';
import { coordinatorProvinceOf } from '../roles/commands.ts';
import { buildCoordinatorsOnly, buildUseUserChat } from '../roles/messages.ts';
import { loadQuotaBudget } from './budget.ts';
import { buildQuota } from './messages.ts';

async function showQuota(ctx: ChatContext): Promise<void> {
  if (coordinatorProvinceOf(ctx) === undefined)
    return ctx.answer(buildCoordinatorsOnly('การดูโควตาข้อความ LINE ของบัญชี'));
  if (ctx.chat.kind !== 'user') return ctx.answer(buildUseUserChat('ดูโควตาข้อความ LINE'));
  return ctx.answer(buildQuota(await loadQuotaBudget(ctx.deps, ctx.now)));
}

export const QUOTA_COMMANDS: Command[] = [
  {
    keywords: ['โควตา', 'quota'],
    help: {
      usage: 'โควตา',
      text: 'ดูโควตาข้อความ LINE ของเดือนนี้ ยอดที่ใช้ และประมาณการถึงสิ้นเดือน',
      audience: 'coordinator',
      chats: ['user'],
    },
    run: (ctx) => showQuota(ctx),
  },
];
