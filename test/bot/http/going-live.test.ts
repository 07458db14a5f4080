// Issue 14 against the app as the server runs it: request-size limits, nosniff and CSP, photos by their bytes,
// role checks before body checks, ID-token claims, the form's submissionId per user, and the coordinator's
// settings, holidays and agency-list import in /api.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../bot/app.ts';
import { loadSettings } from '../../../bot/features/settings/settings.ts';
import { findAgencyById } from '../../../db/queries/agencies.ts';
import { listAudit } from '../../../db/queries/audit-log.ts';
import { checkAndClose, LOGIN_CHANNEL_ID } from '../../support/harness.ts';
import { type ApiHarness, startApiHarness } from './api-support.ts';

let h: ApiHarness;
beforeAll(async () => {
  h = await startApiHarness();
  h.fake.registerIdToken('tok-other-citizen', { sub: `U${'e'.repeat(32)}`, aud: LOGIN_CHANNEL_ID });
});
afterAll(() => checkAndClose(h));

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 9, 9, 9, 9]);
const form = (submissionId: string, photos: { contentType: string; data: string }[] = []) => ({
  submissionId,
  type: 'service',
  agencyId: 'rahaeng-sao',
  description: 'รอรับบริการนานกว่าสามชั่วโมงโดยไม่มีเจ้าหน้าที่ให้ข้อมูล',
  identityMode: 'code_only',
  photos,
});

const raw = (path: string, init: { method?: string; headers?: Record<string, string>; body?: BodyInit }) =>
  h.app.request(path, { method: init.method ?? 'POST', headers: init.headers, body: init.body }, {}, h.ctx);

describe('request-size limits', () => {
  it('answers 413 to a webhook over 1 MB by its Content-Length, before the signature is checked', async () => {
    const body = 'x'.repeat(1024 * 1024 + 1);
    const res = await raw('/webhook', {
      headers: {
        'content-type': 'application/json',
        'x-line-signature': 'bad',
        'content-length': String(body.length),
      },
      body,
    });
    expect(res.status).toBe(413);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('stops reading a streamed webhook body once it passes 1 MB', async () => {
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.length;
        if (pulled > 8 * 1024 * 1024) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const res = await h.app.request(
      '/webhook',
      { method: 'POST', headers: { 'x-line-signature': 'bad' }, body: stream, duplex: 'half' } as RequestInit,
      {},
      h.ctx,
    );
    expect(res.status).toBe(413);
    expect(pulled).toBeLessThan(2 * 1024 * 1024);
  });

  it('answers 413 to /api JSON over 256 KB, but takes the complaint form with photos', async () => {
    const big = JSON.stringify({ text: 'ก'.repeat(100_000) });
    const refused = await raw('/api/broadcasts/preview', {
      headers: {
        authorization: 'Bearer tok-coordinator',
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(big)),
      },
      body: big,
    });
    expect(refused.status).toBe(413);
    const photo = Buffer.concat([PNG, Buffer.alloc(700_000, 1)]).toString('base64');
    const filed = await h.call('citizen', '/complaints', {
      method: 'POST',
      body: form('6f1c1a3e-1111-4b7a-9c55-0a0a0a0a0a01', [
        { contentType: 'image/png', data: photo },
        { contentType: 'image/png', data: photo },
      ]),
    });
    expect(filed.status).toBe(201);
  });
});

describe('headers', () => {
  it('sends nosniff on every answer and a CSP on the HTML pages it renders', async () => {
    for (const path of ['/healthz', '/privacy', '/api/me', '/nowhere'])
      expect((await h.app.request(path, {}, {}, h.ctx)).headers.get('x-content-type-options')).toBe(
        'nosniff',
      );
    const page = await h.app.request('/s/nothing-here', {}, {}, h.ctx);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it("allows the mini-app's inline start-up script by its hash and nothing else inline", async () => {
    const script = "window.itaEarly = { config: fetch('/liff-config.json') };";
    const app = createApp(h.deps, {
      assets: [async (c) => c.html(`<!doctype html><html><head><script>${script}</script></head></html>`)],
    });
    const res = await app.request('/liff/', {}, {}, h.ctx);
    const csp = res.headers.get('content-security-policy') ?? '';
    const hash = createHash('sha256').update(script).digest('base64');
    expect(csp).toContain(`'sha256-${hash}'`);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("'unsafe-inline' https://static");
    expect(await res.text()).toContain(script);
  });
});

describe('photos by their bytes', () => {
  it('refuses bytes that are no image whatever the declared type, and serves a PNG declared as JPEG as PNG', async () => {
    const html = Buffer.from('<html><script>alert(1)</script></html>').toString('base64');
    const bad = await h.call('citizen', '/complaints', {
      method: 'POST',
      body: form('6f1c1a3e-2222-4b7a-9c55-0a0a0a0a0a02', [{ contentType: 'image/jpeg', data: html }]),
    });
    expect(bad.status).toBe(400);
    const good = await h.call('citizen', '/complaints', {
      method: 'POST',
      body: form('6f1c1a3e-3333-4b7a-9c55-0a0a0a0a0a03', [
        { contentType: 'image/jpeg', data: PNG.toString('base64') },
      ]),
    });
    expect(good.status).toBe(201);
    const { trackingCode } = (await good.json()) as { trackingCode: string };
    const row = await h.deps.db.kysely
      .selectFrom('complaints')
      .select('id')
      .where('tracking_code', '=', trackingCode)
      .executeTakeFirstOrThrow();
    const stored = await h.deps.db.kysely
      .selectFrom('complaint_attachments')
      .select(['id', 'content_type'])
      .where('complaint_id', '=', row.id)
      .execute();
    expect(stored.map((p) => p.content_type)).toEqual(['image/png']);
    const served = await h.call('officer', `/cases/${row.id}/photos/${stored[0]?.id}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('the form submissionId', () => {
  it('is scoped to the signed-in user: another user re-sending it files a complaint of their own', async () => {
    const id = '6f1c1a3e-4444-4b7a-9c55-0a0a0a0a0a04';
    const mine = await h.call('citizen', '/complaints', { method: 'POST', body: form(id) });
    expect(mine.status).toBe(201);
    const again = await h.call('citizen', '/complaints', { method: 'POST', body: form(id) });
    expect(again.status).toBe(200);
    const theirs = await h.callApi('tok-other-citizen', '/complaints', { method: 'POST', body: form(id) });
    expect(theirs.status).toBe(201);
    const codes = [mine, again, theirs].map(
      async (r) => ((await r.json()) as { trackingCode: string }).trackingCode,
    );
    const [a, b, c] = await Promise.all(codes);
    expect(b).toBe(a);
    expect(c).not.toBe(a);
  });
});

describe('role checks before body checks', () => {
  it.each([
    ['POST', '/broadcasts/preview'],
    ['POST', '/broadcasts'],
    ['POST', '/plan'],
    ['PATCH', '/plan/1'],
    ['POST', '/plan/1/done'],
    ['PUT', '/surveys/rahaeng-sao/IIT'],
    ['POST', '/agencies/import'],
    ['POST', '/reports/analysis/rahaeng-sao/2568/download'],
    ['POST', '/cases/x/actions'],
    ['PATCH', '/settings'],
    ['POST', '/settings/holidays'],
    ['POST', '/agency-registry/import'],
  ])('a citizen gets 403, not 400, for %s %s with a bad body', async (method, path) => {
    const res = await h.call('citizen', path, { method, body: { nonsense: true } });
    expect(res.status).toBe(403);
  });
});

describe('ID-token claims', () => {
  it('refuses an answer for another channel, another issuer or an expired token, whatever LINE said', async () => {
    const original = h.deps.line;
    const answers = [
      { iss: 'https://access.line.me', aud: '999', sub: `U${'1'.repeat(32)}`, exp: 4_000_000_000 },
      { iss: 'https://evil.example', aud: LOGIN_CHANNEL_ID, sub: `U${'1'.repeat(32)}`, exp: 4_000_000_000 },
      { iss: 'https://access.line.me', aud: LOGIN_CHANNEL_ID, sub: `U${'1'.repeat(32)}`, exp: 1 },
    ];
    try {
      for (const [i, answer] of answers.entries()) {
        h.deps.line = { ...original, verifyIdToken: async () => answer };
        expect((await h.callApi(`claims-${i}`, '/me')).status).toBe(401);
      }
      const good = {
        iss: 'https://access.line.me',
        aud: LOGIN_CHANNEL_ID,
        sub: `U${'1'.repeat(32)}`,
        exp: 4_000_000_000,
      };
      h.deps.line = { ...original, verifyIdToken: async () => good };
      expect((await h.callApi('claims-ok', '/me')).status).toBe(200);
    } finally {
      h.deps.line = original;
    }
  });
});

describe('/api/settings', () => {
  it('lists the settings, changes one with the app schema and audits who, when, old and new', async () => {
    const list = (await (await h.call('coordinator', '/settings')).json()) as {
      settings: { key: string; value: unknown }[];
    };
    expect(list.settings.find((s) => s.key === 'complaintReplyDays')?.value).toBe(15);
    const bad = await h.call('coordinator', '/settings', {
      method: 'PATCH',
      body: { values: { complaintReplyDays: 0 } },
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toContain('complaintReplyDays');
    const ok = await h.call('coordinator', '/settings', {
      method: 'PATCH',
      body: { values: { complaintReplyDays: 10 } },
    });
    expect(ok.status).toBe(200);
    expect((await loadSettings(h.deps.db)).complaintReplyDays).toBe(10);
    const [entry] = await listAudit(h.deps.db, { subjectType: 'setting', subjectId: 'complaintReplyDays' });
    expect(entry).toMatchObject({ action: 'settings.change', detail: { old: 15, new: 10 } });
    expect(entry?.actor).toMatch(/^U/);
    expect(entry?.at).toBe(new Date('2026-11-23T09:00:00.000Z').toISOString());
  });

  it('lists a year of holidays with names, adds and removes days', async () => {
    const year = (await (await h.call('coordinator', '/settings/holidays?year=2570')).json()) as {
      days: { date: string; name: string }[];
      lastKnownYearBe: number;
    };
    expect(year.days.find((d) => d.date === '2027-04-13')?.name).toBe('วันสงกรานต์');
    expect(year.lastKnownYearBe).toBe(2570);
    expect(
      (
        await h.call('coordinator', '/settings/holidays', {
          method: 'POST',
          body: { date: '2028-01-02', name: 'วันหยุดพิเศษ' },
        })
      ).status,
    ).toBe(201);
    const next = (await (await h.call('coordinator', '/settings/holidays?year=2571')).json()) as {
      days: { date: string; source: string }[];
    };
    expect(next.days).toEqual([
      expect.objectContaining({ date: '2028-01-02', source: 'added', name: 'วันหยุดพิเศษ' }),
    ]);
    expect(
      (await h.call('coordinator', '/settings/holidays', { method: 'DELETE', body: { date: '2028-01-02' } }))
        .status,
    ).toBe(200);
    expect((await loadSettings(h.deps.db)).extraHolidays).toEqual([]);
  });
});

describe('/api/agency-registry/import', () => {
  const csv = (rows: string[]) =>
    Buffer.from(['รหัสจังหวัด,รหัสหน่วยงาน,ชื่อหน่วยงาน,ประเภท,อำเภอ,จำนวนบุคลากร', ...rows].join('\n')).toString(
      'base64',
    );

  it('answers bad rows by line and column and writes nothing', async () => {
    const res = await h.call('coordinator', '/agency-registry/import', {
      method: 'POST',
      body: {
        fileName: 'a.csv',
        contentBase64: csv([
          'pathum-thani,new-one,หน่วยงานใหม่,อบต.,เมือง,12',
          'pathum-thani,BAD ID,x,ดาวอังคาร,,-3',
        ]),
        apply: true,
      },
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { issues: { line: number; column: string }[] };
    expect(body.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 3, column: 'รหัสหน่วยงาน' }),
        expect.objectContaining({ line: 3, column: 'ประเภท' }),
        expect.objectContaining({ line: 3, column: 'จำนวนบุคลากร' }),
      ]),
    );
    expect(await findAgencyById(h.deps.db, 'new-one')).toBeUndefined();
  });

  it('dry-runs, then applies: added and renamed', async () => {
    const content = csv([
      'pathum-thani,new-one,หน่วยงานใหม่,อบต.,เมือง,12',
      'pathum-thani,rahaeng-sao,อบต.ระแหง (ชื่อใหม่),อบต.,ลาดหลุมแก้ว,',
    ]);
    const dry = (await (
      await h.call('coordinator', '/agency-registry/import', {
        method: 'POST',
        body: { fileName: 'a.csv', contentBase64: content },
      })
    ).json()) as {
      applied: boolean;
      counts: Record<string, number>;
    };
    expect(dry).toMatchObject({ applied: false, counts: { added: 1, renamed: 1 } });
    expect(await findAgencyById(h.deps.db, 'new-one')).toBeUndefined();
    const applied = await h.call('coordinator', '/agency-registry/import', {
      method: 'POST',
      body: { fileName: 'a.csv', contentBase64: content, apply: true },
    });
    expect(applied.status).toBe(200);
    expect((await findAgencyById(h.deps.db, 'rahaeng-sao'))?.nameTh).toBe('อบต.ระแหง (ชื่อใหม่)');
    expect(await findAgencyById(h.deps.db, 'new-one')).toMatchObject({ type: 'sao' });
  });
});
