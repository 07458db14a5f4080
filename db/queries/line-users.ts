// Queries on `line_users`: everyone who has talked to the bot, with when they were first and last seen.
import type { Selectable } from 'kysely';
import type { Db } from '../db.ts';
import { iso } from '../json.ts';
import type { LineUsersTable } from '../schema.ts';

export interface LineUser {
  userId: string;
  displayName: string | null;
  firstSeenAt: string;
  lastSeenAt: string;
  /** Set while the user has blocked (unfollowed) the account. */
  unfollowedAt: string | null;
}

function toLineUser(row: Selectable<LineUsersTable>): LineUser {
  return {
    userId: row.user_id,
    displayName: row.display_name,
    firstSeenAt: row.first_seen_at,
    lastSeenAt: row.last_seen_at,
    unfollowedAt: row.unfollowed_at,
  };
}

/** Records that the user was seen now; keeps the first sighting and a known display name when none is given. */
export async function upsertLineUser(
  db: Db,
  user: { userId: string; displayName?: string | null },
  now: Date,
): Promise<LineUser> {
  const row = await db.kysely
    .insertInto('line_users')
    .values({
      user_id: user.userId,
      display_name: user.displayName ?? null,
      first_seen_at: iso(now),
      last_seen_at: iso(now),
    })
    .onConflict((oc) =>
      oc.column('user_id').doUpdateSet((eb) => ({
        display_name: eb.fn.coalesce('excluded.display_name', 'line_users.display_name'),
        last_seen_at: eb.ref('excluded.last_seen_at'),
      })),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
  return toLineUser(row);
}

export async function findLineUser(db: Db, userId: string): Promise<LineUser | undefined> {
  const row = await db.kysely
    .selectFrom('line_users')
    .selectAll()
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row && toLineUser(row);
}

/**
 * For follow and unfollow events (bot/line/events): pushes to an unfollowed user fail, so senders (the digest)
 * check unfollowedAt. Only users on record are marked; false when the user is unknown.
 */
export async function setFollowing(db: Db, userId: string, following: boolean, now: Date): Promise<boolean> {
  const result = await db.kysely
    .updateTable('line_users')
    .set({ unfollowed_at: following ? null : iso(now), last_seen_at: iso(now) })
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
