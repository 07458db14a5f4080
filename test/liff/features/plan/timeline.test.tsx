// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { activityTone, Timeline } from '../../../../liff/src/features/plan/timeline.tsx';
import { MONTHS, makeActivity } from '../../fixtures.ts';
import { buttonNamed, click, mount } from '../../support.ts';

describe('Timeline', () => {
  it('lays the months out from October to September and fills the activity span', () => {
    const root = mount(<Timeline months={MONTHS} activities={[makeActivity()]} onMarkDone={vi.fn()} />);
    const labels = [...root.querySelectorAll('.cell-label')].map((c) => c.textContent);
    expect(labels[0]).toBe('ต.ค.');
    expect(labels[11]).toBe('ก.ย.');
    const cells = [...root.querySelectorAll('.activity .cell')];
    expect(cells).toHaveLength(12);
    expect(cells.map((c) => c.classList.contains('on'))).toEqual([
      false,
      true,
      true,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('shows an activity with an overdue agency in red with the overdue count', () => {
    const root = mount(<Timeline months={MONTHS} activities={[makeActivity()]} onMarkDone={vi.fn()} />);
    expect(root.querySelector('.activity')?.classList.contains('overdue')).toBe(true);
    expect(root.querySelector('.cell.on')?.classList.contains('overdue')).toBe(true);
    expect(root.querySelector('summary')?.textContent).toBe('เสร็จ 1/2 · เลยกำหนด 1');
    expect(root.querySelector('.statuses li.overdue')?.textContent).toContain('เลยกำหนด');
  });

  it('offers "mark done" only where the viewer may, and passes the activity and agency', async () => {
    const onMarkDone = vi.fn().mockResolvedValue(undefined);
    const root = mount(<Timeline months={MONTHS} activities={[makeActivity()]} onMarkDone={onMarkDone} />);
    expect(root.querySelectorAll('.statuses button')).toHaveLength(1);
    await click(buttonNamed(root, 'ทำเสร็จแล้ว'));
    expect(onMarkDone).toHaveBeenCalledWith('act-1', 'a2');
  });

  it('shows the reason when marking done fails', async () => {
    const onMarkDone = vi.fn().mockRejectedValue(new Error('เฉพาะผู้รับผิดชอบ ITA ของหน่วยงานสอง'));
    const root = mount(<Timeline months={MONTHS} activities={[makeActivity()]} onMarkDone={onMarkDone} />);
    await click(buttonNamed(root, 'ทำเสร็จแล้ว'));
    expect(root.querySelector('[role="alert"]')?.textContent).toBe('เฉพาะผู้รับผิดชอบ ITA ของหน่วยงานสอง');
  });

  it('tones an activity by its statuses', () => {
    expect(activityTone(makeActivity())).toBe('overdue');
    expect(activityTone(makeActivity({ overdueCount: 0, doneCount: 2 }))).toBe('done');
    expect(activityTone(makeActivity({ overdueCount: 0, doneCount: 1 }))).toBe('open');
    expect(activityTone(makeActivity({ overdueCount: 0, doneCount: 0, agencies: [] }))).toBe('open');
  });
});
