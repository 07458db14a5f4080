// "My complaints": the ones filed named or anonymous-with-updates by this LINE account (code-only ones are linked
// to nobody, so they are looked up by code), newest first, each opening its status.
import { ComplaintCard } from './complaint-card.tsx';
import './complaint-styles.css';
import { ok } from '../../lib/api.ts';
import { hrefOf } from '../../lib/router.ts';
import { useSession } from '../../lib/session.ts';
import { useLoad } from '../../lib/use-load.ts';
import { ApiErrorState, Empty, Loading } from '../../ui/states.tsx';

export function ComplaintMinePage() {
  const { api } = useSession();
  const loaded = useLoad(() => ok(api.complaints.mine.$get()), []);
  if (loaded.status === 'loading') return <Loading lines={6} />;
  if (loaded.status === 'error') return <ApiErrorState error={loaded.error} onRetry={loaded.reload} />;
  const { complaints } = loaded.data;
  return (
    <div>
      <p class="lead">เรื่องที่ท่านแจ้งแบบระบุชื่อ หรือแบบไม่ระบุชื่อที่รับแจ้งความคืบหน้าทาง LINE</p>
      {complaints.length === 0 ? (
        <Empty>
          <p>ยังไม่มีเรื่องที่แจ้งจากบัญชีนี้</p>
          <p class="small">
            เรื่องที่แจ้งแบบ "รหัสติดตามเท่านั้น" ไม่ผูกกับบัญชี LINE โปรด
            <a href={hrefOf('complaints/track')}>ติดตามด้วยรหัส</a>
          </p>
          <a class="button" href={hrefOf('complaints/new')}>
            แจ้งเรื่องร้องเรียน
          </a>
        </Empty>
      ) : (
        <ul class="complaint-list">
          {complaints.map((c) => (
            <li key={c.trackingCode}>
              <ComplaintCard complaint={c} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
