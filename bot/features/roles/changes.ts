// Granting and revoking roles from chat: by user id in 1:1, by @mention in a bound group; audited.

import type { Db } from '../../../db/db.ts';
import { findAgencyById } from '../../../db/queries/agencies.ts';
import { appendAudit } from '../../../db/queries/audit-log.ts';
import { findProvinceById } from '../../../db/queries/provinces.ts';
import { grantRole, listRoleHolders, type RoleScope, revokeRole } from '../../../db/queries/user-roles.ts';
import type { Role } from '../../../db/schema.ts';
import { pickAgency } from '../../line/chat/agency-pick.ts';
import type { ChatContext } from '../../line/chat/context.ts';
import { buildAgencyChoices, buildAgencyNotFound } from '../groups/messages.ts';
import { parseRoleRequest, ROLE_WORD, readMentions, readRole } from './args.ts';
import {
  buildGroupNotBoundForRoles,
  buildGroupRoleMismatch,
  buildGroupRoleResult,
  buildLastCoordinator,
  buildRoleChanged,
  buildRoleProblem,
  roleText,
} from './messages.ts';
import { followRoleChange } from './rich-menu.ts';

export type RoleChange = 'grant' | 'revoke';

export const CHANGE_KEYWORD: Record<RoleChange, string> = { grant: 'ให้สิทธิ์', revoke: 'ถอนสิทธิ์' };

/** A role in words, with its agency's and province's names looked up. */
export async function describeRole(db: Db, scope: Omit<RoleScope, 'userId'>): Promise<string> {
  const agency = scope.agencyId ? await findAgencyById(db, scope.agencyId) : undefined;
  const province = await findProvinceById(db, scope.provinceId);
  return roleText(scope.role, agency?.nameTh, province?.nameTh ?? '');
}

/**
 * Grants or revokes one role, never taking the province's last coordinator away (nobody could grant anything
 * again); 'last' when refused for that reason, else whether anything changed.
 */
export async function applyRoleChange(
  db: Db,
  change: RoleChange,
  scope: RoleScope,
  by: string,
  now: Date,
): Promise<boolean | 'last'> {
  if (change === 'revoke' && scope.role === 'coordinator') {
    const holders = await listRoleHolders(db, { provinceId: scope.provinceId, role: 'coordinator' });
    if (holders.length === 1 && holders[0]?.userId === scope.userId) return 'last';
  }
  const changed =
    change === 'grant' ? await grantRole(db, { ...scope, grantedBy: by }, now) : await revokeRole(db, scope);
  if (changed) {
    const detail = { role: scope.role, provinceId: scope.provinceId, agencyId: scope.agencyId ?? null };
    await appendAudit(
      db,
      { actor: by, action: `role.${change}`, subjectType: 'line_user', subjectId: scope.userId, detail },
      now,
    );
  }
  return changed;
}

/** 1:1 chat: `<userId> <role> [agency]`, the agency picked from a list when the name is ambiguous. */
export async function changeByUserId(
  ctx: ChatContext,
  provinceId: string,
  args: string,
  change: RoleChange,
): Promise<void> {
  const request = parseRoleRequest(args);
  if (!request.ok) return ctx.answer(buildRoleProblem(request.problem));
  let agencyId: string | null = null;
  if (request.role !== 'coordinator' && request.agencyText !== '') {
    const pick = await pickAgency(ctx.deps.db, provinceId, request.agencyText);
    if (pick.kind === 'none') return ctx.answer(buildAgencyNotFound(request.agencyText));
    if (pick.kind === 'many') {
      const again = (id: string) =>
        `${CHANGE_KEYWORD[change]} ${request.userId} ${ROLE_WORD[request.role]} ${id}`;
      return ctx.answer(buildAgencyChoices(pick.agencies, pick.more, (a) => again(a.id)));
    }
    agencyId = pick.agency.id;
  }
  const scope = { userId: request.userId, role: request.role, provinceId, agencyId };
  const outcome = await applyRoleChange(ctx.deps.db, change, scope, ctx.who.userId ?? '', ctx.now);
  if (outcome === 'last') return ctx.answer(buildLastCoordinator());
  if (outcome) await followRoleChange(ctx.deps, request.userId);
  const role = await describeRole(ctx.deps.db, scope);
  return ctx.answer(buildRoleChanged(change, request.userId, role, outcome));
}

/** A bound group: the people @mentioned get (or lose) the group's own role — staff, or officers of its duty. */
export async function changeByMention(
  ctx: ChatContext,
  provinceId: string,
  args: string,
  change: RoleChange,
): Promise<void> {
  const record = ctx.group?.record;
  if (record === undefined || record.kind === null || record.provinceId !== provinceId)
    return ctx.answer(buildGroupNotBoundForRoles());
  const role: Role = record.kind === 'staff' ? 'staff' : 'officer';
  const scope = { role, provinceId, agencyId: record.agencyId };
  const roleName = await describeRole(ctx.deps.db, scope);
  const { people, everyone, rest } = readMentions(args, ctx.mentions ?? []);
  const named = rest === '' ? undefined : readRole(rest);
  if (rest !== '' && (named?.role !== role || named.rest !== ''))
    return ctx.answer(buildGroupRoleMismatch(roleName));
  const result = { changed: [] as string[], unchanged: [] as string[], noId: [] as string[] };
  for (const person of people) {
    if (person.userId === undefined) {
      result.noId.push(person.text);
      continue;
    }
    const done = await applyRoleChange(
      ctx.deps.db,
      change,
      { ...scope, userId: person.userId },
      ctx.who.userId ?? '',
      ctx.now,
    );
    if (done === true) await followRoleChange(ctx.deps, person.userId);
    (done === true ? result.changed : result.unchanged).push(person.text);
  }
  return ctx.answer(buildGroupRoleResult({ change, role: roleName, everyone, ...result }));
}
