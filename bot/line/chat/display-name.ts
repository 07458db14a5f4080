// The name LINE shows for a user, for "done by …" lines: stored in line_users, else asked from LINE once.
import { findLineUser, upsertLineUser } from '../../../db/queries/line-users.ts';
import type { ChatContext } from './context.ts';

/** Stored name, else the profile from LINE (a group's or room's member's in a group or room; stored for next time); undefined when unknown. */
export async function findDisplayName(
  ctx: ChatContext,
  userId: string | null | undefined,
): Promise<string | undefined> {
  if (userId == null || !userId.startsWith('U')) return undefined;
  const { db, line } = ctx.deps;
  const stored = (await findLineUser(db, userId))?.displayName;
  if (stored) return stored;
  try {
    // A group's or a room's member may not be a friend of the account: ask the chat's own member endpoint.
    const profile =
      ctx.chat.kind === 'group'
        ? await line.getGroupMemberProfile(ctx.chat.id, userId)
        : ctx.chat.kind === 'room'
          ? await line.getRoomMemberProfile(ctx.chat.id, userId)
          : await line.getProfile(userId);
    await upsertLineUser(db, { userId, displayName: profile.displayName }, ctx.now);
    return profile.displayName;
  } catch (error) {
    // Unknown or blocked users and left members have no profile: the card just omits the name.
    ctx.deps.log.warn('display name not found', {
      reason: error instanceof Error ? error.message : String(error),
    });
    return undefined;
  }
}
