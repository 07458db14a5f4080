// @vitest-environment happy-dom
// The LIFF complaint form, rendered: a step is not left while it has a problem (core's Thai message shows), the
// steps run in order to the summary, the body sent is the form's, and a 400 from the server returns to its step.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateDescription } from '../../../../core/complaints/intake-rules.ts';
import { PHONE_MESSAGE } from '../../../../core/complaints/phone.ts';
import type { FormPhoto } from '../../../../liff/src/features/complaints/form-model.ts';
import { ComplaintNewPage } from '../../../../liff/src/features/complaints/new-page.tsx';
import { SessionContext } from '../../../../liff/src/lib/session.ts';
import { sessionFor } from '../../support.ts';

const AGENCIES = [
  { id: 'pathum-thani-treasury', nameTh: 'สำนักงานคลังจังหวัดปทุมธานี', shortName: null, type: 'provincial' },
  { id: 'pathum-thani-labour', nameTh: 'สำนักงานแรงงานจังหวัดปทุมธานี', shortName: null, type: 'provincial' },
];
const STORY = 'เจ้าหน้าที่เรียกเก็บเงินเพิ่มโดยไม่มีใบเสร็จ';

let root: HTMLElement;
let posted: unknown[];
let answer: () => Response;

function fakeFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const request = new Request(input, init);
  const url = new URL(request.url);
  if (url.pathname === '/api/complaints/agencies') {
    const q = url.searchParams.get('q') ?? '';
    return Promise.resolve(Response.json({ agencies: AGENCIES.filter((a) => a.nameTh.includes(q)) }));
  }
  if (url.pathname === '/api/complaints' && request.method === 'POST')
    return request.json().then((body) => {
      posted.push(body);
      return answer();
    });
  return Promise.resolve(Response.json({ message: 'ไม่พบ' }, { status: 404 }));
}

const session = () => sessionFor(fakeFetch);

const photo: FormPhoto = {
  contentType: 'image/jpeg',
  data: 'AAAA',
  bytes: 3,
  preview: 'data:image/jpeg;base64,AAAA',
};

beforeEach(() => {
  sessionStorage.clear(); // the form keeps a draft there: each test starts on an empty form
  posted = [];
  answer = () =>
    Response.json(
      {
        trackingCode: 'K7QMX-2XPAR-9DRTW',
        createdAt: '2025-03-03T07:00:00.000Z',
        createdAtLabel: '3 มีนาคม 2568 14:00 น.',
        identityMode: 'named',
      },
      {
        status: 201,
      },
    );
  root = document.createElement('div');
  document.body.append(root);
  act(() => {
    render(
      <SessionContext.Provider value={session()}>
        <ComplaintNewPage preparePhoto={async () => ({ ok: true, photo })} />
      </SessionContext.Provider>,
      root,
    );
  });
});

afterEach(() => {
  render(null, root);
  root.remove();
});

/** Waits (a few real ticks at a time) until `find` gives something; the agency search debounces 250 ms. */
async function until<T>(find: () => T | null | undefined, what: string): Promise<T> {
  for (let i = 0; i < 100; i += 1) {
    const found = find();
    if (found !== null && found !== undefined) return found;
    await act(() => new Promise((r) => setTimeout(r, 20)));
  }
  throw new Error(`never found: ${what}; page says: ${root.textContent}`);
}

const heading = () => root.querySelector('h2')?.textContent;
const text = () => root.textContent ?? '';

async function submit(): Promise<void> {
  await act(async () => root.querySelector('form')?.requestSubmit());
}

function typeInto(field: HTMLInputElement | HTMLTextAreaElement | null, value: string): void {
  if (field === null) throw new Error('no field');
  act(() => {
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

function pick(selector: string): void {
  const input = root.querySelector<HTMLInputElement>(selector);
  if (input === null) throw new Error(`no ${selector}`);
  act(() => input.click());
}

function buttonNamed(name: string): HTMLButtonElement | undefined {
  return [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
}

async function fillUpToIdentity(): Promise<void> {
  pick('input[type="checkbox"]');
  await submit();
  pick('input[value="service"]');
  const agency = await until(() => buttonNamed('สำนักงานคลังจังหวัดปทุมธานี'), 'agency button');
  act(() => agency.click());
  await submit();
  typeInto(root.querySelector('textarea'), STORY);
  await submit();
  await submit(); // when and where: optional
  const input = root.querySelector<HTMLInputElement>('input[type="file"]');
  if (input === null) throw new Error('no file input');
  Object.defineProperty(input, 'files', { value: [new File(['x'], 'a.png', { type: 'image/png' })] });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await until(() => root.querySelector('.complaint-photos img'), 'photo preview');
  await submit();
}

describe('ComplaintNewPage', () => {
  it('stays on the privacy notice until it is accepted, and links the full policy', async () => {
    expect(heading()).toBe('การคุ้มครองข้อมูลของท่าน');
    expect(root.querySelector('a[href="/privacy"]')).not.toBeNull();
    await submit();
    expect(heading()).toBe('การคุ้มครองข้อมูลของท่าน');
    expect(text()).toContain('โปรดอ่านและกดยอมรับก่อนแจ้งเรื่อง');
    pick('input[type="checkbox"]');
    await submit();
    expect(heading()).toBe('ประเภทเรื่องและหน่วยงาน');
  });

  it('asks for a type and an agency, and takes "ไม่ทราบหน่วยงาน"', async () => {
    pick('input[type="checkbox"]');
    await submit();
    await submit();
    expect(text()).toContain('โปรดเลือกประเภทเรื่อง');
    expect(text()).toContain('โปรดเลือกหน่วยงาน หรือเลือก "ไม่ทราบ"');
    pick('input[value="corruption"]');
    const unknown = await until(() => buttonNamed('ไม่ทราบหน่วยงาน'), 'unknown button');
    act(() => unknown.click());
    await submit();
    expect(heading()).toBe('เล่าเหตุการณ์');
  });

  it('searches agencies as the person types', async () => {
    pick('input[type="checkbox"]');
    await submit();
    await until(() => buttonNamed('สำนักงานแรงงานจังหวัดปทุมธานี'), 'full list');
    typeInto(root.querySelector('input[type="search"]'), 'คลัง');
    await until(() => (buttonNamed('สำนักงานแรงงานจังหวัดปทุมธานี') === undefined ? true : undefined), 'filtered');
    expect(buttonNamed('สำนักงานคลังจังหวัดปทุมธานี')).toBeDefined();
    typeInto(root.querySelector('input[type="search"]'), 'ไม่มีชื่อนี้');
    await until(() => (text().includes('ไม่พบหน่วยงานชื่อนี้') ? true : undefined), 'no match');
    expect(buttonNamed('ไม่ทราบหน่วยงาน')).toBeDefined();
  });

  it('shows core’s message for a short description and keeps the step', async () => {
    pick('input[type="checkbox"]');
    await submit();
    pick('input[value="other"]');
    act(() => (buttonNamed('ไม่ทราบหน่วยงาน') as HTMLButtonElement).click());
    await submit();
    typeInto(root.querySelector('textarea'), 'สั้นไป');
    await submit();
    const expected = validateDescription('สั้นไป');
    expect(expected.ok).toBe(false);
    expect(text()).toContain(expected.ok ? '' : expected.message);
    expect(heading()).toBe('เล่าเหตุการณ์');
  });

  it('needs a valid Thai phone when named, then sends the form and shows the tracking code', async () => {
    await fillUpToIdentity();
    expect(heading()).toBe('วิธีระบุตัวตน');
    pick('input[value="named"]');
    typeInto(root.querySelector('input[autocomplete="name"]'), 'สมชาย ใจดี');
    typeInto(root.querySelector('input[type="tel"]'), '12345');
    await submit();
    expect(text()).toContain(PHONE_MESSAGE);
    typeInto(root.querySelector('input[type="tel"]'), '081 234 5678');
    await submit();
    expect(heading()).toBe('ตรวจสอบและยืนยัน');
    expect(text()).toContain('081-234-5678');
    expect(text()).toContain('1 รูป');
    await submit();
    await until(() => root.querySelector('#tracking-code'), 'receipt');
    expect(root.querySelector('#tracking-code')?.textContent).toBe('K7QMX-2XPAR-9DRTW');
    expect(text()).toContain('แจ้งเมื่อ 3 มีนาคม 2568 14:00 น.');
    expect(posted).toEqual([
      expect.objectContaining({
        type: 'service',
        agencyId: 'pathum-thani-treasury',
        description: STORY,
        identityMode: 'named',
        name: 'สมชาย ใจดี',
        phone: '0812345678',
        photos: [{ contentType: 'image/jpeg', data: 'AAAA' }],
      }),
    ]);
  });

  it('sends no name for an anonymous complaint and goes back to the step the server names in a 400', async () => {
    answer = () =>
      Response.json(
        {
          error: 'bad_request',
          message: 'ไม่พบหน่วยงานนี้',
          issues: [{ path: 'agencyId', message: 'ไม่พบหน่วยงานนี้ในจังหวัด' }],
        },
        { status: 400 },
      );
    await fillUpToIdentity();
    pick('input[value="code_only"]');
    await submit();
    await submit();
    await until(() => (heading() === 'ประเภทเรื่องและหน่วยงาน' ? true : undefined), 'back at the agency step');
    expect(text()).toContain('ไม่พบหน่วยงานนี้ในจังหวัด');
    expect(posted).toEqual([expect.objectContaining({ identityMode: 'code_only', name: null, phone: null })]);
  });
});
