// The complaint officers' queue: the cases they may handle, filtered by status, overdue ones first.
// Rows carry no complaint text and no identity (the API leaves them out); a case opens in its own page.
import { useMemo, useState } from 'preact/hooks';
import { type ComplaintStatus, FINAL_STATUSES } from '../../../../core/complaints/status.ts';
import { StatusBadge } from '../complaints/status.tsx';
import { isOverdue, NextDeadline } from './deadlines.tsx';
import '../complaints/complaint-styles.css';
import { ok } from '../../lib/api.ts';
import { hrefOf } from '../../lib/router.ts';
import { useSession } from '../../lib/session.ts';
import { useLoad } from '../../lib/use-load.ts';
import { ApiErrorState, Empty, Loading } from '../../ui/states.tsx';
import type { CaseSummary } from '../complaints/types.ts';

type Filter = 'open' | 'all' | ComplaintStatus;

const FILTERS: readonly [Filter, string][] = [
  ['open', 'ยังไม่เสร็จ'],
  ['received', 'รอรับทราบ'],
  ['in_progress', 'กำลังดำเนินการ'],
  ['reopened', 'ขอพิจารณาใหม่'],
  ['closed', 'เสร็จสิ้น'],
  ['all', 'ทั้งหมด'],
];

/** Overdue first, then the oldest filed (the one waiting longest) first. */
export function queueOrder(cases: readonly CaseSummary[]): CaseSummary[] {
  return [...cases].sort(
    (a, b) =>
      Number(isOverdue(b.deadlines)) - Number(isOverdue(a.deadlines)) ||
      a.createdAt.localeCompare(b.createdAt),
  );
}

export function CaseQueuePage() {
  const { api } = useSession();
  const [filter, setFilter] = useState<Filter>('open');
  const status = filter === 'open' || filter === 'all' ? undefined : filter;
  const loaded = useLoad(
    () => ok(api.cases.$get({ query: status === undefined ? {} : { status } })),
    [status],
  );
  const shown = useMemo(() => {
    const list = loaded.data?.complaints ?? [];
    const wanted =
      filter === 'open'
        ? list.filter((c) => !(FINAL_STATUSES as readonly string[]).includes(c.status))
        : list;
    return queueOrder(wanted);
  }, [loaded.data, filter]);

  return (
    <div>
      <p class="lead">
        เรื่องที่เกินกำหนดอยู่บนสุด <a href={hrefOf('cases/stats')}>ดูสถิติ</a>
      </p>
      <fieldset class="row chips complaint-fieldset">
        <legend class="sr-only">กรองตามสถานะ</legend>
        {FILTERS.map(([key, label]) => (
          <button
            key={key}
            type="button"
            class={filter === key ? '' : 'secondary'}
            aria-pressed={filter === key}
            onClick={() => setFilter(key)}
          >
            {label}
          </button>
        ))}
      </fieldset>
      {loaded.status === 'loading' ? (
        <Loading lines={6} />
      ) : loaded.status === 'error' ? (
        <ApiErrorState error={loaded.error} onRetry={loaded.reload} />
      ) : shown.length === 0 ? (
        <Empty>ไม่มีเรื่องในสถานะนี้</Empty>
      ) : (
        <ul class="complaint-list" aria-label={`${shown.length} เรื่อง`}>
          {shown.map((c) => (
            <li key={c.id}>
              <CaseRow item={c} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function CaseRow({ item: c }: { item: CaseSummary }) {
  const overdue = isOverdue(c.deadlines);
  return (
    <a class={`card complaint-case-row${overdue ? ' overdue' : ''}`} href={hrefOf(`cases/${c.id}`)}>
      <div class="complaint-card-head">
        <span class="complaint-code-small">{c.trackingCode}</span>
        <StatusBadge status={c.status} label={c.statusLabel} />
      </div>
      <p>
        {c.typeLabel}
        {c.agencyName !== '' && ` · ${c.agencyName}`}
      </p>
      <p class="small muted">
        แจ้งเมื่อ {c.createdAtLabel}
        {c.assignedTo !== null && ' · มีผู้รับผิดชอบแล้ว'}
      </p>
      <p class="small">
        <NextDeadline deadlines={c.deadlines} />
      </p>
    </a>
  );
}
