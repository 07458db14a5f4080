// The plan on a month strip (October to September, like seed 002's calendar): one row per activity, its span,
// done/overdue counts, and each responsible agency's status with "mark done" where the viewer may.
import { useState } from 'preact/hooks';
import type { PlanActivity, PlanData } from '../../lib/api-types.ts';

interface TimelineProps {
  months: PlanData['months'];
  activities: readonly PlanActivity[];
  /** Resolves when saved; rejects with a Thai message to show next to the button. */
  onMarkDone: (activityId: string, agencyId: string) => Promise<void>;
}

/** The tone of an activity's bar: red when any agency is overdue, green when all are done. */
export function activityTone(a: PlanActivity): 'overdue' | 'done' | 'open' {
  if (a.overdueCount > 0) return 'overdue';
  return a.agencies.length > 0 && a.doneCount === a.agencies.length ? 'done' : 'open';
}

function MonthStrip({ activity, count }: { activity: PlanActivity; count: number }) {
  return (
    <div class="strip" aria-hidden="true">
      {Array.from({ length: count }, (_, m) => (
        <span
          key={m}
          class={
            m >= activity.startMonth && m <= activity.dueMonth ? `cell on ${activityTone(activity)}` : 'cell'
          }
        />
      ))}
    </div>
  );
}

function AgencyStatuses({
  activity,
  onMarkDone,
}: {
  activity: PlanActivity;
  onMarkDone: TimelineProps['onMarkDone'];
}) {
  const [busy, setBusy] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const mark = async (agencyId: string) => {
    setBusy(agencyId);
    setProblem(undefined);
    try {
      await onMarkDone(activity.id, agencyId);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <ul class="statuses">
      {activity.agencies.map((s) => (
        <li key={s.agencyId} class={s.overdue ? 'overdue' : s.status === 'done' ? 'done' : ''}>
          <span class="status-name">{s.name}</span>
          <span class="status-label">
            {s.overdue ? `เลยกำหนด · ${s.statusLabel}` : s.statusLabel}
            {s.doneAtLabel !== null && (
              <span class="muted small">
                {' '}
                {s.doneAtLabel}
                {s.doneBy !== null && ` โดย ${s.doneBy}`}
              </span>
            )}
          </span>
          {s.canMarkDone && (
            <button
              type="button"
              class="secondary"
              disabled={busy !== undefined}
              onClick={() => mark(s.agencyId)}
            >
              {busy === s.agencyId ? 'กำลังบันทึก…' : 'ทำเสร็จแล้ว'}
            </button>
          )}
        </li>
      ))}
      {problem !== undefined && (
        <li class="weak" role="alert">
          {problem}
        </li>
      )}
    </ul>
  );
}

export function Timeline({ months, activities, onMarkDone }: TimelineProps) {
  return (
    <div class="timeline">
      <div class="strip months" aria-hidden="true">
        {months.map((m) => (
          <span key={m.index} class="cell-label">
            {m.label.split(' ')[0]}
          </span>
        ))}
      </div>
      <ol class="activities">
        {activities.map((a) => (
          <li key={a.id} class={`activity ${activityTone(a)}`}>
            <div class="activity-title">
              <strong>
                {a.seq}. {a.title}
              </strong>
            </div>
            <MonthStrip activity={a} count={months.length} />
            <p class="small">
              {a.startLabel !== null && `${a.startLabel} – `}กำหนด {a.dueLabel} · {a.responsibleLabel}
            </p>
            {a.agencies.length > 0 && (
              <details>
                <summary>
                  เสร็จ {a.doneCount}/{a.agencies.length}
                  {a.overdueCount > 0 && <span class="overdue-count"> · เลยกำหนด {a.overdueCount}</span>}
                </summary>
                <AgencyStatuses activity={a} onMarkDone={onMarkDone} />
              </details>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
