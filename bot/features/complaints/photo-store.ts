// Where complaint photos' bytes live: in their D1/SQLite row (Node, and a Worker without a bucket), or in an R2
// bucket on Workers, with the row keeping the metadata and the object's key. Deleting a row — by retention, a
// cancelled or abandoned draft, or its complaint — queues its object (a trigger, db/migrations/0012), and the
// scheduler deletes the queued objects from the bucket.
import type { R2Bucket } from '@cloudflare/workers-types/index.ts';
import type { Db } from '../../../db/db.ts';
import {
  addAttachment,
  addDraftPhotoUnderCap,
  type CappedAdd,
  findAttachment,
  forgetDeletedPhotoObjects,
  listDeletedPhotoObjects,
  type NewAttachment,
} from '../../../db/queries/complaint-attachments.ts';

/** What these functions use of Deps (named here: bot/deps.ts imports PhotoStore from this file). */
interface PhotoDeps {
  db: Db;
  photoStore?: PhotoStore;
  log: { warn(message: string, data?: Record<string, unknown>): void };
}

/** Object storage for photos (R2 on Workers; tests may pass any). */
export interface PhotoStore {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** Undefined when there is no such object. */
  get(key: string): Promise<Uint8Array | undefined>;
  /** Deletes up to 1,000 objects; a key with no object is no error. */
  delete(keys: readonly string[]): Promise<void>;
}

/** The Workers bucket binding as a PhotoStore. */
export function r2PhotoStore(bucket: R2Bucket): PhotoStore {
  return {
    async put(key, bytes, contentType) {
      await bucket.put(key, bytes, { httpMetadata: { contentType } });
    },
    async get(key) {
      const object = await bucket.get(key);
      return object === null ? undefined : new Uint8Array(await object.arrayBuffer());
    },
    async delete(keys) {
      if (keys.length > 0) await bucket.delete([...keys]);
    },
  };
}

/** A fresh, unguessable object key: it names no complaint, draft or person. */
function newObjectKey(): string {
  return `complaint-photos/${crypto.randomUUID()}`;
}

/**
 * Stores one photo: its bytes in the bucket first, then its row (an object without a row is deleted at once;
 * a row never points at a missing object). Undefined when its LINE message was stored before.
 */
export async function savePhoto(
  deps: Omit<PhotoDeps, 'log'>,
  photo: NewAttachment,
  now: Date,
): Promise<number | undefined> {
  const store = deps.photoStore;
  if (store === undefined) return addAttachment(deps.db, photo, now);
  const objectKey = newObjectKey();
  await store.put(objectKey, photo.bytes, photo.contentType);
  try {
    const id = await addAttachment(deps.db, { ...photo, objectKey }, now);
    if (id === undefined) await store.delete([objectKey]); // the same LINE photo again: the first copy stays
    return id;
  } catch (error) {
    await store.delete([objectKey]).catch(() => undefined);
    throw error;
  }
}

/**
 * Stores a draft's photo while the draft holds fewer than `max` (one statement: photos of a set delivered at
 * once never take it past the cap). With a bucket, the object is put first and deleted again when the row is
 * not written (the cap was reached, or the same LINE photo came again).
 */
export async function saveDraftPhotoUnderCap(
  deps: Omit<PhotoDeps, 'log'>,
  photo: { intakeKey: string; lineMessageId: string; contentType: string; bytes: Uint8Array },
  max: number,
  now: Date,
): Promise<CappedAdd> {
  const store = deps.photoStore;
  if (store === undefined) return addDraftPhotoUnderCap(deps.db, photo, max, now);
  const objectKey = newObjectKey();
  await store.put(objectKey, photo.bytes, photo.contentType);
  try {
    const added = await addDraftPhotoUnderCap(deps.db, { ...photo, objectKey }, max, now);
    if (added.kind !== 'stored') await store.delete([objectKey]);
    return added;
  } catch (error) {
    await store.delete([objectKey]).catch(() => undefined);
    throw error;
  }
}

/** One photo of a complaint with its bytes, wherever they are kept. */
export async function readPhoto(
  deps: PhotoDeps,
  complaintId: string,
  id: number,
): Promise<{ contentType: string; bytes: Uint8Array } | undefined> {
  const row = await findAttachment(deps.db, complaintId, id);
  if (row === undefined) return undefined;
  if (row.objectKey === null) return { contentType: row.contentType, bytes: row.bytes };
  const bytes = await deps.photoStore?.get(row.objectKey);
  if (bytes === undefined) {
    deps.log.warn('complaint photo object missing', { id });
    return undefined;
  }
  return { contentType: row.contentType, bytes };
}

/** Objects deleted per scheduler run: R2 deletes up to 1,000 keys a call. */
const SWEEP = 1000;

/** Deletes from the bucket the objects whose rows are gone; returns how many. */
export async function sweepDeletedPhotos(deps: Omit<PhotoDeps, 'log'>): Promise<number> {
  const keys = await listDeletedPhotoObjects(deps.db, SWEEP);
  if (keys.length === 0) return 0;
  // Without a bucket (a Worker whose binding was removed) the keys wait: deleting them here would leak objects.
  if (deps.photoStore === undefined) return 0;
  await deps.photoStore.delete(keys);
  await forgetDeletedPhotoObjects(deps.db, keys);
  return keys.length;
}
