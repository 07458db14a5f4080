// Pausing all sending (the monthly quota is used up, or an operator says so) and resuming it, with an alert.
import { z } from 'zod';
import type { Db } from '../../../db/db.ts';
import { deleteSetting, getSetting, setSetting } from '../../../db/queries/app-settings.ts';
import { appendAudit } from '../../../db/queries/audit-log.ts';
import { listRoleHolders } from '../../../db/queries/user-roles.ts';
import type { Logger } from '../../deps.ts';

/** The app setting every drain reads before it claims anything. */
export const PAUSE_SETTING = 'outbox.paused';

/**
 * What coordinators are told. It is not pushed: a push would be refused by the same exhausted quota
 * (PLATFORM-NOTES §1.6). Replies are free (§1.8), so the bot can show it when a coordinator next writes, and
 * the LIFF admin pages can show it from the setting.
 */
export const QUOTA_ALERT_TH =
  'ระงับการส่งข้อความของบอตชั่วคราว: โควตาข้อความรายเดือนของบัญชี LINE ใช้หมดแล้ว ' +
  'ข้อความที่รอส่งยังอยู่ครบ ระบบจะส่งต่อเองเมื่อขึ้นเดือนใหม่ (วันที่ 1) ' +
  'หรือส่งต่อทันทีหลังเพิ่มแพ็กเกจ LINE โดยกด "ส่งต่อ" ในมินิแอป (หน้าเครื่องมือ > โควตาข้อความ)';

const PauseSchema = z.object({
  since: z.string(),
  reason: z.enum(['quota', 'manual']),
  /** LINE's answer, or the operator's note. */
  detail: z.string(),
  requestId: z.string().nullable(),
  /** LINE user IDs of the coordinators to show `alert` to. */
  coordinators: z.array(z.string()),
  alert: z.string(),
  /** Coordinators already told (in a free reply), so each is told once. */
  notified: z.array(z.string()).default([]),
});

export type OutboxPause = z.infer<typeof PauseSchema>;

export interface PauseCause {
  reason: OutboxPause['reason'];
  detail: string;
  requestId?: string | null;
}

/** The pause in force, or undefined when sending is on. */
export async function readOutboxPause(db: Db): Promise<OutboxPause | undefined> {
  const value = await getSetting(db, PAUSE_SETTING);
  if (value === undefined || value === null) return undefined;
  const parsed = PauseSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  // Someone wrote the key by hand: honour it (sending stays off) rather than send into a quota wall.
  const detail = `unreadable ${PAUSE_SETTING} value: ${JSON.stringify(value).slice(0, 200)}`;
  return {
    since: '',
    reason: 'manual',
    detail,
    requestId: null,
    coordinators: [],
    alert: QUOTA_ALERT_TH,
    notified: [],
  };
}

/** Every province's coordinators, once each. */
async function listCoordinators(db: Db): Promise<string[]> {
  const grants = await listRoleHolders(db, { role: 'coordinator' });
  return [...new Set(grants.map((g) => g.userId))].sort();
}

/**
 * Turns sending off until `resumeOutbox`, recording when and why (setting + audit log) and raising the alert
 * in the log. A pause already in force is kept as it is (the first cause and time win).
 */
export async function pauseOutbox(
  deps: { db: Db; log: Logger },
  cause: PauseCause,
  now: Date,
): Promise<OutboxPause> {
  const { db, log } = deps;
  const existing = await readOutboxPause(db);
  if (existing !== undefined) return existing;
  const pause: OutboxPause = {
    since: now.toISOString(),
    reason: cause.reason,
    detail: cause.detail,
    requestId: cause.requestId ?? null,
    coordinators: await listCoordinators(db),
    alert: QUOTA_ALERT_TH,
    notified: [],
  };
  await setSetting(db, PAUSE_SETTING, pause, 'system', now);
  await appendAudit(
    db,
    { actor: 'system', action: 'outbox.paused', subjectType: 'outbox', detail: pause },
    now,
  );
  log.error('outbox: sending paused', { ...pause });
  return pause;
}

/**
 * The alert for a coordinator who has not seen it yet, marking them told; undefined otherwise. Replies are
 * free, so the bot adds it to its next reply to each coordinator while sending is paused.
 */
export async function takePauseNotice(db: Db, userId: string, now: Date): Promise<string | undefined> {
  const pause = await readOutboxPause(db);
  if (pause === undefined || pause.since === '' || pause.notified.includes(userId)) return undefined;
  const coordinators = pause.coordinators.length > 0 ? pause.coordinators : await listCoordinators(db);
  if (!coordinators.includes(userId)) return undefined;
  await setSetting(db, PAUSE_SETTING, { ...pause, notified: [...pause.notified, userId] }, 'system', now);
  return pause.alert;
}

/** Turns sending back on (after the quota was raised or the month turned). False when it was not paused. */
export async function resumeOutbox(db: Db, options: { by?: string; now?: Date } = {}): Promise<boolean> {
  const now = options.now ?? new Date();
  const resumed = await deleteSetting(db, PAUSE_SETTING);
  if (resumed)
    await appendAudit(
      db,
      { actor: options.by ?? 'system', action: 'outbox.resumed', subjectType: 'outbox' },
      now,
    );
  return resumed;
}
