// One of "my complaints": code, type, agency, status and date; opens the lookup with the code in the #fragment.
import { navigate } from '../../lib/router.ts';
import { StatusBadge } from './status.tsx';
import type { MyComplaint } from './types.ts';

export function ComplaintCard({ complaint: c }: { complaint: MyComplaint }) {
  return (
    <article class="card complaint-card">
      <div class="complaint-card-head">
        <span class="complaint-code-small">{c.trackingCode}</span>
        <StatusBadge status={c.status} label={c.statusLabel} />
      </div>
      <p>
        {c.typeLabel} · {c.agencyName ?? 'ไม่ทราบหน่วยงาน'}
      </p>
      <p class="muted small">
        แจ้งเมื่อ {c.createdAtLabel} · ปรับปรุงล่าสุด {c.updatedAtLabel}
      </p>
      <button type="button" class="secondary" onClick={() => navigate(`complaints/track#${c.trackingCode}`)}>
        ดูสถานะและความเคลื่อนไหว<span class="sr-only"> ของเรื่อง {c.trackingCode}</span>
      </button>
    </article>
  );
}
