// /api/province, /api/agencies/:id/scorecard and /api/agencies/import against core's own figures on the demo.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreRows } from '../../../../bot/features/reports/load.ts';
import { compareYears, rankAgencies, round2, whatItTakes } from '../../../../core/index.ts';
import { listAgencies } from '../../../../db/queries/agencies.ts';
import { listProvinceScores, listScores } from '../../../../db/queries/scores.ts';
import { checkAndClose } from '../../../support/harness.ts';
import { type ApiHarness, startApiHarness } from '../../http/api-support.ts';

let h: ApiHarness;
beforeAll(async () => {
  h = await startApiHarness();
});
afterAll(() => checkAndClose(h));

const AGENCY = 'nakhon-rangsit';

async function resultOf(agencyId: string, year: number) {
  return scoreRows(year, await listScores(h.deps.db, agencyId, year));
}

describe('GET /api/province', () => {
  it('ranks every agency of the newest scored year as core ranks them', async () => {
    const res = await h.call('citizen', '/province');
    expect(res.status).toBe(200);
    const view = await res.json();
    const agencies = await listAgencies(h.deps.db, 'pathum-thani');
    expect(view.agencies).toHaveLength(agencies.length);
    expect(view.years[0]).toBe(view.year);
    const entries = [];
    for (const a of agencies) {
      const result = await resultOf(a.id, view.year);
      if (result !== undefined) entries.push({ id: a.id, type: a.type, result });
    }
    const ranked = rankAgencies(entries);
    for (const r of ranked) {
      const row = view.agencies.find((a: { id: string }) => a.id === r.id);
      expect({ id: r.id, rank: row.rank, total: row.totalDisplay }).toEqual({
        id: r.id,
        rank: r.rank,
        total: r.totalDisplay,
      });
    }
    const counted = view.levels.reduce((n: number, l: { count: number }) => n + l.count, 0);
    expect(counted + view.unscored).toBe(agencies.length);
    expect(view.types.map((t: { label: string }) => t.label)).toContain('เทศบาล');
    expect(view.districts).toContain('คลองหลวง');
  });

  it('ranks no line office or district office: the province is assessed as one unit', async () => {
    const view = await (await h.call('citizen', '/province')).json();
    const ranked = view.agencies.filter(
      (a: { rank: number | null }) => a.rank !== null && a.rank !== undefined,
    );
    expect(ranked.length).toBeGreaterThan(5);
    for (const a of ranked) expect(['line_agency', 'district']).not.toContain(a.type);
    const card = await h.call('citizen', '/agencies/pathum-thani-health/scorecard');
    expect(card.status).toBe(404);
    expect((await card.json()).message).toContain('รับการประเมิน ITA ร่วมกับจังหวัดปทุมธานีเป็นหน่วยเดียว');
  });

  it('says where the demo figures are invented: marked rows and one line, never on published figures', async () => {
    const view = await (await h.call('citizen', '/province')).json();
    expect(view.inventedNotice).toContain('ตัวเลขสมมุติของระบบสาธิต');
    const rows = await listProvinceScores(h.deps.db, 'pathum-thani', view.year);
    const generated = new Set(rows.filter((r) => r.source === 'demo').map((r) => r.agencyId));
    expect(generated.size).toBeGreaterThan(5);
    for (const a of view.agencies as { id: string; invented: boolean }[])
      expect(a.invented, a.id).toBe(generated.has(a.id));
    const generatedCard = await (await h.call('citizen', `/agencies/${AGENCY}/scorecard`)).json();
    expect(generatedCard.inventedNotice).toContain('ตัวเลขสมมุติของระบบสาธิต');
    // Seed 001's published FY2562 figures of the provincial office are real.
    const published = await (
      await h.call('citizen', '/agencies/pathum-thani-office/scorecard?year=2562')
    ).json();
    expect(published.totalDisplay).toBe('92.69');
    expect(published.inventedNotice).toBeNull();
    const old = await (await h.call('citizen', '/province?year=2562')).json();
    expect(old.agencies.find((a: { id: string }) => a.id === 'pathum-thani-office').invented).toBe(false);
  });

  it('filters by type, district and text', async () => {
    const byType = await (await h.call('staff', '/province?type=sao')).json();
    expect(byType.agencies.length).toBeGreaterThan(0);
    expect(byType.agencies.every((a: { type: string }) => a.type === 'sao')).toBe(true);
    const byDistrict = await (
      await h.call('staff', `/province?district=${encodeURIComponent('ลำลูกกา')}`)
    ).json();
    expect(byDistrict.agencies.map((a: { id: string }) => a.id).sort()).toEqual([
      'district-lam-luk-ka',
      'khu-khot-town',
      'lat-sawai-town',
    ]);
    const byText = await (await h.call('staff', `/province?q=${encodeURIComponent('รังสิต')}`)).json();
    expect(byText.agencies.map((a: { id: string }) => a.id)).toEqual([AGENCY]);
  });
});

describe('GET /api/agencies/:id/scorecard', () => {
  it('shows the figures core computes for a demo agency', async () => {
    const card = await (await h.call('citizen', `/agencies/${AGENCY}/scorecard`)).json();
    const result = await resultOf(AGENCY, card.year);
    const previous = await resultOf(AGENCY, card.year - 1);
    if (result?.total === undefined || previous === undefined)
      throw new Error('demo agency without two years');
    expect(card.totalDisplay).toBe(result.totalDisplay);
    expect(card.level.label).toBe(result.level?.label);
    expect(card.instruments.map((i: { score: number }) => i.score)).toEqual(
      (['IIT', 'EIT', 'OIT'] as const).map((i) => round2(result.instruments[i] ?? Number.NaN)),
    );
    expect(card.indicators).toHaveLength(10);
    expect(card.indicators[5]).toMatchObject({
      id: 6,
      instrument: 'EIT',
      score: round2(result.indicators[6] ?? 0),
    });
    expect(card.change.totalDisplay).toBe(compareYears(result, previous).totalDisplay);
    expect(card.trend.map((t: { year: number }) => t.year)).toEqual(card.years.slice().sort());
    expect(card.rank.type.typeLabel).toBe('เทศบาล');
    expect(card.weakTopics).toHaveLength(7);
    const weak = card.weakTopics.flatMap((t: { items: unknown[] }) => t.items);
    expect(weak).toHaveLength(result.weakItems.length);
    if (card.whatItTakes !== null) {
      const plan = whatItTakes(result, card.whatItTakes.target.code);
      expect(plan.ok && round2(plan.plan.total.threshold)).toBe(card.whatItTakes.total.threshold);
    }
  });

  it('files weak items under their topic with suggested measures (an agency with item scores)', async () => {
    const rows = await listProvinceScores(h.deps.db, 'pathum-thani', 2569);
    const withItems = [...new Set(rows.filter((r) => r.level === 'item').map((r) => r.agencyId))];
    expect(withItems.length).toBeGreaterThan(0);
    for (const id of withItems.slice(0, 3)) {
      const card = await (await h.call('citizen', `/agencies/${id}/scorecard?year=2569`)).json();
      for (const topic of card.weakTopics) {
        expect(topic.measures.length > 0).toBe(topic.items.length > 0);
      }
    }
  });

  it('names the weak instrument of Phatthalung FY2566 and the reason for ผ่าน, as the analysis report does', async () => {
    const card = await (await h.call('citizen', '/agencies/phatthalung-office/scorecard?year=2566')).json();
    expect(card.level.code).toBe('ผ่าน');
    expect(card.weakness.none).toBe(false);
    expect(card.weakness.instruments).toEqual([
      { code: 'EIT', name: 'แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก', score: 84.6 },
    ]);
    expect(card.weakness.levelReason).toContain('EIT ได้ 84.60 ต่ำกว่า 85');
    const report = await (await h.call('coordinator', '/reports/analysis/phatthalung-office/2566')).json();
    expect(report.weakInstruments.map((w: { instrument: string }) => w.instrument)).toEqual(['EIT']);
    expect(report.keepsStandard).toBe(false);
  });

  it('marks red exactly what it counts as weak, and names unknown items by their indicator', async () => {
    const rows = await listProvinceScores(h.deps.db, 'pathum-thani', 2569);
    const ids = [...new Set(rows.map((r) => r.agencyId))];
    for (const id of ids.slice(0, 8)) {
      const card = await (await h.call('citizen', `/agencies/${id}/scorecard?year=2569`)).json();
      const lowIndicators = card.indicators.filter((i: { score: number | null }) => (i.score ?? 100) < 85);
      expect(card.weakness.indicators.map((w: { id: number }) => w.id)).toEqual(
        lowIndicators.map((i: { id: number }) => i.id),
      );
      const items = card.weakTopics.flatMap((t: { items: { code: string; title: string }[] }) => t.items);
      expect(card.weakCount).toBe(items.length);
      for (const item of items) expect(item.title.startsWith(`ข้อ ${item.code}`)).toBe(false);
      expect(card.weakness.none).toBe(
        lowIndicators.length === 0 && items.length === 0 && card.weakness.instruments.length === 0,
      );
    }
  });

  it('answers 404 in Thai for an unknown agency and a year without scores', async () => {
    const unknown = await h.call('citizen', '/agencies/no-such-agency/scorecard');
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).message).toContain('ไม่พบหน่วยงาน');
    const noYear = await h.call('citizen', `/agencies/${AGENCY}/scorecard?year=2570`);
    expect(noYear.status).toBe(404);
    expect((await noYear.json()).message).toContain('ยังไม่มีผลคะแนน');
  });
});

describe('POST /api/agencies/import', () => {
  const file = [
    'agency_id,code,score',
    `${AGENCY},IIT,91.5`,
    `${AGENCY},EIT,88.25`,
    `${AGENCY},OIT,97`,
    'bang-toei-sao,IIT,80',
    'bang-toei-sao,EIT,82',
    'bang-toei-sao,OIT,70.5',
  ].join('\n');

  it('stores a multi-agency file and the card shows it', async () => {
    const res = await h.call('coordinator', '/agencies/import', {
      method: 'POST',
      body: { fileName: 'fy2570.csv', content: file, year: 2570 },
    });
    expect(res.status).toBe(200);
    const answer = await res.json();
    expect(answer).toMatchObject({ imported: 6, errors: [] });
    expect(answer.agencies.map((a: { id: string }) => a.id)).toEqual([AGENCY, 'bang-toei-sao']);
    const card = await (await h.call('citizen', `/agencies/${AGENCY}/scorecard?year=2570`)).json();
    expect(card.totalDisplay).toBe('92.73'); // 0.3·91.5 + 0.3·88.25 + 0.4·97
    const province = await (await h.call('citizen', '/province')).json();
    expect(province.years[0]).toBe(2570);
  });

  it('stores a one-agency file in the CLI format for the chosen agency', async () => {
    const res = await h.call('coordinator', '/agencies/import', {
      method: 'POST',
      body: {
        fileName: 'x.json',
        content: '{"fiscalYear": 2570, "instruments": {"IIT": 90, "EIT": 90, "OIT": 90}}',
        year: 2570,
        agencyId: 'rahaeng-sao',
      },
    });
    expect(res.status).toBe(200);
    expect((await listScores(h.deps.db, 'rahaeng-sao', 2570)).map((s) => s.source)).toEqual([
      'liff',
      'liff',
      'liff',
    ]);
  });

  it('names every bad line and stores nothing', async () => {
    const bad = [
      'agency_id,code,score',
      'khlong-sam-sao,IIT,91',
      'khlong-sam-sao,EIT,abc',
      'no-such-agency,OIT,90',
      'khlong-sam-sao,OIT,120',
    ].join('\n');
    const res = await h.call('coordinator', '/agencies/import', {
      method: 'POST',
      body: { fileName: 'bad.csv', content: bad, year: 2570 },
    });
    expect(res.status).toBe(400);
    const answer = await res.json();
    expect(answer.imported).toBe(0);
    expect(answer.errors.map((e: { line: number }) => e.line)).toEqual([3, 4]);
    expect(answer.errors[1].message).toContain('no-such-agency');
    expect(await listScores(h.deps.db, 'khlong-sam-sao', 2570)).toEqual([]);
  });

  it('reports a score out of range on its line and checks a dry run without storing', async () => {
    const content = ['agency_id,code,score', 'bueng-bon-sao,IIT,91', 'bueng-bon-sao,OIT,120'].join('\n');
    const res = await h.call('coordinator', '/agencies/import', {
      method: 'POST',
      body: { fileName: 'bad.csv', content, year: 2570 },
    });
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toMatchObject([{ line: 3, field: 'แบบวัด OIT' }]);
    const dry = await h.call('coordinator', '/agencies/import', {
      method: 'POST',
      body: { fileName: 'ok.csv', content: content.replace('120', '95'), year: 2570, dryRun: true },
    });
    expect(await dry.json()).toMatchObject({ imported: 0, dryRun: true });
    expect(await listScores(h.deps.db, 'bueng-bon-sao', 2570)).toEqual([]);
  });

  it('reviews a results table (Thai headers) before storing: every bad row at once, then preview, then apply', async () => {
    const bad = ['ชื่อหน่วยงาน,คะแนนรวม,EIT', '"เทศบาลนครรังสิต",101,80', '"เทศบาลเมืองคูคต",90,abc'].join('\n');
    const res = await h.call('coordinator', '/agencies/import', {
      method: 'POST',
      body: { fileName: 'results.csv', content: bad, year: 2571 },
    });
    expect(res.status).toBe(400);
    const answer = await res.json();
    expect(answer.errors).toEqual([
      { line: 2, field: 'คะแนนรวม', message: 'คะแนนรวมต้องเป็นตัวเลข 0 ถึง 100 (ได้รับ "101")' },
      { line: 3, field: 'EIT', message: 'คะแนน EITต้องเป็นตัวเลข 0 ถึง 100 (ได้รับ "abc")' },
    ]);
    const good = ['ชื่อหน่วยงาน,คะแนนรวม,ระดับ', '"เทศบาลนครรังสิต",91.5,ผ่าน'].join('\n');
    const preview = await (
      await h.call('coordinator', '/agencies/import', {
        method: 'POST',
        body: { fileName: 'results.csv', content: good, year: 2571 },
      })
    ).json();
    expect(preview).toMatchObject({ imported: 0, dryRun: true, review: { ready: true, fields: [] } });
    expect(preview.review.rows[0]).toMatchObject({
      agency: { id: AGENCY },
      totalDisplay: '91.50',
      level: 'ผ่าน',
    });
    expect(await listScores(h.deps.db, AGENCY, 2571)).toEqual([]);
    const applied = await (
      await h.call('coordinator', '/agencies/import', {
        method: 'POST',
        body: { fileName: 'results.csv', content: good, year: 2571, apply: true },
      })
    ).json();
    expect(applied).toMatchObject({ dryRun: false, imported: 1 });
    const card = await (await h.call('citizen', `/agencies/${AGENCY}/scorecard?year=2571`)).json();
    expect(card).toMatchObject({ totalDisplay: '91.50', level: { code: 'ผ่าน' } });
  });

  it('asks what an unknown column is, offering the fields by their Thai names, and takes the answer', async () => {
    const file = ['ชื่อหน่วยงาน,คะแนนรวม,คอลัมน์ที่ 9', '"เทศบาลนครรังสิต",91.5,97.1'].join('\n');
    const check = (mapping?: Record<string, string>) =>
      h.call('coordinator', '/agencies/import', {
        method: 'POST',
        body: {
          fileName: 'results.csv',
          content: file,
          year: 2571,
          ...(mapping === undefined ? {} : { mapping }),
        },
      });
    const { review } = await (await check()).json();
    expect(review).toMatchObject({ ready: false, unknownHeaders: ['คอลัมน์ที่ 9'] });
    expect(review.fields[0]).toEqual(['ignore', 'ไม่ใช้คอลัมน์นี้']);
    expect(review.fields).toContainEqual(['indicator_9', 'ตัวชี้วัดที่ 9']);
    expect(review.fields).toContainEqual(['rank_in_group', 'ลำดับในกลุ่มหน่วยงาน']);
    const mapped = await (await check({ 'คอลัมน์ที่ 9': 'indicator_9' })).json();
    expect(mapped.review).toMatchObject({ ready: true, unknownHeaders: [], fields: [] });
  });

  it('offers the template as CSV and XLSX, and reads an XLSX upload', async () => {
    const csv = await h.call('coordinator', '/agencies/import/template?format=csv&year=2571');
    expect(csv.status).toBe(200);
    const text = await csv.text();
    expect(text.split('\r\n')[0]).toContain('ชื่อหน่วยงาน');
    expect(text).toContain('เทศบาลนครรังสิต');
    const xlsx = await h.call('coordinator', '/agencies/import/template?format=xlsx&year=2571');
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const bytes = new Uint8Array(await xlsx.arrayBuffer());
    const res = await h.call('coordinator', '/agencies/import', {
      method: 'POST',
      body: {
        fileName: 't.xlsx',
        content: '',
        contentBase64: Buffer.from(bytes).toString('base64'),
        year: 2571,
      },
    });
    // The template has ids but no scores: every row says so, in Thai.
    expect(res.status).toBe(400);
    const answer = await res.json();
    expect(answer.errors[0].message).toBe('แถวนี้ไม่มีคะแนนหรือระดับให้นำเข้า');
    const staff = await h.call('staff', '/agencies/import/template?format=csv');
    expect(staff.status).toBe(403);
  });
});
