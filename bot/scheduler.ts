// The scheduler: one function of (deps, now), run every minute by the Node timer, the Workers cron trigger
// and `npm run ita -- tick --now <ISO time>`. Every step is safe to run twice at once.

import { setSetting } from '../db/queries/app-settings.ts';
import { deleteDoneEvents } from '../db/queries/webhook-inbox.ts';
// The features' chat commands, actions and hooks register with the event handlers that retries run.
import './features/index.ts';
import type { Deps } from './deps.ts';
import { reportFinishedBroadcasts } from './features/broadcasts/delivery-report.ts';
import { expireComplaintDrafts } from './features/complaints/expire.ts';
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
import { drainOutbox } from './line/outbox/index.ts';

/**
 * Handled webhook events are kept a week: long past LINE's redelivery of an event (its schedule is not
 * published, PLATFORM-NOTES §1.3, but it retries within hours), so a late redelivery is still recognised.
 */
const INBOX_KEEP_MS = 7 * 24 * 60 * 60 * 1000;

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
}

export async function runScheduler(deps: Deps, now: Date): Promise<TickReport> {
  const eventsHandled = await processDueEvents(deps, now);
  // Steps that queue messages run before the drain, so what they queue goes out in the same tick.
  const settings = await loadSettings(deps.db);
  const remindersQueued =
    (await runReminders(deps, now, settings)) + (await remindHolidaysDue(deps, now, settings));
  const nudgesQueued = await runSurveyNudges(deps, now, settings);
  const complaintSla = await runComplaintSla(deps, now);
  const retention = await runComplaintRetention(deps, now);
  // A quota pause from last month is lifted before the drain, so the backlog goes out in this tick.
  await resumeOnNewMonth(deps, now);
  await refreshStaleMemberCounts(deps, now);
  await alertAtQuotaShare(deps, now);
  const heldCards = await sendHeldComplaints(deps, now);
  const drained = await drainOutbox(deps, now, deps.drain);
  const broadcastsReported = await reportFinishedBroadcasts(deps, now);
  const draftsExpired = await expireComplaintDrafts(deps, now);
  const eventsForgotten = await deleteDoneEvents(deps.db, new Date(now.getTime() - INBOX_KEEP_MS));
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
  };
}
