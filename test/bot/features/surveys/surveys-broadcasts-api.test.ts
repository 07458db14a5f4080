// /api/surveys (progress, links, targets) and /api/broadcasts (preview, send through the outbox, list).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { drainOutbox } from '../../../../bot/line/outbox/index.ts';
import { DEMO_STAFF_AGENCY_IDS, PATHUM_THANI_AGENCIES } from '../../../../bot/tools/demo/agencies.ts';
import { demoGroupIdOf } from '../../../../bot/tools/demo/line.ts';
import { findSurveyLink } from '../../../../db/queries/survey-links.ts';
import { checkAndClose, PUBLIC_BASE_URL } from '../../../support/harness.ts';
import { type ApiHarness, NOW, startApiHarness } from '../../http/api-support.ts';
import { readable } from '../../line/events/conversation.ts';

let h: ApiHarness;
beforeEach(async () => {
  h = await startApiHarness();
});
afterEach(() => checkAndClose(h));

describe('GET /api/surveys', () => {
  it('shows staff their agencies and coordinators all, with progress, link and QR', async () => {
    const staff = await (await h.call('staff', '/surveys')).json();
    expect(staff.agencies.map((a: { agencyId: string }) => a.agencyId).sort()).toEqual(
      [...DEMO_STAFF_AGENCY_IDS].sort(),
    );
    const all = await (await h.call('coordinator', '/surveys')).json();
    expect(all.agencies).toHaveLength(PATHUM_THANI_AGENCIES.length);
    const row = all.agencies[0].instruments[0];
    expect(row.instrument).toBe('IIT');
    const link = await findSurveyLink(h.deps.db, all.agencies[0].agencyId, all.year, 'IIT');
    expect(row.shortUrl).toBe(`${PUBLIC_BASE_URL}/s/${link?.code}?c=line`);
    expect(row.qrUrl).toBe(`${PUBLIC_BASE_URL}/qr/${link?.code}.png`);
    expect(row.target).toBeGreaterThan(0);
    if (row.reported !== null)
      expect(row.percent).toBe(Math.min(100, Math.floor((row.reported * 100) / row.target)));
  });
});

describe('PUT /api/surveys/:agencyId/:instrument', () => {
  it('saves an https link and a target by hand, keeping the short code', async () => {
    const year = 2570;
    const before = await findSurveyLink(h.deps.db, 'bang-toei-sao', year, 'EIT');
    const res = await h.call('coordinator', '/surveys/bang-toei-sao/EIT', {
      method: 'PUT',
      body: { url: 'https://itas.nacc.go.th/go/eit/abc123', target: 150 },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ target: 150, targetSource: 'manual', code: before?.code });
    const view = await (await h.call('coordinator', '/surveys')).json();
    const eit = view.agencies.find((a: { agencyId: string }) => a.agencyId === 'bang-toei-sao')
      .instruments[1];
    expect(eit).toMatchObject({ target: 150, url: 'https://itas.nacc.go.th/go/eit/abc123' });
  });

  it('answers 404 for an agency of another province', async () => {
    const res = await h.call('coordinator', '/surveys/tak-pao/IIT', { method: 'PUT', body: { target: 10 } });
    expect(res.status).toBe(404);
  });
});

describe('/api/broadcasts', () => {
  it('counts the groups a filter reaches without saving anything', async () => {
    const all = await (
      await h.call('coordinator', '/broadcasts/preview', {
        method: 'POST',
        body: { text: 'ส่งแบบ OIT ภายในวันศุกร์นี้', filter: {} },
      })
    ).json();
    expect(all.groups).toBe(PATHUM_THANI_AGENCIES.length);
    expect(all.text).toContain('ส่งแบบ OIT ภายในวันศุกร์นี้');
    const sao = await (
      await h.call('coordinator', '/broadcasts/preview', {
        method: 'POST',
        body: { text: 'ทดสอบ', filter: { type: 'sao' } },
      })
    ).json();
    expect(sao.groups).toBe(PATHUM_THANI_AGENCIES.filter((a) => a.type === 'sao').length);
    expect(sao.audience).toContain('อบต.');
    const district = await (
      await h.call('coordinator', '/broadcasts/preview', {
        method: 'POST',
        body: { text: 'ทดสอบ', filter: { district: 'อำเภอลำลูกกา' } },
      })
    ).json();
    expect(district.groups).toBe(3);
    expect((await (await h.call('coordinator', '/broadcasts')).json()).broadcasts).toEqual([]);
    const unknown = await h.call('coordinator', '/broadcasts/preview', {
      method: 'POST',
      body: { text: 'ทดสอบ', filter: { district: 'บางนา' } },
    });
    expect(unknown.status).toBe(400);
  });

  it('queues one push per group through the outbox and lists it with delivery counts', async () => {
    const res = await h.call('coordinator', '/broadcasts', {
      method: 'POST',
      body: { text: 'ขอเชิญประชุมชี้แจง ITA', filter: { type: 'municipality' }, confirm: true },
    });
    expect(res.status).toBe(201);
    const sent = await res.json();
    const cities = PATHUM_THANI_AGENCIES.filter((a) => a.type === 'municipality');
    expect(sent.groups).toBe(cities.length);
    await drainOutbox(h.deps, NOW);
    for (const city of cities)
      expect(readable(h.fake.messagesTo(demoGroupIdOf(city.id)))).toContain('ขอเชิญประชุมชี้แจง ITA');
    expect(h.fake.messagesTo(demoGroupIdOf('bang-toei-sao'))).toEqual([]);
    const list = (await (await h.call('coordinator', '/broadcasts')).json()).broadcasts;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: sent.id, delivered: cities.length, failed: 0, pending: 0 });
  });
});
