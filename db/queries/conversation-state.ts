// Queries on `conversation_state`: where a user is in a guided 1:1 flow (complaint intake draft, pickers).
import type { Selectable } from 'kysely';
import type { Db } from '../db.ts';
import { iso, parseJson } from '../json.ts';
import type { ConversationStateTable } from '../schema.ts';

export interface Conversation {
  userId: string;
  flow: string;
  step: string;
  data: unknown;
  /** Random id of this run of the flow: a complaint's intake key, what its photos hang on. */
  draftId: string;
  /** Incremented on every save; pass it back as `expectedVersion` to save the next step. */
  version: number;
  updatedAt: string;
  expiresAt: string;
}

export interface ConversationSave {
  userId: string;
  flow: string;
  step: string;
  data: unknown;
  draftId: string;
  expiresAt: Date;
  /** The version the step was computed from; omit to start (or restart) the flow. */
  expectedVersion?: number;
}

function toConversation(row: Selectable<ConversationStateTable>): Conversation {
  return {
    userId: row.user_id,
    flow: row.flow,
    step: row.step,
    data: parseJson(row.data),
    draftId: row.draft_id,
    version: row.version,
    updatedAt: row.updated_at,
    expiresAt: row.expires_at,
  };
}

/** The user's flow, unless it has expired (an expired one reads as none even before it is swept). */
export async function getConversation(db: Db, userId: string, now: Date): Promise<Conversation | undefined> {
  const row = await db.kysely
    .selectFrom('conversation_state')
    .selectAll()
    .where('user_id', '=', userId)
    .where('expires_at', '>', iso(now))
    .executeTakeFirst();
  return row && toConversation(row);
}

/**
 * Saves a step as a compare-and-set on `version`: two deliveries of the same message cannot both advance
 * the flow. Returns the new version, or undefined when someone else saved first (re-read and re-ask).
 */
export async function saveConversation(
  db: Db,
  save: ConversationSave,
  now: Date,
): Promise<number | undefined> {
  const fields = {
    flow: save.flow,
    step: save.step,
    data: JSON.stringify(save.data ?? null),
    draft_id: save.draftId,
    updated_at: iso(now),
    expires_at: iso(save.expiresAt),
  };
  if (save.expectedVersion === undefined) {
    const row = await db.kysely
      .insertInto('conversation_state')
      .values({ user_id: save.userId, ...fields })
      .onConflict((oc) =>
        oc.column('user_id').doUpdateSet((eb) => ({ ...fields, version: eb('version', '+', 1) })),
      )
      .returning('version')
      .executeTakeFirstOrThrow();
    return row.version;
  }
  const row = await db.kysely
    .updateTable('conversation_state')
    .set((eb) => ({ ...fields, version: eb('version', '+', 1) }))
    .where('user_id', '=', save.userId)
    .where('version', '=', save.expectedVersion)
    .returning('version')
    .executeTakeFirst();
  return row?.version;
}

/** Ends the flow (done or `ยกเลิก`); with `expectedVersion`, only if nobody moved it on meanwhile. */
export async function deleteConversation(db: Db, userId: string, expectedVersion?: number): Promise<boolean> {
  let query = db.kysely.deleteFrom('conversation_state').where('user_id', '=', userId);
  if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
  const result = await query.executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Ends the run `draftId` of the user's flow (`ยกเลิก`) and deletes the photos uploaded to it, in one batch. */
export async function deleteDraftConversation(db: Db, userId: string, draftId: string): Promise<void> {
  await db.batch([
    db.kysely
      .deleteFrom('complaint_attachments')
      .where('intake_key', '=', draftId)
      .where('complaint_id', 'is', null),
    db.kysely.deleteFrom('conversation_state').where('user_id', '=', userId).where('draft_id', '=', draftId),
  ]);
}

/**
 * Sweeps expired flows and the photos uploaded for drafts that never became complaints, in one batch:
 * an abandoned draft leaves nothing behind (issue 5 §1). Returns who lost which flow.
 */
export async function expireConversations(db: Db, now: Date): Promise<{ userId: string; flow: string }[]> {
  const expired = db.kysely
    .selectFrom('conversation_state')
    .select('draft_id')
    .where('expires_at', '<=', iso(now));
  const photos = db.kysely
    .deleteFrom('complaint_attachments')
    .where('complaint_id', 'is', null)
    .where('intake_key', 'in', expired);
  const flows = db.kysely
    .deleteFrom('conversation_state')
    .where('expires_at', '<=', iso(now))
    .returning(['user_id', 'flow']);
  const [, deleted] = await db.batch([photos, flows]);
  return deleted.rows.map((r) => ({ userId: r.user_id, flow: r.flow }));
}
