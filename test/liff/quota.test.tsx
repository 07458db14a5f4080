// @vitest-environment happy-dom
// The quota page: what is used and forecast, and while sending is paused the alert and "ส่งต่อ".
import { describe, expect, it, vi } from 'vitest';
import { QuotaPage } from '../../liff/src/features/quota/page.tsx';
import { SessionContext } from '../../liff/src/lib/session.ts';
import { buttonNamed, click, mount, sessionFor, settle } from './support.ts';

const QUOTA = {
  limit: 15_000,
  used: 15_000,
  readFailed: false,
  monthEnds: '2026-11-30T15:00:00.000Z',
  forecast: {
    reminderPushes: 10,
    reminders: 1_200,
    digests: 5,
    queued: 340,
    complaintUpdates: 3,
    total: 1_548,
  },
  uncountedGroups: 0,
  paused: { since: '2026-11-23T02:00:00.000Z', reason: 'quota' },
  alert: 'ระงับการส่งข้อความของบอตชั่วคราว: โควตาข้อความรายเดือนของบัญชี LINE ใช้หมดแล้ว',
  advice: 'ระงับการส่งอยู่เพราะโควตาหมด',
};

describe('โควตาข้อความ LINE', () => {
  it('shows the month’s figures and resumes sending with ส่งต่อ', async () => {
    let paused = true;
    const fetcher = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      const { pathname } = new URL(request.url);
      if (pathname === '/api/quota') return Response.json({ ...QUOTA, paused: paused ? QUOTA.paused : null });
      if (pathname === '/api/quota/resume' && request.method === 'POST') {
        paused = false;
        return Response.json({ resumed: true, merged: 4 });
      }
      return Response.json({ error: 'not_found', message: 'ไม่พบ' }, { status: 404 });
    });
    const root = mount(
      <SessionContext.Provider value={sessionFor(fetcher, { isCoordinator: true }, 'coordinator')}>
        <QuotaPage />
      </SessionContext.Provider>,
    );
    await settle();
    expect(root.textContent).toContain('ใช้แล้ว 15,000 จาก 15,000 ข้อความ (100%)');
    expect(root.textContent).toContain('คาดว่าจะใช้อีก 1,548 ข้อความ');
    expect(root.textContent).toContain('ระงับการส่งข้อความชั่วคราว');
    await click(buttonNamed(root, 'ส่งต่อ'));
    await settle();
    expect(root.textContent).toContain('เปิดการส่งข้อความอีกครั้งแล้ว');
    expect(root.textContent).not.toContain('ระงับการส่งข้อความชั่วคราว');
  });
});
