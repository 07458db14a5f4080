// Queries on `image_set_photos` and `image_set_acks`: the photos of one LINE imageSet, handled one event each
// (concurrently), and the set's single acknowledgement.
import { sql } from 'kysely';
import type { Db } from '../db.ts';
import { iso } from '../json.ts';

export interface SetPhoto {
  setId: string;
  lineMessageId: string;
  intakeKey: string;
  stored: boolean;
}

export interface SetTally {
  stored: number;
  refused: number;
}

/** Notes that one photo of the set was handled (a redelivery changes nothing). */
export async function notePhotoOfSet(db: Db, photo: SetPhoto, now: Date): Promise<void> {
  await db.kysely
    .insertInto('image_set_photos')
    .values({
      set_id: photo.setId,
      line_message_id: photo.lineMessageId,
      intake_key: photo.intakeKey,
      stored: photo.stored ? 1 : 0,
      created_at: iso(now),
    })
    .onConflict((oc) => oc.columns(['set_id', 'line_message_id']).doNothing())
    .execute();
}

/**
 * Claims the set's acknowledgement once all `total` photos were handled: one INSERT … SELECT … WHERE, so of
 * the set's events finishing at once exactly one gets the tally; the others get undefined.
 */
export async function claimSetAck(
  db: Db,
  setId: string,
  total: number,
  now: Date,
): Promise<SetTally | undefined> {
  const claimed = await sql<{ set_id: string }>`
    INSERT INTO image_set_acks (set_id, created_at)
    SELECT ${setId}, ${iso(now)}
    WHERE (SELECT count(*) FROM image_set_photos WHERE set_id = ${setId}) >= ${total}
    ON CONFLICT (set_id) DO NOTHING
    RETURNING set_id`.execute(db.kysely);
  if (claimed.rows.length === 0) return undefined;
  const rows = await db.kysely
    .selectFrom('image_set_photos')
    .select(['stored', (eb) => eb.fn.countAll<number>().as('n')])
    .where('set_id', '=', setId)
    .groupBy('stored')
    .execute();
  const count = (stored: number) => Number(rows.find((r) => Number(r.stored) === stored)?.n ?? 0);
  return { stored: count(1), refused: count(0) };
}

/** Forgets sets older than `before` (their drafts are gone after 24 hours anyway). */
export async function forgetImageSets(db: Db, before: Date): Promise<void> {
  await db.batch([
    db.kysely.deleteFrom('image_set_photos').where('created_at', '<', iso(before)),
    db.kysely.deleteFrom('image_set_acks').where('created_at', '<', iso(before)),
  ]);
}
