// The scheduler: one function of (deps, now), run every minute by the Node timer, the Workers cron trigger
// and `npm run ita -- tick --now <ISO time>`. Every step is safe to run twice at once.
import { reportFinishedBroadcasts } from './broadcasts/report.ts';
import type { Deps } from './deps.ts';
import { processDueEvents } from './inbox.ts';
import { drainOutbox } from './outbox/index.ts';
import { runReminders } from './reminders/index.ts';
import { runSurveyNudges } from './surveys/nudges.ts';

export interface TickReport {
  eventsHandled: number;
  remindersQueued: number;
  nudgesQueued: number;
  broadcastsReported: number;
  sent: number;
  failed: number;
  outboxPaused: boolean;
}

export async function runScheduler(deps: Deps, now: Date): Promise<TickReport> {
  const eventsHandled = await processDueEvents(deps, now);
  // Steps that queue messages run before the drain, so what they queue goes out in the same tick.
  const remindersQueued = await runReminders(deps, now);
  const nudgesQueued = await runSurveyNudges(deps, now);
  const drained = await drainOutbox(deps, now, deps.drain);
  const broadcastsReported = await reportFinishedBroadcasts(deps, now);
  return {
    eventsHandled,
    remindersQueued,
    nudgesQueued,
    broadcastsReported,
    sent: drained.sent,
    failed: drained.failed,
    outboxPaused: drained.paused,
  };
}
