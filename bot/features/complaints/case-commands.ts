// Complaint buttons in chat: "รับทราบ" and "รับเรื่องไว้ดำเนินการ" on the officers' group card, and the
// reporter's rating and reopen request under a closing notice (`เปิดเรื่องอีกครั้ง <code> <เหตุผล>`).
// Close, refer and reject need text: officers do them in LIFF (the card's link).
import { parseTrackingCode } from '../../../core/complaints/tracking-code.ts';
import { listComplaintEvents, rateComplaint } from '../../../db/queries/complaint-events.ts';
import { type Complaint, findComplaintByTrackingCode } from '../../../db/queries/complaints.ts';
import type { Command, PostbackAction } from '../../line/chat/command.ts';
import type { ChatContext } from '../../line/chat/context.ts';
import { findDisplayName } from '../../line/chat/display-name.ts';
import { text } from '../../line/chat/message-parts.ts';
import { applyComplaintAction } from './actions.ts';
import {
  buildAlreadyRated,
  buildComplaintGone,
  buildNeedsUserId,
  buildNotRatable,
  buildOfficerAlready,
  buildOfficerDone,
  buildOfficerOnly,
  buildReopened,
  buildReopenHowTo,
  buildThanksForRating,
  buildUnknownCode,
  RATE_ACTION,
  REOPEN_ASK_ACTION,
  REOPEN_KEYWORD,
} from './case-messages.ts';
import { eitOfferFor } from './notify.ts';

/** Who moved the complaint to its current status, and when (for "already done by …"). */
async function lastChangeOf(ctx: ChatContext, complaint: Complaint) {
  const events = await listComplaintEvents(ctx.deps.db, complaint.id);
  const last = events.filter((e) => e.status === complaint.status).at(-1);
  const by = complaint.status === 'in_progress' ? (complaint.assignedTo ?? last?.actor) : last?.actor;
  return { byName: await findDisplayName(ctx, by), at: last?.at };
}

function officerAction(name: string, action: 'acknowledge' | 'take'): PostbackAction {
  return {
    name,
    async run(ctx, params) {
      const userId = ctx.who.userId;
      if (userId === undefined) return ctx.answer(buildNeedsUserId());
      const complaintId = params.get('id') ?? '';
      const outcome = await applyComplaintAction(ctx.deps, {
        complaintId,
        action,
        actor: { userId, who: ctx.who },
      });
      if (outcome.ok)
        return ctx.answer(
          buildOfficerDone(action, outcome.complaint.trackingCode, await findDisplayName(ctx, userId)),
        );
      const c = outcome.complaint;
      if (outcome.reason === 'not_found' || c === undefined) return ctx.answer(buildComplaintGone());
      if (outcome.reason === 'forbidden') return ctx.answer(buildOfficerOnly());
      const last = await lastChangeOf(ctx, c);
      return ctx.answer(buildOfficerAlready(c.trackingCode, c.status, last.byName, last.at));
    },
  };
}

/** The complaint behind a code from a button or typed text; the code is the reporter's key to it. */
async function byCode(ctx: ChatContext, raw: string | null): Promise<Complaint | undefined> {
  const code = parseTrackingCode(raw ?? '');
  return code === undefined ? undefined : findComplaintByTrackingCode(ctx.deps.db, code);
}

const rate: PostbackAction = {
  name: RATE_ACTION,
  async run(ctx, params) {
    const complaint = await byCode(ctx, params.get('code'));
    if (complaint === undefined) return ctx.answer(buildUnknownCode());
    const rating = Number(params.get('r'));
    if (!Number.isInteger(rating) || rating < 1 || rating > 5) return ctx.answer(buildNotRatable());
    if (complaint.status !== 'closed') return ctx.answer(buildNotRatable());
    if (!(await rateComplaint(ctx.deps.db, complaint.id, rating, ctx.now)))
      return ctx.answer(buildAlreadyRated());
    return ctx.answer(buildThanksForRating(rating, await eitOfferFor(ctx.deps, complaint, ctx.now)));
  },
};

const askReopen: PostbackAction = {
  name: REOPEN_ASK_ACTION,
  async run(ctx, params) {
    const complaint = await byCode(ctx, params.get('code'));
    if (complaint === undefined) return ctx.answer(buildUnknownCode());
    return ctx.answer(buildReopenHowTo(complaint.trackingCode));
  },
};

/** `เปิดเรื่องอีกครั้ง <code> <เหตุผล>`: the code is three groups of five, possibly typed without dashes. */
async function reopen(ctx: ChatContext, args: string): Promise<void> {
  if (ctx.chat.kind !== 'user') return;
  const match = /^([0-9A-Za-z๐-๙]{5}[\s-]?[0-9A-Za-z๐-๙]{5}[\s-]?[0-9A-Za-z๐-๙]{5})\s*(.*)$/su.exec(
    args.trim(),
  );
  const complaint = match === null ? undefined : await byCode(ctx, match[1] ?? '');
  if (complaint === undefined) return ctx.answer(buildUnknownCode());
  const reason = match?.[2] ?? '';
  if (reason.trim() === '') return ctx.answer(buildReopenHowTo(complaint.trackingCode));
  const outcome = await applyComplaintAction(ctx.deps, {
    complaintId: complaint.id,
    action: 'reopen',
    actor: 'reporter',
    text: reason,
  });
  if (outcome.ok) return ctx.answer(buildReopened(complaint.trackingCode));
  return ctx.answer([text(`${outcome.message}ค่ะ`)]);
}

export const COMPLAINT_CASE_ACTIONS: PostbackAction[] = [
  officerAction('complaint.ack', 'acknowledge'),
  officerAction('complaint.take', 'take'),
  rate,
  askReopen,
];

export const COMPLAINT_CASE_COMMANDS: Command[] = [
  {
    keywords: [REOPEN_KEYWORD, 'reopen'],
    help: {
      usage: `${REOPEN_KEYWORD} <รหัส> <เหตุผล>`,
      text: 'ขอให้หน่วยงานพิจารณาเรื่องร้องเรียนที่ปิดแล้วอีกครั้ง (1 ครั้งต่อเรื่อง)',
      audience: 'everyone',
      chats: ['user'],
    },
    run: reopen,
  },
];
