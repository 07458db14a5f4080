// Citizens' complaint commands in 1:1 chat: `ร้องเรียน` (the guided intake), `ติดตาม <รหัส>`, `เรื่องของฉัน`,
// `ยกเลิก`, and the buttons of the intake's questions.

import { getConversation } from '../../../db/queries/conversation-state.ts';
import type { Command, PostbackAction } from '../../line/chat/command.ts';
import type { ChatContext } from '../../line/chat/context.ts';
import { text } from '../../line/chat/message-parts.ts';
import { buildUseUserChat } from '../roles/messages.ts';
import { COMPLAINT_FLOW, continueIntake, draftKeyOf, startIntake } from './intake.ts';
import { FLOW_ACTION } from './intake-messages.ts';
import {
  buildMalformedCode,
  buildMyComplaints,
  buildStatus,
  buildTrackUsage,
  buildUnknownCode,
  buildWrongCodesLimited,
  TRACK_ACTION,
} from './messages.ts';
import { listMyComplaints, trackComplaint } from './tracking.ts';

/** `ติดตาม <code>` (handed over by bot/features/progress/commands.ts) and `ติดตามเรื่อง <code>`: 1:1 chat only. */
export async function trackByText(ctx: ChatContext, args: string): Promise<void> {
  // A code typed in a group has been shown to the whole group: say so rather than answer there.
  if (ctx.chat.kind !== 'user') return ctx.answer(buildUseUserChat('ติดตามเรื่องร้องเรียน'));
  if (args.trim() === '') return ctx.answer(buildTrackUsage());
  const outcome = await trackComplaint(ctx.deps, ctx.chat.id, args, ctx.now);
  switch (outcome.kind) {
    case 'found':
      return ctx.answer(buildStatus(outcome.status));
    case 'malformed':
      return ctx.answer(buildMalformedCode(outcome.badChars, outcome.length));
    case 'unknown':
      return ctx.answer(buildUnknownCode());
    case 'limited':
      return ctx.answer(buildWrongCodesLimited(ctx.now));
  }
}

/** `เรื่องของฉัน`, and `ติดตาม` alone from someone who is not a coordinator. */
export async function myComplaints(ctx: ChatContext): Promise<void> {
  if (ctx.chat.kind !== 'user') return ctx.answer(buildUseUserChat('ดูเรื่องร้องเรียนของท่าน'));
  return ctx.answer(buildMyComplaints(await listMyComplaints(ctx.deps, ctx.chat.id)));
}

export const COMPLAINT_COMMANDS: Command[] = [
  {
    keywords: ['แจ้งเรื่องร้องเรียน', 'ร้องเรียน', 'complaint'],
    help: {
      usage: 'ร้องเรียน',
      text: 'แจ้งเรื่องทุจริต ประพฤติมิชอบ หรือการให้บริการ (เลือกไม่ระบุชื่อได้)',
      audience: 'everyone',
      chats: ['user'],
    },
    run: (ctx) =>
      ctx.chat.kind === 'user'
        ? startIntake(ctx)
        : ctx.answer(buildUseUserChat('แจ้งเรื่องร้องเรียน (เพื่อความเป็นส่วนตัวของท่าน)')),
  },
  {
    keywords: ['ติดตามเรื่อง', 'track'],
    help: {
      usage: 'ติดตาม <รหัสติดตาม>',
      text: 'ดูสถานะเรื่องร้องเรียนด้วยรหัสติดตาม',
      audience: 'everyone',
      chats: ['user'],
    },
    run: trackByText,
  },
  {
    keywords: ['เรื่องร้องเรียนของฉัน', 'เรื่องของฉัน', 'my complaints'],
    help: {
      usage: 'เรื่องของฉัน',
      text: 'รายการเรื่องร้องเรียนของท่านพร้อมรหัสติดตาม',
      audience: 'everyone',
      chats: ['user'],
    },
    run: myComplaints,
  },
  {
    // With a draft open, `ยกเลิก` reaches the intake first (bot/line/events/message.ts); here there is none.
    keywords: ['ยกเลิก', 'cancel'],
    help: { usage: 'ยกเลิก', text: 'ยกเลิกสิ่งที่กำลังกรอก', audience: 'everyone', chats: ['user'], hidden: true },
    run: async (ctx) => {
      if (ctx.chat.kind !== 'user') return;
      return ctx.answer([text('ตอนนี้ไม่มีเรื่องที่กำลังกรอกอยู่ค่ะ')]);
    },
  },
];

export const COMPLAINT_ACTIONS: PostbackAction[] = [
  {
    // "ติดตามเรื่องนี้" under the receipt and "เรื่องของฉัน": the same rules as typing the code.
    name: TRACK_ACTION,
    run: (ctx, params) => trackByText(ctx, params.get('code') ?? ''),
  },
  {
    name: FLOW_ACTION,
    async run(ctx, params) {
      if (ctx.chat.kind !== 'user') return;
      const open = await getConversation(ctx.deps.db, ctx.chat.id, ctx.now);
      if (open === undefined || open.flow !== COMPLAINT_FLOW || draftKeyOf(open.draftId) !== params.get('k'))
        return ctx.answer([
          text('ปุ่มนี้เป็นของเรื่องที่ส่งหรือยกเลิกไปแล้ว (เรื่องที่ส่งแล้วดูได้ที่ "เรื่องของฉัน") พิมพ์ "ร้องเรียน" เพื่อแจ้งเรื่องใหม่'),
        ]);
      const input = { kind: 'choice' as const, step: params.get('s') ?? '', choice: params.get('c') ?? '' };
      return continueIntake(ctx, open, input);
    },
  },
];
