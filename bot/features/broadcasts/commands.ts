// `ประกาศ` / `announce`: a coordinator's announcement to bound groups — preview, audience picker, send, cancel.
import type { Broadcast } from '../../../db/queries/broadcasts.ts';
import { cancelBroadcast, createBroadcast, setBroadcastFilter } from '../../../db/queries/broadcasts.ts';
import type { Command, PostbackAction } from '../../line/chat/command.ts';
import type { ChatContext } from '../../line/chat/context.ts';
import { coordinatorProvinceOf } from '../roles/commands.ts';
import { buildCoordinatorsOnly, buildUseUserChat } from '../roles/messages.ts';
import type { BroadcastFilter } from './audience.ts';
import { PRESETS, parseAudience } from './audience.ts';
import { findDraft, previewBroadcast, provinceNameOf, sendDraft } from './draft.ts';
import {
  BROADCAST_ACTION,
  buildActivityChoices,
  buildBroadcastClosed,
  buildBroadcastProblem,
  buildBroadcastUsage,
  buildCancelled,
  buildDistrictChoices,
  maxBodyChars,
} from './messages.ts';
import { agenciesNotDone, listAgencyActivities, listDistricts, resolveFilter } from './recipients.ts';

/** The text after the keyword as typed, line breaks kept (the matched args have them folded to spaces). */
function bodyOf(ctx: ChatContext, args: string): string {
  const raw = ctx.messageText?.replace(/^[\s\u200b]+/, '') ?? args;
  return raw.replace(/^(ประกาศ|announce)/i, '').trim();
}

async function announce(ctx: ChatContext, args: string): Promise<void> {
  const provinceId = coordinatorProvinceOf(ctx);
  if (ctx.chat.kind !== 'user') {
    // "ประกาศ…" is an everyday word in a group: only a coordinator is answered there, pointed to 1:1 chat.
    return provinceId === undefined ? undefined : ctx.answer(buildUseUserChat('ส่งประกาศ'));
  }
  if (provinceId === undefined) return ctx.answer(buildCoordinatorsOnly('การส่งประกาศ'));
  const parsed = parseAudience(bodyOf(ctx, args));
  if (!parsed.ok) return ctx.answer(buildBroadcastProblem({ kind: parsed.problem, value: parsed.value }));
  if (parsed.text === '') return ctx.answer(buildBroadcastUsage());
  const max = maxBodyChars(await provinceNameOf(ctx.deps.db, provinceId));
  if (parsed.text.length > max)
    return ctx.answer(buildBroadcastProblem({ kind: 'too-long', length: parsed.text.length, max }));
  const resolved = await resolveFilter(ctx.deps.db, provinceId, parsed.filter, ctx.now);
  if (!resolved.ok)
    return ctx.answer(
      buildBroadcastProblem(
        resolved.problem === 'district'
          ? { kind: 'district', value: resolved.value, districts: resolved.districts }
          : { kind: 'no-activity', seq: resolved.seq },
      ),
    );
  const input = {
    provinceId,
    text: parsed.text,
    filter: resolved.filter,
    createdBy: ctx.who.userId ?? ctx.chat.id,
  };
  const draft = await createBroadcast(ctx.deps.db, input, ctx.now);
  return ctx.answer(await previewBroadcast(ctx.deps, draft));
}

/** Runs a button's work for the draft named by `id`, after checking a coordinator of its province pressed it. */
function onDraft(run: (ctx: ChatContext, draft: Broadcast, params: URLSearchParams) => Promise<void>) {
  return async (ctx: ChatContext, params: URLSearchParams): Promise<void> => {
    const provinceId = coordinatorProvinceOf(ctx);
    if (provinceId === undefined) return ctx.answer(buildCoordinatorsOnly('การส่งประกาศ'));
    const found = await findDraft(ctx.deps.db, params.get('id') ?? '', provinceId);
    if ('answer' in found) return ctx.answer(found.answer);
    return run(ctx, found.draft, params);
  };
}

/** The audience a quick reply chose: a preset, a district (by its place in the list), or an activity number. */
async function chosenFilter(
  ctx: ChatContext,
  provinceId: string,
  params: URLSearchParams,
): Promise<BroadcastFilter | undefined> {
  const f = params.get('f') ?? '';
  const preset = Object.hasOwn(PRESETS, f) ? PRESETS[f] : undefined;
  if (preset !== undefined) return preset.types.length > 0 ? { types: preset.types } : {};
  const index = Number(params.get('d') ?? Number.NaN);
  const district = Number.isInteger(index)
    ? (await listDistricts(ctx.deps.db, provinceId))[index]
    : undefined;
  if (district !== undefined) return { districts: [district] };
  const seq = Number(params.get('act') ?? Number.NaN);
  if (!Number.isInteger(seq)) return undefined;
  const resolved = await resolveFilter(
    ctx.deps.db,
    provinceId,
    { types: [], districts: [], notDoneSeq: seq },
    ctx.now,
  );
  return resolved.ok ? resolved.filter : undefined;
}

export const BROADCAST_COMMANDS: Command[] = [
  {
    keywords: ['ประกาศ', 'announce'],
    help: {
      usage: 'ประกาศ [ผู้รับ] <ข้อความ>',
      text: 'ส่งประกาศถึงกลุ่มหน่วยงาน (ดูตัวอย่างและยืนยันก่อนส่ง) เช่น ประกาศ [อปท.] … หรือ [อำเภอ: คลองหลวง]',
      audience: 'coordinator',
      chats: ['user'],
    },
    run: announce,
  },
];

export const BROADCAST_ACTIONS: PostbackAction[] = [
  {
    name: BROADCAST_ACTION.send,
    run: onDraft(async (ctx, draft, params) => {
      const by = ctx.who.userId ?? ctx.chat.id;
      await ctx.answer(await sendDraft(ctx.deps, draft, { key: params.get('k') ?? '', by }, ctx.now));
    }),
  },
  {
    name: BROADCAST_ACTION.cancel,
    run: onDraft(async (ctx, draft) => {
      const cancelled = await cancelBroadcast(ctx.deps.db, draft.id);
      await ctx.answer(cancelled ? buildCancelled() : buildBroadcastClosed('confirmed'));
    }),
  },
  {
    name: BROADCAST_ACTION.audience,
    run: onDraft(async (ctx, draft, params) => {
      const filter = await chosenFilter(ctx, draft.provinceId, params);
      if (filter !== undefined) await setBroadcastFilter(ctx.deps.db, draft.id, filter);
      const current = filter === undefined ? draft : { ...draft, filter };
      await ctx.answer(await previewBroadcast(ctx.deps, current));
    }),
  },
  {
    name: BROADCAST_ACTION.pick,
    run: onDraft(async (ctx, draft, params) => {
      if (params.get('by') === 'district')
        return ctx.answer(buildDistrictChoices(draft.id, await listDistricts(ctx.deps.db, draft.provinceId)));
      const activities = await listAgencyActivities(ctx.deps.db, draft.provinceId, ctx.now);
      const open = [];
      for (const a of activities) if ((await agenciesNotDone(ctx.deps.db, a)).length > 0) open.push(a);
      return ctx.answer(buildActivityChoices(draft.id, open));
    }),
  },
];
