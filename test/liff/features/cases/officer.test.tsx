// @vitest-environment happy-dom
// The officers' side of the LIFF complaint views: action buttons follow the status and closing needs a result;
// the queue puts overdue cases first; statistics show suppressed cells as the API gives them.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { monthLabelOf } from '../../../../core/complaints/stats-labels.ts';
import { officerActionsFor } from '../../../../core/complaints/status.ts';
import { CaseActions } from '../../../../liff/src/features/cases/case-actions.tsx';
import { DeadlineList, NextDeadline } from '../../../../liff/src/features/cases/deadlines.tsx';
import { queueOrder } from '../../../../liff/src/features/cases/queue-page.tsx';
import { cellText } from '../../../../liff/src/features/cases/stats-view.tsx';
import type { CaseSummary } from '../../../../liff/src/features/complaints/types.ts';
import { SessionContext } from '../../../../liff/src/lib/session.ts';
import { sessionFor } from '../../support.ts';

let root: HTMLElement;
const sent: unknown[] = [];

async function fakeFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const request = new Request(input, init);
  sent.push(await request.json());
  return Response.json({ statusLabel: 'ดำเนินการเสร็จสิ้น' });
}

const session = () =>
  sessionFor(fakeFetch, { provinceId: 'p', isOfficer: true, officerAgencyIds: [null] }, 'officer');

function show(status: string, onDone: (m: string) => void): void {
  root = document.createElement('div');
  document.body.append(root);
  act(() => {
    render(
      <SessionContext.Provider value={session()}>
        <CaseActions caseId="c1" actions={officerActionsFor(status)} onDone={onDone} />
      </SessionContext.Provider>,
      root,
    );
  });
}

afterEach(() => {
  render(null, root);
  root.remove();
  sent.length = 0;
});

const buttons = () => [...root.querySelectorAll('button')].map((b) => b.textContent);
const click = (name: string) => {
  const button = [...root.querySelectorAll('button')].find((b) => b.textContent === name);
  if (button === undefined) throw new Error(`no button ${name}: ${buttons().join(', ')}`);
  return act(async () => button.click());
};

describe('CaseActions', () => {
  it('offers the actions of the status only', () => {
    show('received', () => undefined);
    expect(buttons()).toEqual([
      'รับทราบเรื่อง',
      'รับเป็นผู้รับผิดชอบ',
      'ปิดเรื่องพร้อมผล',
      'ส่งต่อหน่วยงานอื่น',
      'ไม่รับไว้พิจารณา',
    ]);
    render(null, root);
    show('closed', () => undefined);
    expect(buttons()).toEqual([]);
    expect(root.textContent).toContain('ไม่มีขั้นตอนที่ต้องดำเนินการต่อ');
  });

  it('does not close without a result, then sends the result', async () => {
    const done: string[] = [];
    show('in_progress', (m) => done.push(m));
    await click('ปิดเรื่องพร้อมผล');
    await click('ยืนยันปิดเรื่องพร้อมผล');
    expect(root.textContent).toContain('โปรดกรอกผลการดำเนินการก่อนปิดเรื่อง');
    expect(sent).toEqual([]);
    const area = root.querySelector('textarea');
    if (area === null) throw new Error('no textarea');
    act(() => {
      area.value = '  คืนเงินให้ผู้ร้องแล้ว  ';
      area.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await click('ยืนยันปิดเรื่องพร้อมผล');
    await act(() => new Promise((r) => setTimeout(r, 10)));
    expect(sent).toEqual([{ action: 'close', text: 'คืนเงินให้ผู้ร้องแล้ว' }]);
    expect(done).toEqual(['บันทึกแล้ว: ดำเนินการเสร็จสิ้น']);
  });

  it('acknowledges at once, with no text', async () => {
    show('received', () => undefined);
    await click('รับทราบเรื่อง');
    await act(() => new Promise((r) => setTimeout(r, 10)));
    expect(sent).toEqual([{ action: 'acknowledge' }]);
  });
});

function summary(id: string, createdAt: string, late: boolean, met = false): CaseSummary {
  return {
    id,
    trackingCode: id,
    type: 'service',
    typeLabel: 'การให้บริการ',
    agencyId: null,
    agencyName: 'ไม่ทราบหน่วยงาน',
    status: 'received',
    statusLabel: 'ได้รับเรื่องแล้ว',
    assignedTo: null,
    createdAt,
    updatedAt: createdAt,
    createdAtLabel: createdAt,
    deadlines: [
      {
        kind: 'acknowledge',
        round: 'filed',
        dueOn: '2025-03-06',
        dueLabel: '6 มี.ค. 2568',
        metAt: met ? createdAt : null,
        metAtLabel: met ? '5 มี.ค. 2568' : null,
        late,
      },
    ],
  };
}

describe('queueOrder', () => {
  it('puts cases still open past a deadline first (met late does not count), then the longest waiting', () => {
    const order = queueOrder([
      summary('new', '2025-03-05T00:00:00Z', false),
      summary('old', '2025-03-01T00:00:00Z', false),
      summary('late', '2025-03-03T00:00:00Z', true),
      summary('met-late', '2025-03-04T00:00:00Z', true, true),
    ]);
    expect(order.map((c) => c.id)).toEqual(['late', 'old', 'met-late', 'new']);
  });
});

describe('statistics cells', () => {
  it('shows numbers, and suppressed cells exactly as the API sends them', () => {
    expect(cellText(1234)).toBe('1,234');
    expect(cellText('<3')).toBe('<3');
    expect(cellText('x')).toBe('x');
    expect(monthLabelOf('2025-03')).toBe('มี.ค. 2568');
    expect(monthLabelOf('2024-10')).toBe('ต.ค. 2567');
  });
});

describe('deadlines of a reopened case', () => {
  it('says they are counted from the reopening, in the list and in the queue', () => {
    const deadlines: CaseSummary['deadlines'] = [
      {
        kind: 'acknowledge',
        round: 'reopened',
        dueOn: '2025-03-06',
        dueLabel: '6 มี.ค. 2568',
        metAt: null,
        metAtLabel: null,
        late: false,
      },
      {
        kind: 'close',
        round: 'reopened',
        dueOn: '2025-04-03',
        dueLabel: '3 เม.ย. 2568',
        metAt: null,
        metAtLabel: null,
        late: false,
      },
    ];
    root = document.createElement('div');
    render(<DeadlineList deadlines={deadlines} />, root);
    expect(root.textContent).toContain('นับกำหนดใหม่ตั้งแต่วันที่ผู้ร้องขอให้พิจารณาอีกครั้ง');
    render(<NextDeadline deadlines={deadlines} />, root);
    expect(root.textContent).toBe('กำหนดรับทราบเรื่องภายใน 6 มี.ค. 2568 · รอบพิจารณาอีกครั้ง');
    const filed = deadlines.map((d) => ({ ...d, round: 'filed' as const }));
    render(<DeadlineList deadlines={filed} />, root);
    expect(root.textContent).not.toContain('พิจารณาอีกครั้ง');
  });
});
