// COMPLAINT_KEY's check value (issue 14 §3): a known text sealed with the key at the first start. Every start
// (Node) and a Worker's first request open it: a key that does not open it stops the app before any request
// is served, so a wrong key can never seal new complaints beside ones it cannot read.
import { sql } from 'kysely';
import type { Db } from '../../../db/db.ts';
import { iso, parseJson } from '../../../db/json.ts';
import { getSetting, setSetting } from '../../../db/queries/app-settings.ts';
import { buildAudit } from '../../../db/queries/audit-log.ts';
import { type ComplaintCrypto, ComplaintKeyError } from './crypto.ts';

export const KEY_CHECK_SETTING = 'complaint.key_check';
const KEY_CHECK_TEXT = 'ita-line complaint key check v1';

export type KeyCheck = 'recorded' | 'ok';

/** Opens the stored check value (records one on the first start); throws ComplaintKeyError naming the key. */
export async function verifyComplaintKey(db: Db, crypto: ComplaintCrypto, now: Date): Promise<KeyCheck> {
  const stored = await getSetting(db, KEY_CHECK_SETTING);
  if (typeof stored !== 'string') {
    await setSetting(db, KEY_CHECK_SETTING, await crypto.seal(KEY_CHECK_TEXT), 'system', now);
    return 'recorded';
  }
  let opened: string | undefined;
  try {
    opened = await crypto.open(stored);
  } catch {
    opened = undefined;
  }
  if (opened !== KEY_CHECK_TEXT) {
    throw new ComplaintKeyError(
      "COMPLAINT_KEY does not open this database's key check: it is not the key this database was set up with (set COMPLAINT_KEY to that key, or rotate keys with `npm run ita -- keys rotate`)",
    );
  }
  return 'ok';
}

/** Whether the key opens the check value, for /healthz and `ita status` (never throws, never records). */
export async function complaintKeyStatus(db: Db, crypto: ComplaintCrypto): Promise<'ok' | 'wrong' | 'unset'> {
  const stored = await getSetting(db, KEY_CHECK_SETTING);
  if (typeof stored !== 'string') return 'unset';
  try {
    return (await crypto.open(stored)) === KEY_CHECK_TEXT ? 'ok' : 'wrong';
  } catch {
    return 'wrong';
  }
}

export interface RotateOutcome {
  complaints: number;
  drafts: number;
}

const SEALED_DRAFT_FIELDS = ['sealedName', 'sealedPhone'] as const;

/**
 * Re-seals every identity with the new key in one batch: complaints' name and phone and LINE link, the reporter
 * hash (recomputed from the sealed LINE id: "my complaints" keeps working), drafts' sealed name and phone, and
 * the key check value; audited. Throws ComplaintKeyError when the old key does not open what is stored.
 */
export async function rotateComplaintKey(
  db: Db,
  from: ComplaintCrypto,
  to: ComplaintCrypto,
  actor: string,
  now: Date,
): Promise<RotateOutcome> {
  await verifyComplaintKey(db, from, now);
  const reseal = async (value: string | null) => (value === null ? null : to.seal(await from.open(value)));
  const complaints = await db.kysely
    .selectFrom('complaints')
    .select(['id', 'identity_cipher', 'notify_cipher'])
    .where((eb) => eb.or([eb('identity_cipher', 'is not', null), eb('notify_cipher', 'is not', null)]))
    .execute();
  const updates = [];
  for (const c of complaints) {
    const userId = c.notify_cipher === null ? null : await from.open(c.notify_cipher);
    updates.push(
      db.kysely
        .updateTable('complaints')
        .set({
          identity_cipher: await reseal(c.identity_cipher),
          notify_cipher: userId === null ? null : await to.seal(userId),
          reporter_hash: userId === null ? null : await to.reporterHash(userId),
        })
        .where('id', '=', c.id),
    );
  }
  const drafts = await db.kysely
    .selectFrom('conversation_state')
    .select(['user_id', 'data'])
    .where((eb) => eb.or(SEALED_DRAFT_FIELDS.map((f) => eb('data', 'like', `%"${f}"%`))))
    .execute();
  for (const d of drafts) {
    const data = parseJson(d.data);
    if (typeof data !== 'object' || data === null) continue;
    const next: Record<string, unknown> = { ...data };
    for (const field of SEALED_DRAFT_FIELDS) {
      const value = next[field];
      if (typeof value === 'string') next[field] = await reseal(value);
    }
    updates.push(
      db.kysely
        .updateTable('conversation_state')
        .set({ data: JSON.stringify(next) })
        .where('user_id', '=', d.user_id),
    );
  }
  const check = await to.seal(KEY_CHECK_TEXT);
  await db.batch([
    ...updates,
    sql`UPDATE app_settings SET value = ${JSON.stringify(check)}, updated_by = ${actor}, updated_at = ${iso(now)}
      WHERE key = ${KEY_CHECK_SETTING}`.compile(db.kysely),
    buildAudit(
      db,
      {
        actor,
        action: 'complaint.key_rotate',
        subjectType: 'complaint_key',
        detail: { complaints: complaints.length, drafts: drafts.length },
      },
      now,
    ),
  ]);
  return { complaints: complaints.length, drafts: drafts.length };
}

export { ComplaintKeyError };
