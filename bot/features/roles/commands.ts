// Who-is-who commands: grant and revoke roles, "my rights" (and my user id), and the first coordinator's claim.

import { appendAudit } from '../../../db/queries/audit-log.ts';
import { consumeBindCode, findBindCode } from '../../../db/queries/bind-codes.ts';
import { findProvinceById } from '../../../db/queries/provinces.ts';
import { grantRole, listRoleHolders, listRoles } from '../../../db/queries/user-roles.ts';
import type { Command } from '../../line/chat/command.ts';
import type { ChatContext } from '../../line/chat/context.ts';
import { COORDINATOR_CODE_KIND, looksLikeCode, readCode } from '../groups/codes.ts';
import { readUserId } from './args.ts';
import { CHANGE_KEYWORD, changeByMention, changeByUserId, describeRole, type RoleChange } from './changes.ts';
import { buildClaim, buildCoordinatorsOnly, buildRoleList, buildUseUserChat } from './messages.ts';
import { followRoleChange } from './rich-menu.ts';

/** The province a coordinator serves (their coordinator grant's). */
export function coordinatorProvinceOf(ctx: ChatContext): string | undefined {
  return ctx.who.roles.find((r) => r.role === 'coordinator')?.provinceId;
}

async function changeRoles(ctx: ChatContext, args: string, change: RoleChange): Promise<void> {
  const provinceId = coordinatorProvinceOf(ctx);
  if (provinceId === undefined) return ctx.answer(buildCoordinatorsOnly(`การ${CHANGE_KEYWORD[change]}`));
  if (ctx.chat.kind === 'room') return ctx.answer(buildUseUserChat(CHANGE_KEYWORD[change]));
  if (ctx.chat.kind === 'group') return changeByMention(ctx, provinceId, args, change);
  return changeByUserId(ctx, provinceId, args, change);
}

/** "สิทธิ์ของฉัน" shows your own id and roles; a coordinator may look up someone else's by id. */
async function showRoles(ctx: ChatContext, args: string): Promise<void> {
  // In groups "สิทธิ์…" is an everyday word: answer only the bare command, and only with a pointer to 1:1.
  if (ctx.chat.kind !== 'user') return args === '' ? ctx.answer(buildUseUserChat('ดูสิทธิ์ของท่าน')) : undefined;
  const other = readUserId(args.split(' ')[0] ?? '');
  if (other !== undefined && !ctx.who.isCoordinator)
    return ctx.answer(buildCoordinatorsOnly('การดูสิทธิ์ของผู้อื่น'));
  const userId = other ?? ctx.who.userId ?? ctx.chat.id;
  const roles = await listRoles(ctx.deps.db, userId);
  const words = await Promise.all(roles.map((r) => describeRole(ctx.deps.db, r)));
  return ctx.answer(buildRoleList(userId, words, other === undefined));
}

/** `ผู้ประสานงาน <code>`: the code printed at first start makes its typist the province's first coordinator. */
async function claim(ctx: ChatContext, args: string): Promise<void> {
  if (ctx.chat.kind !== 'user') {
    // Only a code-shaped argument is a claim; "ผู้ประสานงานบอกว่า…" in a group is conversation.
    return looksLikeCode(args) ? ctx.answer(buildUseUserChat('พิมพ์รหัสผู้ประสานงาน')) : undefined;
  }
  const userId = ctx.chat.id;
  if (args === '') return ctx.answer(buildClaim('missing'));
  const code = readCode(args);
  const found = looksLikeCode(code) ? await findBindCode(ctx.deps.db, code) : undefined;
  if (found === undefined || found.kind !== COORDINATOR_CODE_KIND) return ctx.answer(buildClaim('bad-code'));
  const existing = await listRoleHolders(ctx.deps.db, { provinceId: found.provinceId, role: 'coordinator' });
  if (existing.length > 0) return ctx.answer(buildClaim('has-coordinator'));
  const used = await consumeBindCode(ctx.deps.db, { code, kind: COORDINATOR_CODE_KIND, userId }, ctx.now);
  if (used === undefined) return ctx.answer(buildClaim('bad-code'));
  await grantRole(
    ctx.deps.db,
    { userId, role: 'coordinator', provinceId: used.provinceId, grantedBy: 'claim' },
    ctx.now,
  );
  const detail = { role: 'coordinator', provinceId: used.provinceId, via: 'claim code' };
  await appendAudit(
    ctx.deps.db,
    { actor: userId, action: 'role.grant', subjectType: 'line_user', subjectId: userId, detail },
    ctx.now,
  );
  await followRoleChange(ctx.deps, userId);
  const province = await findProvinceById(ctx.deps.db, used.provinceId);
  return ctx.answer(buildClaim('done', province?.nameTh ?? ''));
}

export const ROLE_COMMANDS: Command[] = [
  {
    keywords: ['ให้สิทธิ์', 'grant'],
    help: {
      usage: 'ให้สิทธิ์ <รหัสผู้ใช้> ผู้ประสานงาน|เจ้าหน้าที่ <หน่วยงาน>|เจ้าหน้าที่รับเรื่อง [หน่วยงาน]',
      text: 'ให้สิทธิ์ผู้ใช้ (ในกลุ่มที่ผูกแล้ว: "ให้สิทธิ์ @ชื่อ" ให้เป็นเจ้าหน้าที่ของหน่วยงานในกลุ่ม)',
      audience: 'coordinator',
      chats: ['user', 'group'],
    },
    takesMentions: true,
    run: (ctx, args) => changeRoles(ctx, args, 'grant'),
  },
  {
    keywords: ['ถอนสิทธิ์', 'revoke'],
    help: {
      usage: 'ถอนสิทธิ์ <รหัสผู้ใช้> <สิทธิ์> [หน่วยงาน]',
      text: 'ถอนสิทธิ์ผู้ใช้ (ในกลุ่มที่ผูกแล้ว: "ถอนสิทธิ์ @ชื่อ")',
      audience: 'coordinator',
      chats: ['user', 'group'],
    },
    takesMentions: true,
    run: (ctx, args) => changeRoles(ctx, args, 'revoke'),
  },
  {
    keywords: ['สิทธิ์ของฉัน', 'สิทธิ์', 'whoami', 'roles'],
    help: { usage: 'สิทธิ์ของฉัน', text: 'ดูรหัสผู้ใช้ LINE และสิทธิ์ของท่าน', audience: 'everyone', chats: ['user'] },
    run: showRoles,
  },
  {
    keywords: ['ผู้ประสานงาน', 'claim'],
    help: {
      usage: 'ผู้ประสานงาน <รหัส>',
      text: 'รับสิทธิ์ผู้ประสานงานคนแรกด้วยรหัสที่ได้ตอนติดตั้งระบบ',
      audience: 'everyone',
      chats: ['user'],
      hidden: true,
    },
    run: claim,
  },
];
