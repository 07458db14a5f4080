// A case's service-level deadlines in words: the next one still open (or how late it is), and the full list.
import type { CaseDeadline } from '../complaints/types.ts';

const DEADLINE_LABELS: Record<string, string> = {
  acknowledge: 'รับทราบเรื่อง',
  reply: 'ตอบผู้ร้อง',
  close: 'ปิดเรื่อง',
};

/** Still open and already past its day: what puts a case at the top of the queue. */
export function isOverdue(deadlines: readonly CaseDeadline[]): boolean {
  return deadlines.some((d) => d.metAt === null && d.late);
}

export function NextDeadline({ deadlines }: { deadlines: readonly CaseDeadline[] }) {
  const open = deadlines.find((d) => d.metAt === null);
  if (open === undefined) return null;
  const what = DEADLINE_LABELS[open.kind] ?? open.kind;
  const again = open.round === 'reopened' ? ' · รอบพิจารณาอีกครั้ง' : '';
  return open.late ? (
    <span class="late">
      เลยกำหนด{what} ({open.dueLabel}){again}
    </span>
  ) : (
    <span>
      กำหนด{what}ภายใน {open.dueLabel}
      {again}
    </span>
  );
}

export function DeadlineList({ deadlines }: { deadlines: readonly CaseDeadline[] }) {
  // After a reopening the dates are counted from it: without a word they would look wrong.
  const again = deadlines[0]?.round === 'reopened';
  return (
    <ul class="small">
      {again && <li>นับกำหนดใหม่ตั้งแต่วันที่ผู้ร้องขอให้พิจารณาอีกครั้ง</li>}
      {deadlines.map((d) => (
        <li key={d.kind} class={d.late ? 'late' : undefined}>
          {DEADLINE_LABELS[d.kind] ?? d.kind} ภายใน {d.dueLabel} —{' '}
          {d.metAt === null
            ? d.late
              ? 'เลยกำหนดแล้ว'
              : 'ยังไม่ถึงกำหนด'
            : `ทำแล้วเมื่อ ${d.metAtLabel}${d.late ? ' (ช้ากว่ากำหนด)' : ''}`}
        </li>
      ))}
    </ul>
  );
}
