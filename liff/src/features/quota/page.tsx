// The LINE quota (coordinator): this month's limit, what is used, the forecast to the month's end and what to do;
// while sending is paused (the quota ran out) the alert and "ส่งต่อ", to send again at once after raising the plan.

import { ok } from '../../lib/api.ts';
import { useSession } from '../../lib/session.ts';
import { useAction, useLoad } from '../../lib/use-load.ts';
import { ApiErrorState, Loading } from '../../ui/states.tsx';

const n = (value: number) => value.toLocaleString('en-US');

export function QuotaPage() {
  const { api } = useSession();
  const quota = useLoad(() => ok(api.quota.$get()), []);
  const { busy, message, act } = useAction();
  if (quota.status === 'loading') return <Loading lines={5} />;
  if (quota.status === 'error') return <ApiErrorState error={quota.error} onRetry={quota.reload} />;
  const q = quota.data;
  const f = q.forecast;
  const resume = () =>
    act(async () => {
      const done = await ok(api.quota.resume.$post());
      quota.reload();
      return done.resumed
        ? `เปิดการส่งข้อความอีกครั้งแล้ว ข้อความที่ค้างจะทยอยส่งในรอบถัดไป${done.merged > 0 ? ` (รวมแจ้งเตือนที่เลยวันแล้ว ${done.merged} ข้อความ)` : ''}`
        : 'การส่งข้อความไม่ได้ถูกระงับอยู่';
    });
  return (
    <div>
      {q.paused !== null && (
        <section class="card" role="alert" aria-labelledby="paused">
          <h2 id="paused">ระงับการส่งข้อความชั่วคราว</h2>
          <p>{q.alert}</p>
          <button type="button" class="primary" disabled={busy} onClick={resume}>
            ส่งต่อ
          </button>
        </section>
      )}
      {message !== undefined && (
        <p class={message.error ? 'error' : 'ok'} role="status">
          {message.text}
        </p>
      )}
      <section class="card" aria-labelledby="quota">
        <h2 id="quota">โควตาข้อความ LINE ของเดือนนี้</h2>
        <p data-testid="used">
          {q.limit !== null && q.used !== null
            ? `ใช้แล้ว ${n(q.used)} จาก ${n(q.limit)} ข้อความ (${Math.round((q.used / q.limit) * 100)}%)`
            : q.used !== null
              ? `ใช้แล้ว ${n(q.used)} ข้อความ (ไม่จำกัด)`
              : 'ยังอ่านยอดใช้จาก LINE ไม่ได้'}
        </p>
        <p>
          คาดว่าจะใช้อีก <strong>{n(f.total)}</strong> ข้อความถึงสิ้นเดือน
        </p>
        <ul class="muted small">
          <li>แจ้งเตือนกำหนดการ {n(f.reminders)} ข้อความ</li>
          <li>สรุปรายวันถึงผู้ประสานงาน {n(f.digests)} ข้อความ</li>
          <li>ข้อความที่รอส่ง {n(f.queued)} ข้อความ</li>
          <li>อัปเดตเรื่องร้องเรียน {n(f.complaintUpdates)} ข้อความ</li>
        </ul>
        <p>{q.advice}</p>
        <p class="muted small">ข้อความตอบกลับไม่นับในโควตา ส่วนการส่งเข้ากลุ่ม LINE นับ 1 ข้อความต่อสมาชิก 1 คน</p>
      </section>
    </div>
  );
}
