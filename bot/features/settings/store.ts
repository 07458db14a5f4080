// Changing the stored settings (issue 14 §2): each value checked with the app's own schema, every change written
// with its audit entry (who, when, old, new) in one batch. The CLI, the API and the holiday commands use it.
import type { Db } from '../../../db/db.ts';
import { iso } from '../../../db/json.ts';
import { buildAudit } from '../../../db/queries/audit-log.ts';
import {
  defaultSettings,
  isSettingKey,
  loadSettings,
  SETTING_SCHEMAS,
  SETTINGS_KEY,
  type Settings,
  storedSettings,
} from './settings.ts';

export type SettingChange =
  | { ok: true; changed: (keyof Settings)[] }
  | { ok: false; key: string; message: string };

/** "ค่า workStart ไม่ถูกต้อง: …; ใช้ได้: …" */
function refusal(key: string, detail: string): SettingChange {
  const allowed = isSettingKey(key) ? SETTING_SCHEMAS[key].allowed : '';
  return {
    ok: false,
    key,
    message: `ค่า ${key} ไม่ถูกต้อง: ${detail}${allowed === '' ? '' : ` (ใช้ได้: ${allowed})`}`,
  };
}

/** Applies a patch of settings: all are checked first, nothing is written when any is refused. */
export async function changeSettings(
  db: Db,
  patch: Readonly<Record<string, unknown>>,
  actor: string,
  now: Date,
): Promise<SettingChange> {
  const current = await loadSettings(db);
  const next: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (!isSettingKey(key)) return { ok: false, key, message: `ไม่รู้จักการตั้งค่า "${key}"` };
    const parsed = SETTING_SCHEMAS[key].schema.safeParse(value);
    if (!parsed.success) return refusal(key, parsed.error.issues[0]?.message ?? 'รูปแบบไม่ถูกต้อง');
    next[key] = parsed.data;
  }
  const merged = { ...current, ...next } as Settings;
  if (merged.workStart >= merged.workEnd) {
    const key = 'workEnd' in patch ? 'workEnd' : 'workStart';
    return refusal(key, `เวลาเริ่มทำการ (${merged.workStart}) ต้องก่อนเวลาเลิก (${merged.workEnd})`);
  }
  const changed = (Object.keys(next) as (keyof Settings)[]).filter(
    (k) => JSON.stringify(current[k]) !== JSON.stringify(next[k]),
  );
  if (changed.length === 0) return { ok: true, changed };
  const stored = { ...(await storedSettings(db)), ...next };
  const at = iso(now);
  const value = JSON.stringify(stored);
  await db.batch([
    db.kysely
      .insertInto('app_settings')
      .values({ key: SETTINGS_KEY, value, updated_by: actor, updated_at: at })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_by: actor, updated_at: at })),
    ...changed.map((k) =>
      buildAudit(
        db,
        {
          actor,
          action: 'settings.change',
          subjectType: 'setting',
          subjectId: k,
          detail: { old: current[k], new: next[k] },
        },
        now,
      ),
    ),
  ]);
  return { ok: true, changed };
}

/** A value typed on a command line: JSON when it reads as JSON (numbers, lists), a list for "7,3,1", else text. */
export function parseSettingText(key: keyof Settings, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const isList = Array.isArray(defaultSettings()[key]);
    if (!isList) return text;
    return text
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== '')
      .map((part) => (/^-?\d+$/.test(part) ? Number(part) : part));
  }
}
