// Edit the plan (coordinator): create it from the standard calendar, move due dates, assign agencies.
import { useState } from 'preact/hooks';
import { ok } from '../../lib/api.ts';
import type { PlanActivity } from '../../lib/api-types.ts';
import { useSession } from '../../lib/session.ts';
import { toApiError, useLoad } from '../../lib/use-load.ts';
import { ApiErrorState, Loading } from '../../ui/states.tsx';

interface AgencyOption {
  id: string;
  name: string;
}

function ActivityForm({
  activity,
  agencies,
  onSaved,
}: {
  activity: PlanActivity;
  agencies: readonly AgencyOption[];
  onSaved: () => void;
}) {
  const { api } = useSession();
  const [due, setDue] = useState(activity.dueDate);
  const [everyone, setEveryone] = useState(activity.responsible === 'all');
  const [chosen, setChosen] = useState<string[]>(activity.agencies.map((a) => a.agencyId));
  const [said, setSaid] = useState<{ ok: boolean; text: string } | undefined>(undefined);
  const save = async (event: Event) => {
    event.preventDefault();
    try {
      const saved = await ok(
        api.plan[':activityId'].$patch({
          param: { activityId: activity.id },
          json: {
            dueDate: due,
            ...(everyone ? { agencyIds: 'all' as const } : chosen.length > 0 ? { agencyIds: chosen } : {}),
          },
        }),
      );
      setSaid({ ok: true, text: `บันทึกแล้ว กำหนดเสร็จ ${saved.dueLabel} (การแจ้งเตือนเลื่อนตาม)` });
      onSaved();
    } catch (error) {
      setSaid({ ok: false, text: toApiError(error).message });
    }
  };
  const id = `act-${activity.id}`;
  return (
    <form class="card" onSubmit={save} aria-labelledby={id}>
      <h2 id={id} class="agency-name">
        {activity.seq}. {activity.title}
      </h2>
      <label class="field">
        กำหนดเสร็จ (ปัจจุบัน {activity.dueLabel})
        <input type="date" value={due} onInput={(e) => setDue(e.currentTarget.value)} />
      </label>
      {activity.responsible !== 'coordinator' && activity.responsible !== 'nacc' && (
        <fieldset>
          <legend>หน่วยงานที่รับผิดชอบ</legend>
          <label class="check">
            <input
              type="checkbox"
              checked={everyone}
              onChange={(e) => setEveryone(e.currentTarget.checked)}
            />{' '}
            ทุกหน่วยงาน
          </label>
          {!everyone && (
            <select
              multiple
              size={6}
              aria-label="เลือกหน่วยงาน"
              onChange={(e) => setChosen(Array.from(e.currentTarget.selectedOptions, (o) => o.value))}
            >
              {agencies.map((a) => (
                <option key={a.id} value={a.id} selected={chosen.includes(a.id)}>
                  {a.name}
                </option>
              ))}
            </select>
          )}
        </fieldset>
      )}
      <button type="submit">บันทึก</button>
      {said !== undefined && (
        <p class={said.ok ? 'small up' : 'small weak'} role={said.ok ? 'status' : 'alert'}>
          {said.text}
        </p>
      )}
    </form>
  );
}

export function PlanEditPage() {
  const { api } = useSession();
  const plan = useLoad(() => ok(api.plan.$get({ query: {} })), []);
  const province = useLoad(() => ok(api.province.$get({ query: {} })), []);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  if (plan.status === 'loading') return <Loading lines={8} />;
  if (plan.status === 'error') return <ApiErrorState error={plan.error} onRetry={plan.reload} />;
  const agencies = (province.data?.agencies ?? []).map((a) => ({ id: a.id, name: a.shortName ?? a.name }));
  const createDefault = async () => {
    try {
      await ok(api.plan.$post({ json: { fromDefault: true, year: plan.data.year } }));
      plan.reload();
    } catch (error) {
      setProblem(toApiError(error).message);
    }
  };
  return (
    <div>
      <p class="lead">ปีงบประมาณ พ.ศ. {plan.data.year} · เลื่อนกำหนดแล้วการแจ้งเตือนที่ยังไม่ส่งจะเลื่อนตาม</p>
      <div class="row">
        <button type="button" class="secondary" onClick={createDefault}>
          เพิ่มกิจกรรมจากปฏิทินมาตรฐานที่ยังไม่มี
        </button>
      </div>
      {problem !== undefined && (
        <p class="weak" role="alert">
          {problem}
        </p>
      )}
      {plan.data.activities.map((a) => (
        <ActivityForm key={a.id} activity={a} agencies={agencies} onSaved={plan.reload} />
      ))}
    </div>
  );
}
