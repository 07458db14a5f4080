// `ผูกกลุ่ม <code>`: anyone in a group binds it to the code's agency; the code is used up atomically, once.
import { findAgencyById } from '../../../db/queries/agencies.ts';
import { appendAudit } from '../../../db/queries/audit-log.ts';
import { findBindCode } from '../../../db/queries/bind-codes.ts';
import type { LineGroup } from '../../../db/queries/line-groups.ts';
import { bindGroupWithCode } from '../../../db/queries/line-groups.ts';
import { findProvinceById } from '../../../db/queries/provinces.ts';
import { hitRateLimit } from '../../../db/queries/rate-limits.ts';
import type { ChatContext } from '../../line/chat/context.ts';
import { looksLikeCode, readCode } from './codes.ts';
import type { GroupTarget } from './messages.ts';
import { buildAlreadyBound, buildBindProblem, buildBound, describeTarget } from './messages.ts';

/**
 * Codes tried per group per hour. A code is one of ~244 million and lives 7 days; ten guesses an hour make
 * guessing hopeless while leaving room for typos.
 */
const BIND_ATTEMPTS_PER_HOUR = 10;

const GROUP_CODE_KINDS: readonly string[] = ['staff', 'officers'];

/** What a bound group serves, with names for sentences; undefined while unbound. */
export async function targetOfGroup(ctx: ChatContext, group: LineGroup): Promise<GroupTarget | undefined> {
  if (group.kind === null || group.provinceId === null) return undefined;
  const agency = group.agencyId === null ? undefined : await findAgencyById(ctx.deps.db, group.agencyId);
  const province = await findProvinceById(ctx.deps.db, group.provinceId);
  return { kind: group.kind, agency, provinceName: province?.nameTh ?? '' };
}

/** Why a code did not bind, read back after the attempt (the attempt itself is the only check that counts). */
async function whyNot(ctx: ChatContext, code: string) {
  const found = await findBindCode(ctx.deps.db, code);
  if (found === undefined || !GROUP_CODE_KINDS.includes(found.kind)) return buildBindProblem('unknown');
  if (found.usedAt !== null) return buildBindProblem('used');
  if (found.expiresAt <= ctx.now.toISOString()) return buildBindProblem('expired');
  return buildBindProblem('unknown');
}

/**
 * Re-binding needs a code too: the code is the coordinator's say-so. A code for what the group already
 * serves is not used up (it can still bind another group); a code for something else moves the group and
 * says from what to what.
 */
export async function bindWithCode(ctx: ChatContext, args: string): Promise<void> {
  if (ctx.chat.kind === 'user') return ctx.answer(buildBindProblem('user-chat'));
  if (ctx.chat.kind === 'room') return ctx.answer(buildBindProblem('room'));
  if (args === '') return ctx.answer(buildBindProblem('missing'));
  const hour = ctx.now.toISOString().slice(0, 13);
  const tries = await hitRateLimit(ctx.deps.db, `bind-group:${ctx.chat.id}`, hour);
  if (tries > BIND_ATTEMPTS_PER_HOUR) return ctx.answer(buildBindProblem('too-many'));
  const code = readCode(args);
  if (!looksLikeCode(code)) return ctx.answer(buildBindProblem('unknown'));
  const current = ctx.group?.record;
  const before = current === undefined ? undefined : await targetOfGroup(ctx, current);
  const found = await findBindCode(ctx.deps.db, code);
  const same =
    found !== undefined &&
    current !== undefined &&
    before !== undefined &&
    found.kind === current.kind &&
    found.agencyId === current.agencyId &&
    found.provinceId === current.provinceId;
  if (same) return ctx.answer(buildAlreadyBound(before));
  const input = { code, groupId: ctx.chat.id, userId: ctx.who.userId ?? null };
  const bound = await bindGroupWithCode(ctx.deps.db, input, ctx.now);
  const target = bound === undefined ? undefined : await targetOfGroup(ctx, bound);
  if (target === undefined) return ctx.answer(await whyNot(ctx, code));
  const detail = {
    code,
    agencyId: bound?.agencyId ?? null,
    kind: target.kind,
    before: current?.agencyId ?? null,
  };
  const actor = ctx.who.userId ?? 'unknown';
  await appendAudit(
    ctx.deps.db,
    { actor, action: 'group.bind', subjectType: 'line_group', subjectId: ctx.chat.id, detail },
    ctx.now,
  );
  return ctx.answer(buildBound(target, before === undefined ? undefined : describeTarget(before)));
}
