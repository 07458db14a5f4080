// Who-is-who texts: refusals, role grants and revocations, "my rights", and the first coordinator's claim.
import type { Role } from '../../../db/schema.ts';
import { text } from '../../line/chat/message-parts.ts';
import type { LineMessage } from '../../line/client.ts';

/** A role in words: "ผู้ประสานงานจังหวัดปทุมธานี", "เจ้าหน้าที่ ITA ของเทศบาลนครรังสิต". */
export function roleText(role: Role, agencyName: string | undefined, provinceName: string): string {
  const where = agencyName ?? `จังหวัด${provinceName}`;
  switch (role) {
    case 'coordinator':
      return `ผู้ประสานงานจังหวัด${provinceName}`;
    case 'staff':
      return `เจ้าหน้าที่ ITA ของ${where}`;
    case 'officer':
      return `เจ้าหน้าที่รับเรื่องร้องเรียนของ${where}`;
  }
}

/** A polite no, for commands only coordinators may use; `what` is the action, e.g. "การส่งประกาศ". */
export function buildCoordinatorsOnly(what: string): LineMessage[] {
  return [text(`ขออภัยค่ะ ${what}ทำได้เฉพาะผู้ประสานงานจังหวัด หากต้องการสิทธิ์ กรุณาติดต่อสำนักงานจังหวัด`)];
}

/** The command works in 1:1 chat only; `what` names it, e.g. "ส่งประกาศ". */
export function buildUseUserChat(what: string): LineMessage[] {
  return [text(`กรุณา${what}ในแชตส่วนตัวกับบัญชีนี้ค่ะ`)];
}

const USAGE = [
  'ให้สิทธิ์หรือถอนสิทธิ์ด้วยรหัสผู้ใช้ LINE (ให้ผู้นั้นพิมพ์ "สิทธิ์ของฉัน" ในแชตส่วนตัวกับบัญชีนี้เพื่อดูรหัส) เช่น',
  '• ให้สิทธิ์ U1234… ผู้ประสานงาน',
  '• ให้สิทธิ์ U1234… เจ้าหน้าที่ เทศบาลนครรังสิต',
  '• ให้สิทธิ์ U1234… เจ้าหน้าที่รับเรื่อง (ของจังหวัด หรือระบุหน่วยงานต่อท้าย)',
  '• ถอนสิทธิ์ U1234… เจ้าหน้าที่ เทศบาลนครรังสิต',
  'ในกลุ่มที่ผูกกับหน่วยงานแล้ว พิมพ์ "ให้สิทธิ์ @ชื่อสมาชิก" เพื่อให้เป็นเจ้าหน้าที่ของหน่วยงานนั้นได้เลยค่ะ',
].join('\n');

const ROLE_PROBLEMS = {
  usage: USAGE,
  user: `รหัสผู้ใช้ LINE ขึ้นต้นด้วย U ตามด้วยตัวอักษร 32 ตัวค่ะ\n${USAGE}`,
  role: `กรุณาระบุสิทธิ์เป็น ผู้ประสานงาน, เจ้าหน้าที่ หรือ เจ้าหน้าที่รับเรื่อง ค่ะ\n${USAGE}`,
  'agency-needed': 'กรุณาระบุหน่วยงานต่อท้ายค่ะ เช่น "ให้สิทธิ์ U1234… เจ้าหน้าที่ เทศบาลนครรังสิต"',
  'no-agency': 'สิทธิ์ผู้ประสานงานเป็นของทั้งจังหวัด ไม่ต้องระบุหน่วยงานค่ะ',
} as const;

export function buildRoleProblem(problem: keyof typeof ROLE_PROBLEMS): LineMessage[] {
  return [text(ROLE_PROBLEMS[problem])];
}

/** The outcome of granting or revoking one role in 1:1 chat. */
export function buildRoleChanged(
  change: 'grant' | 'revoke',
  who: string,
  role: string,
  changed: boolean,
): LineMessage[] {
  if (change === 'grant')
    return [text(changed ? `ให้สิทธิ์ ${role} แก่ ${who} แล้วค่ะ` : `${who} มีสิทธิ์ ${role} อยู่แล้วค่ะ`)];
  return [text(changed ? `ถอนสิทธิ์ ${role} ของ ${who} แล้วค่ะ` : `${who} ไม่มีสิทธิ์ ${role} อยู่แล้วค่ะ`)];
}

export function buildLastCoordinator(): LineMessage[] {
  return [text('ถอนสิทธิ์ไม่ได้ค่ะ นี่คือผู้ประสานงานคนสุดท้ายของจังหวัด กรุณาให้สิทธิ์ผู้ประสานงานคนใหม่ก่อน')];
}

/** Grants or revocations for the people mentioned in a group. */
export function buildGroupRoleResult(input: {
  change: 'grant' | 'revoke';
  role: string;
  changed: readonly string[];
  unchanged: readonly string[];
  noId: readonly string[];
  everyone: boolean;
}): LineMessage[] {
  const lines: string[] = [];
  const verb = input.change === 'grant' ? 'ให้สิทธิ์' : 'ถอนสิทธิ์';
  if (input.changed.length > 0) lines.push(`${verb} ${input.role} แก่ ${input.changed.join(' ')} แล้วค่ะ`);
  if (input.unchanged.length > 0)
    lines.push(`${input.unchanged.join(' ')} ${input.change === 'grant' ? 'มีสิทธิ์นี้อยู่แล้ว' : 'ไม่มีสิทธิ์นี้อยู่แล้ว'}`);
  if (input.noId.length > 0)
    lines.push(
      `ยังทำรายการให้ ${input.noId.join(' ')} ไม่ได้ เพราะ LINE ไม่ส่งรหัสผู้ใช้มา กรุณาให้ผู้นั้นเพิ่มบัญชีนี้เป็นเพื่อนแล้วลองอีกครั้ง`,
    );
  if (input.everyone) lines.push(`${verb}ทั้งกลุ่มด้วย @All ไม่ได้ กรุณากล่าวถึงทีละคนค่ะ`);
  if (lines.length === 0) lines.push(`กรุณากล่าวถึงสมาชิกที่ต้องการ${verb}ค่ะ เช่น "${verb} @ชื่อสมาชิก"`);
  return [text(lines.join('\n'))];
}

export function buildGroupRoleMismatch(groupRole: string): LineMessage[] {
  return [text(`ในกลุ่มนี้ให้สิทธิ์ได้เฉพาะ ${groupRole} ค่ะ พิมพ์ "ให้สิทธิ์ @ชื่อสมาชิก" ส่วนสิทธิ์อื่นให้ทำในแชตส่วนตัวด้วยรหัสผู้ใช้`)];
}

export function buildGroupNotBoundForRoles(): LineMessage[] {
  return [text('กลุ่มนี้ยังไม่ได้ผูกกับหน่วยงานค่ะ ผูกกลุ่มก่อน หรือให้สิทธิ์ในแชตส่วนตัวด้วยรหัสผู้ใช้')];
}

/** "สิทธิ์ของฉัน": the user's id (to give a coordinator) and their roles. */
export function buildRoleList(userId: string, roles: readonly string[], self: boolean): LineMessage[] {
  const head = self ? `รหัสผู้ใช้ LINE ของท่านคือ\n${userId}` : `สิทธิ์ของ ${userId}`;
  const body =
    roles.length === 0
      ? self
        ? 'ตอนนี้ท่านใช้งานแบบประชาชนทั่วไป หากเป็นเจ้าหน้าที่ ส่งรหัสนี้ให้ผู้ประสานงานจังหวัดเพื่อขอสิทธิ์ค่ะ'
        : 'ยังไม่มีสิทธิ์ใดค่ะ'
      : `สิทธิ์ที่มี:\n${roles.map((r) => `• ${r}`).join('\n')}`;
  return [text(`${head}\n\n${body}`)];
}

export type ClaimOutcome = 'done' | 'missing' | 'bad-code' | 'has-coordinator';

export function buildClaim(outcome: ClaimOutcome, provinceName = ''): LineMessage[] {
  switch (outcome) {
    case 'done':
      return [text(`ยินดีด้วยค่ะ ท่านเป็นผู้ประสานงานจังหวัด${provinceName}แล้ว\nพิมพ์ "ช่วยเหลือ" เพื่อดูคำสั่งของผู้ประสานงาน`)];
    case 'missing':
      return [text('พิมพ์รหัสที่แสดงตอนเริ่มระบบต่อท้ายค่ะ เช่น "ผู้ประสานงาน K7QM4X"')];
    case 'bad-code':
      return [text('รหัสนี้ใช้ไม่ได้ค่ะ (ไม่ถูกต้อง ใช้ไปแล้ว หรือหมดอายุ) ผู้ดูแลระบบดูรหัสล่าสุดได้เมื่อเริ่มระบบใหม่')];
    case 'has-coordinator':
      return [text('จังหวัดนี้มีผู้ประสานงานแล้วค่ะ กรุณาขอสิทธิ์จากผู้ประสานงานที่มีอยู่')];
  }
}
