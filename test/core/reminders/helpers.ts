// Test helpers for reminder planning: Bangkok wall-clock times in and out, default settings (reminders and
// complaint service levels), and a year walker.
import type { SlaSettings } from '../../../core/complaints/sla.ts';
import { bangkokParts, bangkokTime } from '../../../core/index.ts';
import {
  dueReminderSlots,
  type ReminderActivity,
  type ReminderSettings,
  type ReminderTaskStatus,
} from '../../../core/reminders/index.ts';

export const SETTINGS: ReminderSettings = {
  workStart: '08:30',
  workEnd: '16:30',
  extraHolidays: [],
  reminderDaysBefore: [7, 3, 1, 0],
  overdueEveryWorkingDays: 2,
};

/** The complaint service levels the hand-counted tests use (bot/features/settings/settings.ts's defaults). */
export const SLA: SlaSettings = {
  workStart: '08:30',
  workEnd: '16:30',
  extraHolidays: [],
  complaintAckWorkingDays: 3,
  complaintReplyDays: 15,
  complaintCloseDays: 30,
  complaintRemindWorkingDaysBefore: 1,
};

/** '2024-06-24 08:30' (Bangkok) → the instant. */
export function bkk(text: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?$/.exec(text);
  if (m === null) throw new Error(`bad time ${text}`);
  const [y, mo, d, h, mi] = m.slice(1).map((v) => Number(v ?? 0));
  return bangkokTime(y ?? 0, mo ?? 1, d ?? 1, h ?? 0, mi ?? 0);
}

/** An instant as '2024-06-24 08:30' in Bangkok. */
export function show(at: Date): string {
  const p = bangkokParts(at);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)}`;
}

/** The first day of FY2567 and of FY2568, in Bangkok. */
export const FY2567_START = bkk('2023-10-01 00:00');
export const FY2567_END = bkk('2024-10-01 00:00');

/**
 * Runs the planner at every step from `from` to `to` as a scheduler would, "sending" each slot key the first
 * time it is due (the reminder log's unique key does the same); returns 'key at time' lines in order.
 */
export function walk(
  activity: ReminderActivity,
  options: {
    from?: Date;
    to?: Date;
    stepMinutes: number;
    settings?: ReminderSettings;
    statusAt?: (now: Date) => ReminderTaskStatus;
    activityAt?: (now: Date) => ReminderActivity;
  },
): string[] {
  const sent = new Set<string>();
  const lines: string[] = [];
  const end = (options.to ?? FY2567_END).getTime();
  for (let t = (options.from ?? FY2567_START).getTime(); t < end; t += options.stepMinutes * 60_000) {
    const now = new Date(t);
    const current = options.activityAt?.(now) ?? activity;
    const status = options.statusAt?.(now) ?? 'not_started';
    for (const slot of dueReminderSlots(current, status, now, options.settings ?? SETTINGS)) {
      if (sent.has(slot.key)) continue;
      sent.add(slot.key);
      lines.push(`${slot.key} ${show(now)}`);
    }
  }
  return lines;
}
