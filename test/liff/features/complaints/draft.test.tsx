// @vitest-environment happy-dom
// The complaint form's draft in sessionStorage: kept across a remount (a LIFF reload), never with the name, phone
// or photos, dropped after a send or by "เริ่มใหม่", and a stored value that is not a draft is ignored.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ComplaintNewPage } from '../../../../liff/src/features/complaints/new-page.tsx';
import { SessionContext } from '../../../../liff/src/lib/session.ts';
import { buttonNamed, click, find, sessionFor, settle, typeInto } from '../../support.ts';

const KEY = 'ita-draft:complaint-new:U1';
const AGENCY = { id: 'pathum-thani-treasury', nameTh: 'สำนักงานคลังจังหวัดปทุมธานี', shortName: null, type: 'x' };
const STORY = 'เจ้าหน้าที่เรียกเก็บเงินเพิ่มโดยไม่มีใบเสร็จ';
const NOTICE = 'ท่านกรอกต่อจากที่ค้างไว้ได้';
const PHOTO = {
  contentType: 'image/jpeg',
  data: 'UEhPVE9CWVRFUw',
  bytes: 10,
  preview: 'data:image/jpeg;base64,UEhP',
};
/** A draft as the form stores it, on the summary step of an anonymous complaint. */
const SAVED = {
  step: 'confirm',
  submissionId: '0b8e4a52-3c1d-4f7a-9e2b-5d6c7a8b9c0d',
  accepted: true,
  type: 'corruption',
  agency: null,
  description: STORY,
  occurredAt: 'เมื่อวานช่วงบ่าย',
  place: 'ห้องทะเบียน',
  location: { lat: 14.0208, lng: 100.5247 },
  identityMode: 'code_only',
};

let root: HTMLElement;
let posted: Record<string, unknown>[];

function fakeFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const request = new Request(input, init);
  const url = new URL(request.url);
  if (url.pathname === '/api/complaints/agencies')
    return Promise.resolve(Response.json({ agencies: [AGENCY] }));
  if (url.pathname === '/api/complaints' && request.method === 'POST')
    return request.json().then((body) => {
      posted.push(body);
      const receipt = {
        trackingCode: 'K7QMX-2XPAR-9DRTW',
        createdAt: '2025-03-03T07:00:00.000Z',
        createdAtLabel: '3 มีนาคม 2568 14:00 น.',
        identityMode: 'x',
      };
      return Response.json(receipt, { status: 201 });
    });
  return Promise.resolve(Response.json({ message: 'ไม่พบ' }, { status: 404 }));
}

const sessionOf = (userId: string) => sessionFor(fakeFetch, { userId });

/** Opens the form as a fresh page load would (the old one, if any, leaves first). */
function open(userId = 'U1'): void {
  act(() => render(null, root));
  act(() => {
    render(
      <SessionContext.Provider value={sessionOf(userId)}>
        <ComplaintNewPage preparePhoto={async () => ({ ok: true, photo: PHOTO })} />
      </SessionContext.Provider>,
      root,
    );
  });
}

const heading = () => root.querySelector('h2')?.textContent;
const text = () => root.textContent ?? '';
const stored = () => sessionStorage.getItem(KEY);
/** Longer than the form's 300 ms write delay. */
const waitForWrite = () => act(() => new Promise((r) => setTimeout(r, 350)));
const submit = () => act(async () => root.querySelector('form')?.requestSubmit());
const pick = (selector: string) => act(() => find<HTMLInputElement>(root, selector).click());

async function fillToIdentity(): Promise<void> {
  pick('input[type="checkbox"]');
  await submit();
  pick('input[value="service"]');
  await settle();
  await click(buttonNamed(root, AGENCY.nameTh));
  await submit();
  await typeInto(find<HTMLTextAreaElement>(root, 'textarea'), STORY);
  await submit();
  await typeInto(find<HTMLInputElement>(root, 'input[type="text"]'), 'เมื่อวานช่วงบ่าย');
  await submit();
  const input = find<HTMLInputElement>(root, 'input[type="file"]');
  Object.defineProperty(input, 'files', { value: [new File(['x'], 'a.png', { type: 'image/png' })] });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle();
  expect(root.querySelector('.complaint-photos img')).not.toBeNull();
  await submit();
}

beforeEach(() => {
  sessionStorage.clear();
  posted = [];
  root = document.createElement('div');
  document.body.replaceChildren(root);
});

afterEach(() => {
  act(() => render(null, root));
  root.remove();
});

describe('ComplaintNewPage draft', () => {
  it('keeps the answers after a moment and refills them, on the same step, when the page opens again', async () => {
    open();
    await fillToIdentity();
    expect(heading()).toBe('วิธีระบุตัวตน');
    pick('input[value="anonymous_updates"]');
    await waitForWrite();
    expect(JSON.parse(stored() ?? 'null')).toMatchObject({
      v: 1,
      data: { step: 'identity', description: STORY },
    });
    open();
    expect(heading()).toBe('วิธีระบุตัวตน');
    expect(text()).toContain(NOTICE);
    expect(find<HTMLInputElement>(root, 'input[value="anonymous_updates"]').checked).toBe(true);
    await click(buttonNamed(root, 'ย้อนกลับ'));
    expect(text()).not.toContain(NOTICE);
    await click(buttonNamed(root, 'ย้อนกลับ'));
    expect(find<HTMLInputElement>(root, 'input[type="text"]').value).toBe('เมื่อวานช่วงบ่าย');
    await click(buttonNamed(root, 'ย้อนกลับ'));
    expect(find<HTMLTextAreaElement>(root, 'textarea').value).toBe(STORY);
    await click(buttonNamed(root, 'ย้อนกลับ'));
    expect(find<HTMLInputElement>(root, 'input[value="service"]').checked).toBe(true);
    expect(find(root, '.complaint-chosen').textContent).toContain(AGENCY.nameTh);
  });

  it('never writes the name, the phone or the photos, and asks for them again', async () => {
    open();
    await fillToIdentity();
    pick('input[value="named"]');
    await typeInto(find<HTMLInputElement>(root, 'input[autocomplete="name"]'), 'สมชาย ใจดี');
    await typeInto(find<HTMLInputElement>(root, 'input[type="tel"]'), '081 234 5678');
    await submit();
    expect(heading()).toBe('ตรวจสอบและยืนยัน');
    open(); // leaving writes at once, without waiting for the delay
    const raw = stored() ?? '';
    expect(raw).toContain('"identityMode":"named"');
    for (const secret of ['สมชาย', 'ใจดี', '081 234 5678', '0812345678', PHOTO.data, 'photos', 'phone'])
      expect(raw).not.toContain(secret);
    expect(heading()).toBe('วิธีระบุตัวตน');
    expect(find<HTMLInputElement>(root, 'input[autocomplete="name"]').value).toBe('');
  });

  it('writes a moment after typing, or at once when LINE hides the page', async () => {
    open();
    pick('input[type="checkbox"]');
    await submit();
    pick('input[value="other"]');
    expect(stored()).toBeNull();
    await waitForWrite();
    expect(stored()).toContain('"type":"other"');
    await click(buttonNamed(root, 'ไม่ทราบหน่วยงาน'));
    await submit();
    await typeInto(find<HTMLTextAreaElement>(root, 'textarea'), STORY);
    expect(stored()).not.toContain(STORY);
    Object.defineProperty(document, 'hidden', { value: true, configurable: true });
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    Object.defineProperty(document, 'hidden', { value: false, configurable: true });
    expect(stored()).toContain(STORY);
  });

  it('sends a refilled draft with its own submission id and drops it once filed', async () => {
    sessionStorage.setItem(KEY, JSON.stringify({ v: 1, data: SAVED }));
    open();
    expect(heading()).toBe('ตรวจสอบและยืนยัน');
    expect(text()).toContain('แนบตำแหน่งปัจจุบันแล้ว');
    await submit();
    await settle();
    expect(root.querySelector('#tracking-code')?.textContent).toBe('K7QMX-2XPAR-9DRTW');
    expect(posted).toEqual([
      expect.objectContaining({
        submissionId: SAVED.submissionId,
        description: STORY,
        lat: 14.0208,
        name: null,
      }),
    ]);
    expect(stored()).toBeNull();
    await waitForWrite();
    open();
    expect(stored()).toBeNull();
    expect(heading()).toBe('การคุ้มครองข้อมูลของท่าน');
    expect(text()).not.toContain(NOTICE);
  });

  it('empties the form and the storage on "เริ่มใหม่"', async () => {
    sessionStorage.setItem(KEY, JSON.stringify({ v: 1, data: SAVED }));
    open();
    await click(buttonNamed(root, 'เริ่มใหม่'));
    expect(heading()).toBe('การคุ้มครองข้อมูลของท่าน');
    expect(text()).not.toContain(NOTICE);
    expect(find<HTMLInputElement>(root, 'input[type="checkbox"]').checked).toBe(false);
    expect(stored()).toBeNull();
    await waitForWrite();
    open();
    expect(stored()).toBeNull();
    expect(heading()).toBe('การคุ้มครองข้อมูลของท่าน');
  });

  it('keeps each signed-in person’s draft apart', () => {
    sessionStorage.setItem(KEY, JSON.stringify({ v: 1, data: SAVED }));
    open('U2');
    expect(heading()).toBe('การคุ้มครองข้อมูลของท่าน');
    expect(text()).not.toContain(NOTICE);
    expect(stored()).not.toBeNull();
  });

  const bad: [string, string][] = [
    ['broken JSON', '{"v":1,"data":{'],
    ['plain null', 'null'],
    ['an array', '[1,2]'],
    ['another version', JSON.stringify({ v: 2, data: SAVED })],
    ['no version', JSON.stringify(SAVED)],
    ['an unknown type', JSON.stringify({ v: 1, data: { ...SAVED, type: 'bribe' } })],
    ['an unknown step', JSON.stringify({ v: 1, data: { ...SAVED, step: 'payment' } })],
    ['a text that is a number', JSON.stringify({ v: 1, data: { ...SAVED, description: 42 } })],
    [
      'a location off the globe',
      JSON.stringify({ v: 1, data: { ...SAVED, location: { lat: 200, lng: 0 } } }),
    ],
    ['an agency without a name', JSON.stringify({ v: 1, data: { ...SAVED, agency: { id: 'a' } } })],
    ['a made-up submission id', JSON.stringify({ v: 1, data: { ...SAVED, submissionId: 'x' } })],
  ];
  it.each(bad)('ignores %s and opens an empty form', (_, raw) => {
    sessionStorage.setItem(KEY, raw);
    open();
    expect(heading()).toBe('การคุ้มครองข้อมูลของท่าน');
    expect(text()).not.toContain(NOTICE);
    expect(find<HTMLInputElement>(root, 'input[type="checkbox"]').checked).toBe(false);
  });
});
