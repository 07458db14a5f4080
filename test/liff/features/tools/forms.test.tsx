// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { BroadcastForm } from '../../../../liff/src/features/tools/broadcast-form.tsx';
import { ImportPage } from '../../../../liff/src/features/tools/import-page.tsx';
import { describeImportError, importScores } from '../../../../liff/src/features/tools/score-import.ts';
import { createApi } from '../../../../liff/src/lib/api.ts';
import type { BroadcastPreview } from '../../../../liff/src/lib/api-types.ts';
import type { Session } from '../../../../liff/src/lib/liff.ts';
import { type Me, rolesOf, SessionContext } from '../../../../liff/src/lib/session.ts';
import { buttonNamed, click, find, mount, settle, typeInto } from '../../support.ts';

const ME: Me = {
  userId: 'Ucoord',
  name: 'ผู้ประสานงาน',
  provinceId: 'pt',
  provinceName: 'ปทุมธานี',
  isCoordinator: true,
  isOfficer: false,
  staffAgencyIds: [],
  officerAgencyIds: [],
};

const PROVINCE = {
  provinceId: 'pt',
  provinceName: 'ปทุมธานี',
  year: 2567,
  years: [2567],
  agencies: [],
  levels: [],
  unscored: 0,
  types: [],
  districts: [],
};

const BAD_IMPORT = {
  error: 'bad_request',
  message: 'นำเข้าไม่ได้: พบข้อผิดพลาด 2 รายการ ยังไม่ได้บันทึกคะแนนใด ๆ',
  imported: 0,
  agencies: [],
  errors: [
    { line: 7, field: 'ข้อ i99', message: 'ไม่รู้จักข้อ i99' },
    { line: 3, field: 'ข้อ i1', message: 'คะแนนต้องอยู่ระหว่าง 0 ถึง 100' },
  ],
};

/** A fetch standing in for /api: records the import bodies and answers as the server would. */
function fakeApiFetch(importAnswer: { status: number; body: unknown }) {
  const imports: unknown[] = [];
  const fetcher = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const { pathname } = new URL(request.url);
    expect(request.headers.get('authorization')).toBe('Bearer tok');
    if (pathname === '/api/province') return Response.json(PROVINCE);
    if (pathname === '/api/agencies/import') {
      imports.push(await request.json());
      return Response.json(importAnswer.body, { status: importAnswer.status });
    }
    return Response.json({ error: 'not_found', message: 'ไม่พบ' }, { status: 404 });
  });
  return { fetcher, imports };
}

function withSession(fetcher: typeof fetch) {
  const session = { idToken: 'tok', mock: true } as unknown as Session;
  const value = { api: createApi('tok', fetcher), me: ME, session, roles: rolesOf(ME), demoUsers: [] };
  return (
    <SessionContext.Provider value={value}>
      <ImportPage />
    </SessionContext.Provider>
  );
}

describe('score import form', () => {
  it('shows every error by line, in file order and in Thai, after a rejected check', async () => {
    const { fetcher, imports } = fakeApiFetch({ status: 400, body: BAD_IMPORT });
    const root = mount(withSession(fetcher));
    await settle();
    await typeInto(find<HTMLTextAreaElement>(root, '#import-content'), 'agency_id,code,score\npt-01,i1,120');
    await click(buttonNamed(root, 'ตรวจสอบและดูตัวอย่าง'));
    expect(imports).toHaveLength(1);
    expect(imports[0]).toMatchObject({
      fileName: 'scores.csv',
      dryRun: true,
      content: 'agency_id,code,score\npt-01,i1,120',
    });
    const alert = find(root, '[role="alert"]');
    expect(alert.textContent).toContain('ยังไม่ได้บันทึกคะแนนใด ๆ');
    const lines = [...alert.querySelectorAll('.import-errors li')].map((li) => li.textContent);
    expect(lines).toEqual(['บรรทัด 3 · ข้อ i1: คะแนนต้องอยู่ระหว่าง 0 ถึง 100', 'บรรทัด 7 · ข้อ i99: ไม่รู้จักข้อ i99']);
    // Nothing can be saved while the check fails.
    expect(find<HTMLButtonElement>(root, '#import-run').disabled).toBe(true);
  });

  it('saves only after a clean preview, then says what was stored, with a link to each card', async () => {
    const ok = {
      imported: 3,
      dryRun: false,
      agencies: [{ id: 'pt-01', name: 'สำนักงานจังหวัด', rows: 3, total: 91.2, level: 'ผ่านดี', missing: [] }],
      errors: [],
    };
    const { fetcher, imports } = fakeApiFetch({ status: 200, body: ok });
    const root = mount(withSession(fetcher));
    await settle();
    await typeInto(find<HTMLTextAreaElement>(root, '#import-content'), 'IIT,90');
    expect(find<HTMLButtonElement>(root, '#import-run').disabled).toBe(true);
    await click(buttonNamed(root, 'ตรวจสอบและดูตัวอย่าง'));
    await click(buttonNamed(root, 'นำเข้าและบันทึก'));
    expect(imports.map((b) => (b as { apply: boolean }).apply)).toEqual([false, true]);
    expect(find(root, '[role="status"]').textContent).toContain('บันทึกคะแนนแล้ว 3 รายการ จาก 1 หน่วยงาน');
    expect(find<HTMLAnchorElement>(root, '[role="status"] a').getAttribute('href')).toBe(
      '/liff/agency/pt-01',
    );
  });

  it("asks what an unknown column is with the server's choices, and checks again with the answer", async () => {
    const review = {
      kind: 'results',
      ready: false,
      columns: [],
      unknownHeaders: ['คอลัมน์ที่ 9'],
      fields: [
        ['ignore', 'ไม่ใช้คอลัมน์นี้'],
        ['indicator_9', 'ตัวชี้วัดที่ 9'],
      ],
      unmatched: [],
      warnings: [],
      rows: [],
      skipped: [],
    };
    const body = { imported: 0, dryRun: true, agencies: [], errors: [], review };
    const { fetcher, imports } = fakeApiFetch({ status: 200, body });
    const root = mount(withSession(fetcher));
    await settle();
    await typeInto(find<HTMLTextAreaElement>(root, '#import-content'), 'ชื่อหน่วยงาน,คอลัมน์ที่ 9\nก,97');
    await click(buttonNamed(root, 'ตรวจสอบและดูตัวอย่าง'));
    const select = find<HTMLSelectElement>(root, '[data-testid="import-review"] select');
    expect([...select.options].map((o) => o.textContent)).toEqual(['— เลือก —', 'ไม่ใช้คอลัมน์นี้', 'ตัวชี้วัดที่ 9']);
    expect(find<HTMLButtonElement>(root, '#import-run').disabled).toBe(true);
    await typeInto(select, 'indicator_9');
    await click(buttonNamed(root, 'ตรวจสอบและดูตัวอย่าง'));
    expect(imports[1]).toMatchObject({ mapping: { 'คอลัมน์ที่ 9': 'indicator_9' } });
  });

  it('turns field issues from the validator into lines without a line number', async () => {
    const issues = {
      error: 'bad_request',
      message: 'ข้อมูลไม่ถูกต้อง',
      issues: [{ path: 'year', message: 'ปีงบประมาณต้องตั้งแต่ 2562' }],
    };
    const { fetcher } = fakeApiFetch({ status: 400, body: issues });
    const outcome = await importScores(createApi('tok', fetcher), {
      fileName: 'a.csv',
      content: 'x',
      year: 2500,
    });
    expect(outcome).toEqual({
      ok: false,
      message: 'ข้อมูลไม่ถูกต้อง',
      errors: [{ line: null, field: 'year', message: 'ปีงบประมาณต้องตั้งแต่ 2562' }],
    });
    expect(describeImportError({ line: null, field: null, message: 'ไฟล์ว่าง' })).toBe('ไฟล์ว่าง');
  });
});

describe('broadcast form', () => {
  const preview: BroadcastPreview = {
    groups: 12,
    audience: 'เทศบาล',
    text: '📢 ประกาศ\nประชุมพรุ่งนี้',
    key: 'k1',
    cost: 180,
    uncountedGroups: 0,
    quota: 'limited',
    remainingAfter: 4_320,
  };
  const types = [{ type: 'municipality' as const, label: 'เทศบาล' }];

  it('sends only after the preview and an explicit confirm, with the chosen filter', async () => {
    const previewFn = vi.fn().mockResolvedValue(preview);
    const send = vi.fn().mockResolvedValue('กำลังส่งประกาศถึง 12 กลุ่ม');
    const root = mount(
      <BroadcastForm
        types={types}
        districts={['คลองหลวง']}
        activities={[]}
        preview={previewFn}
        send={send}
      />,
    );
    expect(buttonNamed(root, 'ดูตัวอย่าง').disabled).toBe(true);
    await typeInto(find<HTMLTextAreaElement>(root, '#broadcast-text'), 'ประชุมพรุ่งนี้');
    await typeInto(root.querySelectorAll('select')[0] as HTMLSelectElement, 'municipality');
    await click(buttonNamed(root, 'ดูตัวอย่าง'));
    expect(previewFn).toHaveBeenCalledWith('ประชุมพรุ่งนี้', { type: 'municipality' });
    expect(send).not.toHaveBeenCalled();
    expect(find(root, '[data-testid="groups"]').textContent).toBe('12');
    await click(buttonNamed(root, 'ยืนยันส่งถึง 12 กลุ่ม'));
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith('ประชุมพรุ่งนี้', { type: 'municipality' });
    expect(find(root, '[role="status"]').textContent).toContain('กำลังส่งประกาศถึง 12 กลุ่ม');
  });

  it.each([
    [{}, 'ใช้โควตาข้อความ LINE ประมาณ 180 ข้อความ', 'หลังส่งจะเหลือโควตาเดือนนี้ 4,320 ข้อความ'],
    [{ remainingAfter: -1_250 }, 'ประมาณ 180 ข้อความ', 'โควตาเดือนนี้ไม่พอ ขาดอีก 1,250 ข้อความ'],
    [{ quota: 'none', remainingAfter: null }, 'ประมาณ 180 ข้อความ', 'ไม่จำกัดจำนวนข้อความต่อเดือน'],
    [{ quota: 'unread', remainingAfter: null }, 'ประมาณ 180 ข้อความ', 'อ่านโควตาคงเหลือจาก LINE ไม่ได้'],
    [{ uncountedGroups: 2 }, '2 กลุ่มยังไม่ได้นับสมาชิก คิดกลุ่มละ 10 คน', 'เหลือโควตาเดือนนี้ 4,320'],
  ] as const)('shows the quota the announcement costs and what remains (%o)', async (change, cost, after) => {
    const root = mount(
      <BroadcastForm
        types={types}
        districts={[]}
        activities={[]}
        preview={vi.fn().mockResolvedValue({ ...preview, ...change })}
        send={vi.fn()}
      />,
    );
    await typeInto(find<HTMLTextAreaElement>(root, '#broadcast-text'), 'ก');
    await click(buttonNamed(root, 'ดูตัวอย่าง'));
    const shown = find(root, '[data-testid="quota-cost"]').textContent ?? '';
    expect(shown.replace(/\s+/g, ' ')).toContain(cost);
    expect(shown.replace(/\s+/g, ' ')).toContain(after);
    expect(buttonNamed(root, 'ยืนยันส่งถึง 12 กลุ่ม').disabled).toBe(false);
  });

  it('goes back to composing when the text changes after the preview', async () => {
    const send = vi.fn();
    const root = mount(
      <BroadcastForm
        types={types}
        districts={[]}
        activities={[]}
        preview={vi.fn().mockResolvedValue(preview)}
        send={send}
      />,
    );
    await typeInto(find<HTMLTextAreaElement>(root, '#broadcast-text'), 'ก');
    await click(buttonNamed(root, 'ดูตัวอย่าง'));
    await typeInto(find<HTMLTextAreaElement>(root, '#broadcast-text'), 'ข้อความใหม่');
    await settle();
    expect(() => buttonNamed(root, 'ยืนยันส่ง')).toThrow();
    expect(send).not.toHaveBeenCalled();
  });

  it('offers no send button when no group matches', async () => {
    const root = mount(
      <BroadcastForm
        types={types}
        districts={[]}
        activities={[]}
        preview={vi.fn().mockResolvedValue({ ...preview, groups: 0 })}
        send={vi.fn()}
      />,
    );
    await typeInto(find<HTMLTextAreaElement>(root, '#broadcast-text'), 'ก');
    await click(buttonNamed(root, 'ดูตัวอย่าง'));
    expect(root.textContent).toContain('ไม่มีกลุ่มที่ตรงกับผู้รับที่เลือก');
    expect(() => buttonNamed(root, 'ยืนยันส่ง')).toThrow();
  });

  it('shows the server reason when the preview is refused', async () => {
    const root = mount(
      <BroadcastForm
        types={types}
        districts={[]}
        activities={[]}
        preview={vi.fn().mockRejectedValue(new Error('ข้อความยาวเกิน'))}
        send={vi.fn()}
      />,
    );
    await typeInto(find<HTMLTextAreaElement>(root, '#broadcast-text'), 'ก');
    await click(buttonNamed(root, 'ดูตัวอย่าง'));
    expect(find(root, '[role="alert"]').textContent).toContain('ข้อความยาวเกิน');
  });
});
