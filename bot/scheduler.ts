// The scheduler: one function of (deps, now), run every minute by the Node timer, the Workers cron trigger
// and `npm run ita -- tick --now <ISO time>`. Every step is safe to run twice at once.

import { setSetting } from '../db/queries/app-settings.ts';
import { deleteFinishedOutbox } from '../db/queries/outbox.ts';
import { deleteDoneEvents } from '../db/queries/webhook-inbox.ts';
// The features' chat commands, actions and hooks register with the event handlers that retries run.
import './features/index.ts';
import type { Deps } from './deps.ts';
import { reportFinishedBroadcasts } from './features/broadcasts/delivery-report.ts';
import { expireComplaintDrafts } from './features/complaints/expire.ts';
import { sweepDeletedPhotos } from './features/complaints/photo-store.ts';
import { runComplaintRetention } from './features/complaints/retention.ts';
import { runComplaintSla } from './features/complaints/sla.ts';
import { sendHeldComplaints } from './features/complaints/surge.ts';
import { runReminders } from './features/plan/reminders.ts';
import { alertAtQuotaShare } from './features/quota/alert.ts';
import { resumeOnNewMonth } from './features/quota/resume.ts';
import { remindHolidaysDue } from './features/settings/holidays.ts';
import { loadSettings } from './features/settings/settings.ts';
import { runSurveyNudges } from './features/surveys/nudges.ts';
import { refreshStaleMemberCounts } from './line/group-members.ts';
import { processDueEvents } from './line/inbox.ts';
import { type DrainReport, drainOutbox } from './line/outbox/index.ts';

/**
 * Handled webhook events are kept a week: long past LINE's redelivery of an event (its schedule is not
 * published, PLATFORM-NOTES §1.3, but it retries within hours), so a late redelivery is still recognised.
 */
const INBOX_KEEP_MS = 7 * 24 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export const SCHEDULER_LAST_RUN_SETTING = 'scheduler.last_run';

export interface TickReport {
  eventsHandled: number;
  eventsForgotten: number;
  remindersQueued: number;
  nudgesQueued: number;
  /** Complaint service-level reminders and retention warnings queued; complaints deleted after retention. */
  complaintRemindersQueued: number;
  complaintsDeleted: number;
  broadcastsReported: number;
  sent: number;
  failed: number;
  outboxPaused: boolean;
  /** Complaint drafts abandoned for 24 hours, deleted with their photos. */
  draftsExpired: number;
  /** Sent and failed messages deleted after `outboxRetentionDays`. */
  outboxDeleted: number;
  /** Photo objects deleted from the bucket (Workers) because their rows were. */
  photosDeleted: number;
}

/** Rows a drain took from the outbox (sent, retried, failed or handed back): what it spent of the run's budget. */
const claimedBy = (r: DrainReport) => r.sent + r.retried + r.failed + r.released;

export async function runScheduler(deps: Deps, now: Date): Promise<TickReport> {
  const eventsHandled = await processDueEvents(deps, now);
  // Steps that queue messages run before the drain, so what they queue goes out in the same tick.
  const settings = await loadSettings(deps.db);
  const remindersQueued =
    (await runReminders(deps, now, settings)) + (await remindHolidaysDue(deps, now, settings));
  const nudgesQueued = await runSurveyNudges(deps, now, settings);
  const complaintSla = await runComplaintSla(deps, now, settings);
  const retention = await runComplaintRetention(deps, now, settings);
  // A quota pause from last month is lifted before the drain, so the backlog goes out in this tick.
  await resumeOnNewMonth(deps, now);
  await refreshStaleMemberCounts(deps, now);
  await alertAtQuotaShare(deps, now);
  const heldCards = await sendHeldComplaints(deps, now);
  // The drain runs until the outbox is empty or the run's budget is spent (most urgent rows first); the delivery
  // reports it makes possible then go out in the same run, from what is left of the budget.
  const budget = deps.drain?.maxMessages ?? Number.POSITIVE_INFINITY;
  const first = await drainOutbox(deps, now, { ...deps.drain, maxMessages: budget });
  const broadcastsReported = await reportFinishedBroadcasts(deps, now);
  const left = budget - claimedBy(first);
  const second =
    broadcastsReported > 0 && left > 0 && !first.paused
      ? await drainOutbox(deps, now, { ...deps.drain, maxMessages: left })
      : undefined;
  const drained = {
    sent: first.sent + (second?.sent ?? 0),
    failed: first.failed + (second?.failed ?? 0),
    paused: second?.paused ?? first.paused,
  };
  const draftsExpired = await expireComplaintDrafts(deps, now);
  // After retention and expired drafts: the objects of the photo rows they deleted leave the bucket in this run.
  const photosDeleted = await sweepDeletedPhotos(deps);
  const eventsForgotten = await deleteDoneEvents(deps.db, new Date(now.getTime() - INBOX_KEEP_MS));
  const outboxDeleted = await deleteFinishedOutbox(
    deps.db,
    new Date(now.getTime() - settings.outboxRetentionDays * DAY_MS),
  );
  // For /healthz and `ita status`: when the scheduler last finished a run (the clock of the run, and the real time).
  await setSetting(
    deps.db,
    SCHEDULER_LAST_RUN_SETTING,
    { at: now.toISOString(), finishedAt: new Date().toISOString() },
    'system',
    now,
  );
  return {
    eventsHandled,
    eventsForgotten,
    remindersQueued,
    nudgesQueued,
    complaintRemindersQueued: complaintSla + retention.warned + heldCards,
    complaintsDeleted: retention.deleted,
    broadcastsReported,
    sent: drained.sent,
    failed: drained.failed,
    outboxPaused: drained.paused,
    draftsExpired,
    outboxDeleted,
    photosDeleted,
  };
}

/**
 * One scheduled run as the Node timer and the Workers cron start it: an error is caught and logged with the
 * tick's time (a cron's uncaught exception is otherwise only a failed invocation), and the next run tries again.
 */
export async function runScheduledTick(deps: Deps, at: Date): Promise<TickReport | undefined> {
  try {
    return await runScheduler(deps, at);
  } catch (error) {
    deps.log.error('scheduler run failed', {
      tick: at.toISOString(),
      error: error instanceof Error ? error.message : String(error),
    });
    return undefined;
  }
}
