// /api/complaints: the LIFF form files through the same function as chat (same rules, once per submissionId),
// photos size-checked, "my complaints" and lookup by code with wrong codes limited.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { drainOutbox } from '../../../../bot/line/outbox/index.ts';
import { DEMO_CITIZEN_ID, DEMO_OFFICERS_GROUP_ID } from '../../../../bot/tools/demo/line.ts';
import { formatThaiDate } from '../../../../core/thai/date-format.ts';
import { listAttachments } from '../../../../db/queries/complaint-attachments.ts';
import { checkAndClose, LOGIN_CHANNEL_ID } from '../../../support/harness.ts';
import { type Conversation, NOW, startConversation } from '../../line/events/conversation.ts';

/** A PNG's signature and a few bytes: photos are accepted by what their bytes are (issue 14 §4). */
const PNG_BASE64 = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]).toString(
  'base64',
);

let c: Conversation;
beforeEach(async () => {
  c = await startConversation();
  c.h.fake.registerIdToken('citizen-token', { sub: DEMO_CITIZEN_ID, aud: LOGIN_CHANNEL_ID });
  c.h.fake.registerIdToken('other-token', { sub: `U${'7'.repeat(32)}`, aud: LOGIN_CHANNEL_ID });
});
afterEach(() => checkAndClose(c.h));

/** As the citizen unless another token (null: none) is given. */
const call = (path: string, init: { method?: string; body?: unknown; token?: string | null } = {}) =>
  c.h.callApi(init.token === undefined ? 'citizen-token' : init.token, `/complaints${path}`, init);

const form = (overrides: Record<string, unknown> = {}) => ({
  submissionId: '0b6f7c8e-4d1a-4c1e-9a55-1f2d3c4b5a69',
  type: 'service',
  agencyId: 'rahaeng-sao',
  description: 'รอรับบริการนานกว่าสามชั่วโมงโดยไม่มีเจ้าหน้าที่ให้ข้อมูล',
  occurredAt: '9 มิ.ย. 2569 ช่วงเช้า',
  identityMode: 'named',
  name: 'สมศรี มีสุข',
  phone: '๐๒-๑๒๓-๔๕๖๗',
  photos: [{ contentType: 'image/png', data: PNG_BASE64 }],
  ...overrides,
});

describe('/api/complaints', () => {
  it('refuses without sign-in', async () => {
    expect((await call('/mine', { token: null })).status).toBe(401);
  });

  it('searches agencies of the province for the picker', async () => {
    const res = await call(`/agencies?q=${encodeURIComponent('ระแหง')}`);
    expect(res.status).toBe(200);
    const { agencies } = (await res.json()) as { agencies: { id: string }[] };
    expect(agencies.map((a) => a.id)).toEqual(['rahaeng-sao']);
  });

  it('files once per submissionId, seals the identity, stores the photos and announces it', async () => {
    const first = await call('', { method: 'POST', body: form() });
    expect(first.status).toBe(201);
    const filed = (await first.json()) as { trackingCode: string; createdAt: string; createdAtLabel: string };
    expect(filed.trackingCode).toMatch(/^[2-9A-Z]{5}-[2-9A-Z]{5}-[2-9A-Z]{5}$/);
    expect(filed.createdAt).toBe(NOW.toISOString());
    // The receipt's time as the page shows it: Buddhist era, Bangkok time, the month in full.
    expect(filed.createdAtLabel).toBe(formatThaiDate(NOW, 'long', { time: true }));
    expect(filed.createdAtLabel).toMatch(/^\d{1,2} \S+ 25\d\d \d\d:\d\d น\.$/);
    const again = await call('', { method: 'POST', body: form() });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { trackingCode: string }).trackingCode).toBe(filed.trackingCode);
    const rows = await c.h.deps.db.kysely.selectFrom('complaints').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ channel: 'liff', agency_id: 'rahaeng-sao', identity_mode: 'named' });
    const identity = JSON.parse(await c.h.deps.complaintCrypto.open(rows[0]?.identity_cipher ?? ''));
    expect(identity).toEqual({ name: 'สมศรี มีสุข', phone: '021234567' });
    expect(await listAttachments(c.h.deps.db, rows[0]?.id ?? '')).toHaveLength(1);
    await drainOutbox(c.h.deps, NOW);
    expect(JSON.stringify(c.h.fake.messagesTo(DEMO_OFFICERS_GROUP_ID))).toContain(filed.trackingCode);
  });

  it.each([
    ['a short description', { description: 'สั้น' }, 'description'],
    ['a bad phone', { phone: '12345' }, 'phone'],
    ['a name with digits', { name: 'ab12' }, 'name'],
    ['an unknown agency', { agencyId: 'nowhere' }, 'agencyId'],
    ['an unknown type', { type: 'gossip' }, 'type'],
    ['six photos', { photos: new Array(6).fill({ contentType: 'image/png', data: 'AAAA' }) }, 'photos'],
    [
      'a photo over 1 MB',
      { photos: [{ contentType: 'image/jpeg', data: Buffer.alloc(1_000_001).toString('base64') }] },
      'photos.0',
    ],
    ['a photo that is not an image', { photos: [{ contentType: 'text/html', data: 'AAAA' }] }, 'photos.0'],
    ['a photo that is not base64', { photos: [{ contentType: 'image/png', data: 'A' }] }, 'photos.0.data'],
    ['no submissionId', { submissionId: 'x' }, 'submissionId'],
    ['half a location', { lat: 14.02 }, 'lat'],
  ])('answers 400 naming the field for %s, and files nothing', async (_why, overrides, path) => {
    const res = await call('', { method: 'POST', body: form(overrides) });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { message: string; issues: { path: string }[] };
    expect(body.issues.map((i) => i.path)).toContain(path);
    expect(body.message).toMatch(/[ก-๙]/);
    expect(await c.h.deps.db.kysely.selectFrom('complaints').selectAll().execute()).toEqual([]);
  });

  it('lists my complaints (not code-only ones) and tracks by code for anyone, limiting wrong codes', async () => {
    await call('', {
      method: 'POST',
      body: form({ identityMode: 'anonymous_updates', name: null, phone: null }),
    });
    const hidden = await call('', {
      method: 'POST',
      body: form({ identityMode: 'code_only', submissionId: '1b6f7c8e-4d1a-4c1e-9a55-1f2d3c4b5a69' }),
    });
    const hiddenCode = ((await hidden.json()) as { trackingCode: string }).trackingCode;
    const mine = (await (await call('/mine')).json()) as {
      complaints: { trackingCode: string; statusLabel: string; createdAtLabel: string }[];
    };
    expect(mine.complaints).toHaveLength(1);
    expect(mine.complaints[0]?.statusLabel).toBe('ได้รับเรื่องแล้ว');
    expect(mine.complaints[0]).toMatchObject({
      createdAtLabel: formatThaiDate(NOW, 'short', { time: true }),
      updatedAtLabel: formatThaiDate(NOW, 'short', { time: true }),
    });
    expect(mine.complaints.map((m) => m.trackingCode)).not.toContain(hiddenCode);
    const code = mine.complaints[0]?.trackingCode ?? '';
    const tracked = await call(`/track/${code.toLowerCase().replace(/-/g, '')}`, { token: 'other-token' });
    expect(tracked.status).toBe(200);
    const shown = JSON.stringify(await tracked.json());
    expect(shown).toContain(code);
    expect(shown).not.toContain('สมศรี');
    const short = await call('/track/abc', { token: 'other-token' });
    expect(short.status).toBe(400);
    expect(((await short.json()) as { message: string }).message).toContain('แต่ที่ท่านพิมพ์มี 3 ตัว');
    // Fifteen characters, but I, L, O and U are never in a code: the answer names them rather than the count.
    const lookAlikes = await call('/track/ABCDE-FGHIJ-KLMNP', { token: 'other-token' });
    expect(lookAlikes.status).toBe(400);
    const message = ((await lookAlikes.json()) as { message: string }).message;
    expect(message).toContain('มี I L ซึ่งไม่มีในรหัสติดตาม');
    expect(message).not.toContain('15 ตัว');
    const wrong = code.startsWith('2') ? `3${code.slice(1)}` : `2${code.slice(1)}`;
    for (let i = 0; i < 10; i += 1)
      expect((await call(`/track/${wrong}`, { token: 'other-token' })).status).toBe(404);
    expect((await call(`/track/${code}`, { token: 'other-token' })).status).toBe(429);
  });

  it('answers 429 past the hourly limit of new complaints', async () => {
    for (let i = 0; i < 3; i += 1) {
      const id = `${i}b6f7c8e-4d1a-4c1e-9a55-1f2d3c4b5a69`;
      expect((await call('', { method: 'POST', body: form({ submissionId: id }) })).status).toBe(201);
    }
    const res = await call('', {
      method: 'POST',
      body: form({ submissionId: '9b6f7c8e-4d1a-4c1e-9a55-1f2d3c4b5a69' }),
    });
    expect(res.status).toBe(429);
    expect(((await res.json()) as { message: string }).message).toContain('ไม่เกิน 3 เรื่องต่อชั่วโมง');
  });
});
