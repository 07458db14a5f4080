// Plan status: the fiscal year's activities on the month timeline with each agency's status.
import { useState } from 'preact/hooks';
import { ok } from '../../lib/api.ts';
import { hrefOf } from '../../lib/router.ts';
import { useSession } from '../../lib/session.ts';
import { useLoad } from '../../lib/use-load.ts';
import { ApiErrorState, Empty, Loading } from '../../ui/states.tsx';
import { Timeline } from './timeline.tsx';

type Show = 'all' | 'mine' | 'overdue';

export function PlanPage() {
  const { api } = useSession();
  const [show, setShow] = useState<Show>('all');
  const loaded = useLoad(() => ok(api.plan.$get({ query: {} })), []);
  if (loaded.status === 'loading') return <Loading lines={8} />;
  if (loaded.status === 'error') return <ApiErrorState error={loaded.error} onRetry={loaded.reload} />;
  const plan = loaded.data;
  const markDone = async (activityId: string, agencyId: string) => {
    await ok(api.plan[':activityId'].done.$post({ param: { activityId }, json: { agencyId } }));
    loaded.reload();
  };
  const mine = new Set(plan.can.markDoneAgencyIds);
  const activities = plan.activities.filter((a) =>
    show === 'overdue'
      ? a.overdueCount > 0
      : show === 'mine'
        ? a.agencies.some((s) => mine.has(s.agencyId) && s.status !== 'done')
        : true,
  );
  return (
    <div>
      <p class="lead">
        ปีงบประมาณ พ.ศ. {plan.year} · {plan.activities.length} กิจกรรม
      </p>
      <fieldset class="row chips">
        <legend class="sr-only">แสดง</legend>
        {(
          [
            ['all', 'ทั้งหมด'],
            ['mine', 'งานที่ฉันต้องทำ'],
            ['overdue', 'เลยกำหนด'],
          ] as const
        ).map(([key, label]) => (
          <button
            key={key}
            type="button"
            class={show === key ? '' : 'secondary'}
            aria-pressed={show === key}
            onClick={() => setShow(key)}
          >
            {label}
          </button>
        ))}
      </fieldset>
      {plan.activities.length === 0 ? (
        <Empty>
          ยังไม่มีแผนการดำเนินงานของปีนี้
          {plan.can.edit && (
            <p>
              <a href={hrefOf('tools/plan')}>สร้างแผนจากปฏิทินมาตรฐาน</a>
            </p>
          )}
        </Empty>
      ) : activities.length === 0 ? (
        <Empty>ไม่มีกิจกรรมตามที่เลือก</Empty>
      ) : (
        <Timeline months={plan.months} activities={activities} onMarkDone={markDone} />
      )}
    </div>
  );
}
