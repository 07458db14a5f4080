// Member counts of the LINE groups the bot is in: what one push into a group costs in LINE's monthly quota.
import type { Db } from '../db.ts';
import { iso } from '../json.ts';

export async function setMemberCount(
  db: Db,
  groupId: string,
  count: number | null,
  now: Date,
): Promise<void> {
  await db.kysely
    .updateTable('line_groups')
    .set({ member_count: count, member_count_at: iso(now) })
    .where('group_id', '=', groupId)
    .execute();
}

/** Each group the bot is still in, with its last count (null: never counted). */
export async function listMemberCounts(db: Db): Promise<Map<string, number | null>> {
  const rows = await db.kysely
    .selectFrom('line_groups')
    .select(['group_id', 'member_count'])
    .where('left_at', 'is', null)
    .execute();
  return new Map(rows.map((r) => [r.group_id, r.member_count]));
}

/** Groups the bot is in whose count is missing or older than `before`, oldest first. */
export async function listStaleMemberCounts(db: Db, before: Date, limit: number): Promise<string[]> {
  const rows = await db.kysely
    .selectFrom('line_groups')
    .select('group_id')
    .where('left_at', 'is', null)
    .where((eb) => eb.or([eb('member_count_at', 'is', null), eb('member_count_at', '<', iso(before))]))
    .orderBy('member_count_at')
    .limit(limit)
    .execute();
  return rows.map((r) => r.group_id);
}
