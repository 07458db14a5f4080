// /api/cases: the officers' queue, a case with audited identity and photos, actions, statistics, and the
// reporter's rating and reopening by tracking code — with who may not (401/403) and bad input (400).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../../../db/queries/audit-log.ts';
import { listAttachments } from '../../../../db/queries/complaint-attachments.ts';
import type { Complaint } from '../../../../db/queries/complaints.ts';
import { checkAndClose } from '../../../support/harness.ts';
import {
  AGENCY_B,
  callApi,
  codeOf,
  type Fixture,
  OFFICER_A,
  OFFICER_PROVINCE,
  type Person,
  REPORTER,
  startOfficersFixture,
} from './officers-fixture.ts';

let f: Fixture;
let c: Complaint;
beforeEach(async () => {
  f = await startOfficersFixture();
  c = await f.file({ photo: true });
});
afterEach(() => checkAndClose(f.h));

const call = (person: Person | null, path: string, init?: { method?: string; body?: unknown }) =>
  callApi(f.h, person, path, init);
const json = async (res: Response) => (await res.json()) as Record<string, unknown>;
const identityReads = async (id: string) =>
  (await listAudit(f.h.deps.db, { subjectId: id })).filter((a) => a.action === 'complaint.identity_read');

describe('GET /api/cases', () => {
  it('answers 401 without sign-in', async () => {
    expect((await call(null, '/cases')).status).toBe(401);
  });

  it.each<Person>(['CITIZEN', 'STAFF_A', 'COORDINATOR'])('answers 403 to %s', async (person) => {
    expect((await call(person, '/cases')).status).toBe(403);
  });

  it('lists only the complaints the officer may handle, without their text', async () => {
    const other = await f.file({ agencyId: AGENCY_B });
    const ids = async (person: Person) =>
      ((await json(await call(person, '/cases'))).complaints as { id: string }[]).map((x) => x.id);
    expect(await ids('OFFICER_A')).toEqual([c.id]);
    expect(await ids('OFFICER_B')).toEqual([other.id]);
    expect((await ids('OFFICER_PROVINCE')).sort()).toEqual([c.id, other.id].sort());
    // Each row names its agency, so the queue needs no list of agencies of its own.
    const rows = (await json(await call('OFFICER_PROVINCE', '/cases'))).complaints as {
      id: string;
      agencyName: string;
    }[];
    expect(rows.find((x) => x.id === other.id)?.agencyName).toBe('องค์การบริหารส่วนตำบลทดสอบ');
    expect(rows.find((x) => x.id === c.id)?.agencyName).toBe('เทศบาลเมืองทดสอบ');
    const body = JSON.stringify(await json(await call('OFFICER_A', '/cases')));
    expect(body).not.toContain('เรียกรับเงิน');
    expect(body).toContain('"dueOn":"2024-06-27","dueLabel":"27 มิ.ย. 2567"');
  });
});

describe('GET /api/cases/:id', () => {
  it('shows the case without name or phone; POST …/identity reveals them to an officer, audited each time', async () => {
    const res = await call('OFFICER_A', `/cases/${c.id}`);
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.description).toBe('ลับ: เจ้าหน้าที่เรียกรับเงินค่าบริการเกินอัตรา');
    expect(body.identity).toEqual({ mode: 'named', revealable: true });
    expect(JSON.stringify(body)).not.toContain('ผู้ร้อง ทดสอบ');
    expect(JSON.stringify(body)).not.toContain(REPORTER);
    expect(body.actions).toEqual(['acknowledge', 'take', 'close', 'refer', 'reject']);
    expect(body.holder).toBeNull();
    // The words the page shows come with the case: its type, and each step of its history.
    expect(body).toMatchObject({ type: 'service', typeLabel: 'การให้บริการ' });
    expect(body.history).toEqual([
      expect.objectContaining({
        status: 'received',
        label: 'ได้รับเรื่องแล้ว',
        atLabel: expect.stringMatching(/ น\.$/),
      }),
    ]);
    expect(body.createdAtLabel).toMatch(/^\d{1,2} \S+ 25\d\d \d\d:\d\d น\.$/);
    // Opening the case reads no identity.
    await call('OFFICER_PROVINCE', `/cases/${c.id}`);
    expect(await identityReads(c.id)).toEqual([]);
    const revealed = await call('OFFICER_A', `/cases/${c.id}/identity`, { method: 'POST' });
    expect(await json(revealed)).toEqual({ mode: 'named', name: 'นางสาวผู้ร้อง ทดสอบ', phone: '0812345678' });
    await call('OFFICER_PROVINCE', `/cases/${c.id}/identity`, { method: 'POST' });
    const reads = await identityReads(c.id);
    expect(reads.map((r) => r.actor).sort()).toEqual([OFFICER_A, OFFICER_PROVINCE].sort());
    expect(reads).toHaveLength(2);
  });

  it('after รับเป็นผู้รับผิดชอบ names who holds the case and offers no take button', async () => {
    const taken = await call('OFFICER_A', `/cases/${c.id}/actions`, {
      method: 'POST',
      body: { action: 'take' },
    });
    expect(taken.status).toBe(200);
    const mine = await json(await call('OFFICER_A', `/cases/${c.id}`));
    expect(mine.holder).toMatchObject({ isYou: true });
    expect(mine.actions).not.toContain('take');
    const theirs = await json(await call('OFFICER_PROVINCE', `/cases/${c.id}`));
    expect(theirs.holder).toMatchObject({ isYou: false });
    expect(typeof (theirs.holder as { name: unknown }).name).toBe('string');
    expect(theirs.actions).toEqual(['close', 'refer', 'reject']);
  });

  it.each<Person>(['OFFICER_B', 'STAFF_A', 'COORDINATOR', 'CITIZEN'])(
    'answers 403 to %s and reads no identity',
    async (person) => {
      const res = await call(person, `/cases/${c.id}`);
      expect(res.status).toBe(403);
      expect(JSON.stringify(await json(res))).not.toContain('ผู้ร้อง ทดสอบ');
      expect((await call(person, `/cases/${c.id}/identity`, { method: 'POST' })).status).toBe(403);
      expect(await identityReads(c.id)).toEqual([]);
      const [photo] = await listAttachments(f.h.deps.db, c.id);
      expect((await call(person, `/cases/${c.id}/photos/${photo?.id}`)).status).toBe(403);
    },
  );

  it('gives an anonymous case no identity and records no read', async () => {
    const anon = await f.file({ mode: 'anonymous_updates' });
    const body = await json(await call('OFFICER_A', `/cases/${anon.id}`));
    expect(body.identity).toEqual({ mode: 'anonymous_updates', revealable: false });
    const asked = await call('OFFICER_A', `/cases/${anon.id}/identity`, { method: 'POST' });
    expect(await json(asked)).toEqual({ mode: 'anonymous_updates', name: null, phone: null });
    expect(await identityReads(anon.id)).toEqual([]);
  });

  it('serves a photo’s bytes to the officer, 404 for an unknown case or photo', async () => {
    const [photo] = await listAttachments(f.h.deps.db, c.id);
    const res = await call('OFFICER_A', `/cases/${c.id}/photos/${photo?.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect([...new Uint8Array(await res.arrayBuffer())].slice(0, 3)).toEqual([0xff, 0xd8, 0xff]);
    expect((await call('OFFICER_A', `/cases/${c.id}/photos/999`)).status).toBe(404);
    expect((await call('OFFICER_A', '/cases/no-such-case')).status).toBe(404);
  });
});

describe('POST /api/cases/:id/actions', () => {
  const post = (person: Person, body: unknown) =>
    call(person, `/cases/${c.id}/actions`, { method: 'POST', body });

  it('closes with a result, 400 without one or with an unknown action, 409 when done already', async () => {
    expect((await post('OFFICER_A', { action: 'close' })).status).toBe(400);
    expect((await post('OFFICER_A', { action: 'reopen', text: 'x' })).status).toBe(400);
    expect((await post('OFFICER_A', { action: 'fly' })).status).toBe(400);
    const res = await post('OFFICER_A', { action: 'close', text: 'ตักเตือนเจ้าหน้าที่และคืนเงินแล้ว' });
    expect(res.status).toBe(200);
    expect((await json(res)).status).toBe('closed');
    expect((await post('OFFICER_A', { action: 'reject', text: 'ซ้ำ' })).status).toBe(409);
  });

  it.each<Person>(['OFFICER_B', 'STAFF_A', 'COORDINATOR', 'CITIZEN'])('answers 403 to %s', async (person) => {
    expect((await post(person, { action: 'take' })).status).toBe(403);
  });
});

describe('GET /api/cases/stats', () => {
  it('answers coordinators and officers, 403 to others, 400 without a year', async () => {
    const ok = await call('COORDINATOR', '/cases/stats?year=2567&period=q3');
    expect(ok.status).toBe(200);
    const body = await json(ok);
    expect((body.stats as { total: unknown }).total).toBe('<3');
    // Each breakdown row with its Thai name, as the report files name it.
    const stats = body.stats as Record<'byType' | 'byStatus' | 'byMonth', { key: string; label: string }[]>;
    expect(stats.byType).toContainEqual(
      expect.objectContaining({ key: 'corruption', label: 'ทุจริต/ประพฤติมิชอบ' }),
    );
    expect(stats.byStatus).toContainEqual(expect.objectContaining({ key: 'received', label: 'ได้รับเรื่องแล้ว' }));
    expect(stats.byMonth.every((r) => /^\S+ 25\d\d$/.test(r.label))).toBe(true);
    expect(stats.byMonth.length).toBeGreaterThan(0);
    expect(
      (body.stats as { byAgency: { key: string | null; label: string }[] }).byAgency.map((r) => r.label),
    ).toContain('เทศบาลเมืองทดสอบ');
    // Below the threshold the share is hidden, in the words the report files use.
    expect(body.stats).toMatchObject({ repliedInTimeShare: null, repliedInTimeShareText: 'ไม่แสดง' });
    expect(JSON.stringify(body)).not.toContain('เรียกรับเงิน');
    expect((await call('OFFICER_B', `/cases/stats?year=2567&agencyId=${AGENCY_B}`)).status).toBe(200);
    expect((await call('OFFICER_B', '/cases/stats?year=2567&agencyId=cp-muni')).status).toBe(403);
    expect((await call('CITIZEN', '/cases/stats?year=2567')).status).toBe(403);
    expect((await call('COORDINATOR', '/cases/stats')).status).toBe(400);
  });

  it('downloads the same statistics as .docx and HTML under the same access rules', async () => {
    const docx = await call('COORDINATOR', '/cases/stats/download?year=2567&period=q3&format=docx');
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(docx.headers.get('content-disposition')).toMatch(
      /^attachment; filename="ita-complaints-[\w-]+-2567-q3\.docx"$/,
    );
    expect(new Uint8Array(await docx.arrayBuffer()).subarray(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
    const html = await call(
      'COORDINATOR',
      '/cases/stats/download?year=2567&period=q3&format=html&digits=thai',
    );
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const page = await html.text();
    expect(page).toContain('ปีงบประมาณ พ.ศ. ๒๕๖๗');
    expect(page).not.toContain('เรียกรับเงิน');
    const forbidden = '/cases/stats/download?year=2567&format=docx';
    expect((await call('CITIZEN', forbidden)).status).toBe(403);
    expect((await call('COORDINATOR', '/cases/stats/download?year=2567&format=pdf')).status).toBe(400);
  });

  it('gives the OIT table with exact counts (no "<3") under the same access rules', async () => {
    const csv = await call('COORDINATOR', '/cases/stats/oit?year=2567&period=year&format=csv');
    expect(csv.status).toBe(200);
    const text = await csv.text();
    expect(text).toContain('O24 ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ');
    expect(text).not.toContain('<3');
    expect(text).toMatch(/รวมทั้งปีงบประมาณ \(ตุลาคม–กันยายน\),\d+,\d+,\d+/);
    expect(text).not.toContain('เรียกรับเงิน');
    const xlsx = await call('COORDINATOR', '/cases/stats/oit?year=2567&format=xlsx');
    expect(new Uint8Array(await xlsx.arrayBuffer()).subarray(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
    expect((await call('CITIZEN', '/cases/stats/oit?year=2567')).status).toBe(403);
  });
});

describe('POST /api/cases/track/:code', () => {
  it('lets whoever holds the code rate and reopen a closed case once, and no one else', async () => {
    const rate = (person: Person, code: string, rating: unknown) =>
      call(person, `/cases/track/${code}/rate`, { method: 'POST', body: { rating } });
    expect((await rate('CITIZEN', c.trackingCode, 4)).status).toBe(409); // not closed yet
    await call('OFFICER_A', `/cases/${c.id}/actions`, {
      method: 'POST',
      body: { action: 'close', text: 'แก้ไขแล้ว' },
    });
    expect((await rate('CITIZEN', codeOf(1), 4)).status).toBe(404);
    expect((await rate('CITIZEN', c.trackingCode, 6)).status).toBe(400);
    const rated = await rate('CITIZEN', c.trackingCode.toLowerCase(), 4);
    expect(rated.status).toBe(200);
    expect((await json(rated)).eit).toEqual({
      agencyName: 'เทศบาลเมืองทดสอบ',
      url: 'https://ita.example.go.th/s/EITA2567?c=line',
    });
    expect((await rate('CITIZEN', c.trackingCode, 5)).status).toBe(409);
    const reopen = (reason: string) =>
      call('CITIZEN', `/cases/track/${c.trackingCode}/reopen`, { method: 'POST', body: { reason } });
    expect((await reopen('   ')).status).toBe(400);
    expect((await reopen('ยังเรียกเก็บเงินอยู่')).status).toBe(200);
    expect((await reopen('อีกครั้ง')).status).toBe(409);
  });
});
