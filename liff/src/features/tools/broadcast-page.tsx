// Announcements (coordinator): compose with filters, preview the count, confirm; recent ones with delivery.

import { ok } from '../../lib/api.ts';
import { useSession } from '../../lib/session.ts';
import { useLoad } from '../../lib/use-load.ts';
import { ApiErrorState, Loading } from '../../ui/states.tsx';
import { BroadcastForm } from './broadcast-form.tsx';

export function BroadcastPage() {
  const { api } = useSession();
  const province = useLoad(() => ok(api.province.$get({ query: {} })), []);
  const plan = useLoad(() => ok(api.plan.$get({ query: {} })), []);
  const recent = useLoad(() => ok(api.broadcasts.$get()), []);
  if (province.status === 'loading') return <Loading lines={6} />;
  if (province.status === 'error') return <ApiErrorState error={province.error} onRetry={province.reload} />;
  return (
    <div>
      <BroadcastForm
        types={province.data.types}
        districts={province.data.districts}
        activities={(plan.data?.activities ?? []).map((a) => ({ id: a.id, label: `${a.seq}. ${a.title}` }))}
        preview={(text, filter) => ok(api.broadcasts.preview.$post({ json: { text, filter } }))}
        send={async (text, filter) => {
          const sent = await ok(api.broadcasts.$post({ json: { text, filter, confirm: true } }));
          recent.reload();
          return sent.message;
        }}
      />
      <section class="card" aria-labelledby="recent">
        <h2 id="recent">ประกาศล่าสุด</h2>
        {recent.status === 'ok' && recent.data.broadcasts.length === 0 && <p class="muted">ยังไม่มีประกาศ</p>}
        <ul class="recent">
          {(recent.data?.broadcasts ?? []).map((b) => (
            <li key={b.id}>
              <span>{b.text.slice(0, 80)}</span>
              <span class="muted small">
                {b.audience} · ส่งถึง {b.delivered}/{b.recipients ?? 0} กลุ่ม
                {b.failed > 0 && ` · ไม่สำเร็จ ${b.failed}`}
                {b.pending > 0 && ` · รอส่ง ${b.pending}`}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
