// Group binding commands: a coordinator's one-time code per agency, binding a group with it, and unbinding.
import { appendAudit } from '../../../db/queries/audit-log.ts';
import { unbindGroup } from '../../../db/queries/line-groups.ts';
import { findProvinceById } from '../../../db/queries/provinces.ts';
import { pickAgency } from '../../line/chat/agency-pick.ts';
import type { Command } from '../../line/chat/command.ts';
import type { ChatContext } from '../../line/chat/context.ts';
import { readRole } from '../roles/args.ts';
import { coordinatorProvinceOf } from '../roles/commands.ts';
import { buildCoordinatorsOnly, buildUseUserChat } from '../roles/messages.ts';
import { bindWithCode, targetOfGroup } from './bind.ts';
import { type GroupCodeKind, issueCode } from './codes.ts';
import type { GroupTarget } from './messages.ts';
import {
  buildAgencyChoices,
  buildAgencyNotFound,
  buildBindCode,
  buildBindCodeUsage,
  buildNotBound,
  buildUnbindInUserChat,
  buildUnbindRefused,
  buildUnbound,
} from './messages.ts';

/** `รหัสผูกกลุ่ม <agency>` or `รหัสผูกกลุ่ม เจ้าหน้าที่รับเรื่อง [agency]` (the officers' group of either). */
async function requestCode(ctx: ChatContext, args: string): Promise<void> {
  const provinceId = coordinatorProvinceOf(ctx);
  if (provinceId === undefined) return ctx.answer(buildCoordinatorsOnly('การขอรหัสผูกกลุ่ม'));
  if (ctx.chat.kind !== 'user') return ctx.answer(buildUseUserChat('ขอรหัสผูกกลุ่ม'));
  // "เจ้าหน้าที่รับเรื่อง …" asks for an officers' group; a leading "เจ้าหน้าที่" (staff) is the default anyway.
  const role = readRole(args);
  const kind: GroupCodeKind = role?.role === 'officer' ? 'officers' : 'staff';
  const agencyText = role?.role === 'officer' || role?.role === 'staff' ? role.rest : args;
  if (kind === 'staff' && agencyText === '') return ctx.answer(buildBindCodeUsage());
  let agency: GroupTarget['agency'];
  if (agencyText !== '') {
    const pick = await pickAgency(ctx.deps.db, provinceId, agencyText);
    if (pick.kind === 'none') return ctx.answer(buildAgencyNotFound(agencyText));
    if (pick.kind === 'many') {
      const prefix = kind === 'officers' ? 'รหัสผูกกลุ่ม เจ้าหน้าที่รับเรื่อง' : 'รหัสผูกกลุ่ม';
      return ctx.answer(buildAgencyChoices(pick.agencies, pick.more, (a) => `${prefix} ${a.id}`));
    }
    agency = pick.agency;
  }
  const input = { provinceId, agencyId: agency?.id ?? null, kind, createdBy: ctx.who.userId ?? null };
  const code = await issueCode(ctx.deps.db, input, ctx.now);
  const province = await findProvinceById(ctx.deps.db, provinceId);
  const target = { kind, agency, provinceName: province?.nameTh ?? '' };
  return ctx.answer(buildBindCode(target, code.code, new Date(code.expiresAt)));
}

/**
 * `ยกเลิกผูกกลุ่ม`: the coordinator, or someone responsible for what the group serves (the agency's staff; a
 * complaint officer for an officers' group). Not any member: unbinding silently stops an agency's deadline
 * reminders, and a member who just wants the bot gone can remove it from the group (a `leave`).
 */
async function unbind(ctx: ChatContext): Promise<void> {
  if (ctx.chat.kind !== 'group') return ctx.answer(buildUnbindInUserChat());
  const record = ctx.group?.record;
  const target = record === undefined ? undefined : await targetOfGroup(ctx, record);
  if (record === undefined || target === undefined) return ctx.answer(buildNotBound());
  const { who } = ctx;
  const allowed =
    coordinatorProvinceOf(ctx) === record.provinceId ||
    (record.kind === 'staff' && record.agencyId !== null && who.staffAgencyIds.includes(record.agencyId)) ||
    (record.kind === 'officers' && who.isOfficer);
  if (!allowed) return ctx.answer(buildUnbindRefused(target));
  await unbindGroup(ctx.deps.db, record.groupId);
  const detail = { agencyId: record.agencyId, kind: record.kind };
  await appendAudit(
    ctx.deps.db,
    {
      actor: who.userId ?? 'unknown',
      action: 'group.unbind',
      subjectType: 'line_group',
      subjectId: record.groupId,
      detail,
    },
    ctx.now,
  );
  return ctx.answer(buildUnbound(target));
}

export const GROUP_COMMANDS: Command[] = [
  {
    keywords: ['รหัสผูกกลุ่ม', 'bindcode'],
    help: {
      usage: 'รหัสผูกกลุ่ม <ชื่อหน่วยงาน>',
      text: 'ขอรหัสใช้ครั้งเดียว (7 วัน) ให้กลุ่ม LINE ของหน่วยงานผูกกับหน่วยงาน',
      audience: 'coordinator',
      chats: ['user'],
    },
    run: requestCode,
  },
  {
    keywords: ['ผูกกลุ่ม', 'bind'],
    help: {
      usage: 'ผูกกลุ่ม <รหัส>',
      text: 'ผูกกลุ่มนี้กับหน่วยงานด้วยรหัสจากผู้ประสานงาน',
      audience: 'everyone',
      chats: ['group'],
    },
    run: bindWithCode,
  },
  {
    keywords: ['ยกเลิกผูกกลุ่ม', 'unbind'],
    help: {
      usage: 'ยกเลิกผูกกลุ่ม',
      text: 'เลิกผูกกลุ่มนี้กับหน่วยงาน (หยุดการแจ้งเตือน)',
      audience: 'staff',
      chats: ['group'],
    },
    run: unbind,
  },
];
