// A complaint's status badge and its history as a list of dated steps (Buddhist era, as the API words them), for
// citizens and officers.

/** Tone per status: waiting, moving, done, or stopped (text stays ≥ 4.5:1 on each fill). */
const TONES: Record<string, string> = {
  received: 'tone-warn',
  reopened: 'tone-warn',
  acknowledged: 'tone-pass',
  in_progress: 'tone-pass',
  closed: 'tone-good',
  referred: 'tone-none',
  rejected: 'tone-bad',
};

export function StatusBadge({ status, label }: { status: string; label: string }) {
  return <span class={`badge ${TONES[status] ?? 'tone-none'}`}>{label}</span>;
}

export interface HistoryItem {
  status: string;
  label: string;
  note: string | null;
  at: string;
  /** `at` as it is shown: '3 มี.ค. 2568 14:00 น.'. */
  atLabel: string;
  /** Officers see whether a line is told to the reporter. */
  internal?: boolean;
}

export function ComplaintHistory({ items }: { items: readonly HistoryItem[] }) {
  if (items.length === 0) return <p class="muted">ยังไม่มีความเคลื่อนไหว</p>;
  return (
    <ol class="complaint-history">
      {items.map((item, i) => (
        <li key={`${item.at}-${i}`}>
          <time dateTime={item.at}>{item.atLabel}</time>
          <strong>{item.label}</strong>
          {item.internal === true && <span class="small muted"> (บันทึกภายใน ผู้ร้องไม่เห็น)</span>}
          {item.note !== null && item.note !== '' && <p class="complaint-text">{item.note}</p>}
        </li>
      ))}
    </ol>
  );
}
