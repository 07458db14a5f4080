// What a push to some groups costs in LINE's monthly quota (one message per member), and what remains after it:
// shown in the announcement preview, in chat (`ประกาศ`) and in the mini-app's broadcast form alike.
import type { Db } from '../../../db/db.ts';
import { listMemberCounts } from '../../../db/queries/group-members.ts';
import type { Deps } from '../../deps.ts';
import { UNCOUNTED_GROUP_MEMBERS } from './budget.ts';

export interface SendCost {
  /** Messages LINE will count: the groups' members (uncounted groups priced at UNCOUNTED_GROUP_MEMBERS). */
  messages: number;
  /** Groups LINE has not counted yet, priced at UNCOUNTED_GROUP_MEMBERS each. */
  uncountedGroups: number;
  /** 'limited': LINE's plan has a monthly limit; 'none': it has none; 'unread': LINE could not be asked. */
  quota: 'limited' | 'none' | 'unread';
  /** The month's quota left after it (negative: it does not fit); null unless `quota` is 'limited'. */
  remainingAfter: number | null;
}

export async function groupsCost(
  db: Db,
  groupIds: readonly string[],
): Promise<{ messages: number; uncountedGroups: number }> {
  const members = await listMemberCounts(db);
  let messages = 0;
  let uncountedGroups = 0;
  for (const id of groupIds) {
    const count = members.get(id);
    if (count === null || count === undefined) uncountedGroups += 1;
    messages += count ?? UNCOUNTED_GROUP_MEMBERS;
  }
  return { messages, uncountedGroups };
}

export async function costOfSend(
  deps: Pick<Deps, 'db' | 'line'>,
  groupIds: readonly string[],
): Promise<SendCost> {
  const { messages, uncountedGroups } = await groupsCost(deps.db, groupIds);
  try {
    const [quota, used] = await Promise.all([
      deps.line.getMessageQuota(),
      deps.line.getMessageQuotaConsumption(),
    ]);
    if (quota.limit === undefined) return { messages, uncountedGroups, quota: 'none', remainingAfter: null };
    return { messages, uncountedGroups, quota: 'limited', remainingAfter: quota.limit - used - messages };
  } catch {
    return { messages, uncountedGroups, quota: 'unread', remainingAfter: null };
  }
}

const n = (value: number) => value.toLocaleString('en-US');

/**
 * The cost as coordinators read it, one line each: what LINE will count, and what remains of the month (or why
 * that is not known). The last line warns when the announcement does not fit: LINE would refuse it part way.
 */
export function costLines(cost: SendCost): { lines: string[]; shortBy: number } {
  const uncounted =
    cost.uncountedGroups > 0
      ? ` (${cost.uncountedGroups} กลุ่มยังไม่ได้นับสมาชิก คิดกลุ่มละ ${UNCOUNTED_GROUP_MEMBERS} คน)`
      : '';
  const lines = [
    `ใช้โควตาข้อความ LINE ประมาณ ${n(cost.messages)} ข้อความ (1 ข้อความต่อสมาชิกกลุ่ม 1 คน)${uncounted}`,
  ];
  const remaining = cost.remainingAfter;
  if (cost.quota === 'none') lines.push('แพ็กเกจ LINE นี้ไม่จำกัดจำนวนข้อความต่อเดือน');
  else if (cost.quota === 'unread' || remaining === null) lines.push('อ่านโควตาคงเหลือจาก LINE ไม่ได้ในขณะนี้');
  else if (remaining >= 0) lines.push(`หลังส่งจะเหลือโควตาเดือนนี้ ${n(remaining)} ข้อความ`);
  else
    lines.push(
      `โควตาเดือนนี้ไม่พอ ขาดอีก ${n(-remaining)} ข้อความ: LINE จะหยุดรับเมื่อโควตาหมด ส่วนที่เหลือจะส่งต่อเมื่อขึ้นเดือนใหม่หรือเมื่อเพิ่มแพ็กเกจแล้วกด "ส่งต่อ"`,
    );
  return { lines, shortBy: remaining !== null && remaining < 0 ? -remaining : 0 };
}
