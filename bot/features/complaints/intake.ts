// The chat intake of a complaint (issue 5 §1): a draft in conversation_state, moved one step per answer with a
// compare-and-set on its version, so a redelivered, retried or doubled event never skips or repeats a step.

import { INTAKE_RULES } from '../../../core/complaints/intake-rules.ts';
import { newToken } from '../../../db/db.ts';
import { countDraftAttachments } from '../../../db/queries/complaint-attachments.ts';
import {
  type Conversation,
  deleteConversation,
  deleteDraftConversation,
  getConversation,
  saveConversation,
} from '../../../db/queries/conversation-state.ts';
import { claimSetAck, notePhotoOfSet } from '../../../db/queries/image-sets.ts';
import type { ChatContext } from '../../line/chat/context.ts';
import { text } from '../../line/chat/message-parts.ts';
import type { LineMessage } from '../../line/client.ts';
import { loadSettings } from '../settings/settings.ts';
import { fileComplaint } from './file.ts';
import { buildPrivacyNotice, type Step } from './intake-messages.ts';
import { applyStep, type Draft, type IntakeInput, questionOf, type StepEnv } from './intake-steps.ts';
import { peekLimit } from './limits.ts';
import { buildLimited, buildReceipt, buildSummary } from './messages.ts';
import { storePhoto } from './photos.ts';

export const COMPLAINT_FLOW = 'complaint';
export const DRAFT_TTL_MS = 24 * 60 * 60 * 1000;
/** The same free text again within this time, at the next step, is a doubled message, not an answer. */
const DUPLICATE_WINDOW_MS = 2 * 60 * 1000;

const STEPS: readonly Step[] = [
  'type',
  'agency',
  'description',
  'whenWhere',
  'photos',
  'identity',
  'name',
  'phone',
  'confirm',
  'edit',
];
const isStep = (s: string): s is Step => (STEPS as readonly string[]).includes(s);
const CANCEL_WORDS = ['ยกเลิก', 'cancel'];

/** The 8 characters of the draft id that buttons carry. */
export const draftKeyOf = (draftId: string) => draftId.replace(/-/g, '').slice(0, 8);

const draftOf = (c: Conversation): Draft => c.data as Draft;

async function envOf(ctx: ChatContext, c: Conversation): Promise<StepEnv> {
  return {
    deps: ctx.deps,
    draftKey: draftKeyOf(c.draftId),
    photoCount: await countDraftAttachments(ctx.deps.db, c.draftId),
  };
}

async function questionMessages(ctx: ChatContext, c: Conversation, step: Step, draft: Draft, lead?: string) {
  const env = await envOf(ctx, c);
  const summary = step === 'confirm' ? await buildSummary(ctx.deps, draft, env.photoCount) : '';
  return questionOf(step, env, summary, lead, draft);
}

/** The open draft's current question again (after the intake's help). */
export async function questionAgain(ctx: ChatContext, c: Conversation): Promise<LineMessage[]> {
  return isStep(c.step) ? questionMessages(ctx, c, c.step, draftOf(c)) : [];
}

async function ask(
  ctx: ChatContext,
  c: Conversation,
  step: Step,
  draft: Draft,
  lead?: string,
  before: LineMessage[] = [],
) {
  const messages = [...before, ...(await questionMessages(ctx, c, step, draft, lead))];
  // LINE takes at most 5 messages in one reply.
  await ctx.answer(messages.slice(-5));
}

/** `ร้องเรียน`: starts a draft (or resumes the open one) after the privacy notice. */
export async function startIntake(ctx: ChatContext): Promise<void> {
  const userId = ctx.chat.id;
  const open = await getConversation(ctx.deps.db, userId, ctx.now);
  if (open !== undefined && open.flow === COMPLAINT_FLOW && isStep(open.step))
    return ask(
      ctx,
      open,
      open.step,
      draftOf(open),
      'ท่านมีเรื่องที่กรอกค้างไว้ ตอบต่อจากคำถามนี้ได้เลย (หรือพิมพ์ "ยกเลิก" เพื่อเริ่มใหม่)',
    );
  const provinceId = ctx.who.provinceId;
  if (provinceId === undefined)
    return ctx.answer([text('ขออภัย ระบบยังไม่พร้อมรับเรื่องร้องเรียน โปรดติดต่อสำนักงานจังหวัด')]);
  const { complaintsPerHour } = await loadSettings(ctx.deps.db);
  const hash = await ctx.deps.complaintCrypto.reporterHash(userId);
  if ((await peekLimit(ctx.deps.db, 'complaint-new', hash, ctx.now)) >= complaintsPerHour)
    return ctx.answer(buildLimited(ctx.now, complaintsPerHour));
  const draftId = newToken();
  const draft: Draft = { provinceId };
  const save = { userId, flow: COMPLAINT_FLOW, step: 'type', data: draft, draftId };
  const version = await saveConversation(
    ctx.deps.db,
    { ...save, expiresAt: new Date(ctx.now.getTime() + DRAFT_TTL_MS) },
    ctx.now,
  );
  const started: Conversation = { ...save, version: version ?? 1, updatedAt: '', expiresAt: '' };
  const notice = buildPrivacyNotice(`${ctx.deps.publicBaseUrl}/privacy`);
  return ask(ctx, started, 'type', draft, undefined, [notice]);
}

/** `ยกเลิก`: ends the draft and deletes its photos, in one batch. */
export async function cancelIntake(ctx: ChatContext, c: Conversation): Promise<void> {
  await deleteDraftConversation(ctx.deps.db, c.userId, c.draftId);
  await ctx.answer([text('ยกเลิกการแจ้งเรื่องแล้ว ไม่มีข้อมูลใดถูกเก็บไว้ พิมพ์ "ร้องเรียน" เมื่อต้องการเริ่มใหม่')]);
}

export interface Delivery {
  /** The message event's id and send time; absent for button presses (their step guards them). */
  eventId?: string;
  sentAt?: number;
}

/** An answer to the open draft: applies it to the current step, saves, and asks the next question. */
export async function continueIntake(
  ctx: ChatContext,
  first: Conversation,
  input: IntakeInput,
  delivery: Delivery = {},
): Promise<void> {
  let c = first;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    if (!isStep(c.step)) return cancelIntake(ctx, c);
    const draft = draftOf(c);
    if (input.kind === 'text' && CANCEL_WORDS.includes(input.text.trim().toLowerCase()))
      return cancelIntake(ctx, c);
    if (input.kind === 'choice' && input.step !== c.step)
      return ask(ctx, c, c.step, draft, 'ปุ่มนั้นเป็นของคำถามก่อนหน้า โปรดตอบคำถามนี้ค่ะ');
    if (delivery.eventId !== undefined && delivery.eventId === draft.lastEventId)
      return ask(ctx, c, c.step, draft);
    const hash =
      input.kind === 'text'
        ? await ctx.deps.complaintCrypto.reporterHash(`intake:${input.text.trim()}`)
        : undefined;
    const recent =
      delivery.sentAt !== undefined &&
      draft.lastAt !== undefined &&
      Math.abs(delivery.sentAt - draft.lastAt) < DUPLICATE_WINDOW_MS;
    if (hash !== undefined && hash === draft.lastHash && recent) return ask(ctx, c, c.step, draft);
    if (input.kind === 'image' && c.step === 'photos') return acceptPhoto(ctx, c, input);
    const env = await envOf(ctx, c);
    const result = await applyStep(env, c.step, draft, input);
    if (result.kind === 'stay') {
      if (result.extra !== undefined) return ctx.answer(result.extra);
      return ask(ctx, c, c.step, draft, result.lead);
    }
    if (result.kind === 'confirm') return confirm(ctx, c, draft);
    const moved: Draft = {
      ...result.draft,
      lastEventId: delivery.eventId,
      lastHash: hash,
      lastAt: delivery.sentAt,
    };
    const save = {
      userId: c.userId,
      flow: COMPLAINT_FLOW,
      step: result.step,
      data: moved,
      draftId: c.draftId,
    };
    const expiresAt = new Date(ctx.now.getTime() + DRAFT_TTL_MS);
    const version = await saveConversation(
      ctx.deps.db,
      { ...save, expiresAt, expectedVersion: c.version },
      ctx.now,
    );
    if (version !== undefined) return ask(ctx, { ...c, ...save, version }, result.step, moved, result.lead);
    // Someone else (the same message delivered twice at once) moved the draft first: judge again from there.
    const now = await getConversation(ctx.deps.db, c.userId, ctx.now);
    if (now === undefined || now.flow !== COMPLAINT_FLOW || now.draftId !== c.draftId) return;
    c = now;
  }
}

async function acceptPhoto(
  ctx: ChatContext,
  c: Conversation,
  input: Extract<IntakeInput, { kind: 'image' }>,
) {
  const draft = draftOf(c);
  const stored = await storePhoto(ctx.deps, c.draftId, input, ctx.now);
  if (input.set === undefined)
    return ask(ctx, c, 'photos', draft, stored.ok ? `ได้รับรูปที่ ${stored.value} แล้ว` : stored.message);
  // Photos sent together arrive one event each, at once: the set is answered once, when its last one is in.
  const photo = {
    setId: input.set.id,
    lineMessageId: input.messageId,
    intakeKey: c.draftId,
    stored: stored.ok,
  };
  await notePhotoOfSet(ctx.deps.db, photo, ctx.now);
  const tally = await claimSetAck(ctx.deps.db, input.set.id, input.set.total, ctx.now);
  if (tally === undefined) return;
  return ask(ctx, c, 'photos', draft, setAcknowledgement(tally));
}

/** "ได้รับ 3 รูปแล้ว", and what was not taken, in one line. */
function setAcknowledgement(tally: { stored: number; refused: number }): string {
  const got = tally.stored > 0 ? `ได้รับ ${tally.stored} รูปแล้ว` : 'ไม่ได้แนบรูปชุดนี้';
  if (tally.refused === 0) return got;
  return `${got} อีก ${tally.refused} รูปแนบไม่ได้ (แนบได้ไม่เกิน ${INTAKE_RULES.maxPhotos} รูป รูปละไม่เกิน ${INTAKE_RULES.maxPhotoBytes / 1_000_000} เมกะไบต์)`;
}

async function confirm(ctx: ChatContext, c: Conversation, draft: Draft): Promise<void> {
  const { complaintCrypto: crypto } = ctx.deps;
  const settings = await loadSettings(ctx.deps.db);
  const outcome = await fileComplaint(
    ctx.deps,
    {
      provinceId: draft.provinceId,
      agencyId: draft.agencyId ?? null,
      type: draft.type ?? '',
      channel: 'chat',
      description: draft.description ?? '',
      occurredAt: draft.occurredAt ?? null,
      place: draft.place ?? null,
      lat: draft.lat ?? null,
      lng: draft.lng ?? null,
      identityMode: draft.identityMode ?? '',
      name: draft.sealedName === undefined ? null : await crypto.open(draft.sealedName),
      phone: draft.sealedPhone === undefined ? null : await crypto.open(draft.sealedPhone),
      userId: c.userId,
      intakeKey: c.draftId,
    },
    ctx.now,
    settings,
  );
  if (outcome.kind === 'limited') return ctx.answer(buildLimited(ctx.now, outcome.limit, true));
  if (outcome.kind === 'invalid')
    return ask(ctx, c, 'confirm', draft, `${outcome.message} (กด "แก้ไข" เพื่อเปลี่ยนคำตอบนั้น)`);
  await deleteConversation(ctx.deps.db, c.userId);
  return ctx.answer(buildReceipt(outcome.complaint, settings));
}
