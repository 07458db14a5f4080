// /api/frameworks: the mini-app's coordinator tools list each year's framework with its status, give a year's file,
// and import a year's framework (checked first, stored and audited on apply), used at once — no CLI needed.
import * as XLSX from '@e965/xlsx';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  oitComplaintDocument,
  renderOitComplaints,
} from '../../../../bot/features/reports/oit-complaints-files.ts';
import { buildScorecard } from '../../../../bot/features/scores/scorecard.ts';
import { DEMO_COORDINATOR_ID, DEMO_STAFF_ID } from '../../../../bot/tools/demo/index.ts';
import { listAudit } from '../../../../db/queries/audit-log.ts';
import { checkAndClose, type Harness, LOGIN_CHANNEL_ID, startHarness } from '../../../support/harness.ts';
import { docxText, readZip } from '../../../support/zip.ts';
import { loadDemoWithFy2570Scores } from './support.ts';

/** A Monday in FY2570. */
const NOW = new Date('2026-11-23T09:00:00.000Z');
let h: Harness;

beforeEach(async () => {
  h = await startHarness({ now: () => NOW });
  await loadDemoWithFy2570Scores(h.deps.db, NOW);
  h.fake.registerIdToken('coordinator', { sub: DEMO_COORDINATOR_ID, aud: LOGIN_CHANNEL_ID });
  h.fake.registerIdToken('staff', { sub: DEMO_STAFF_ID, aud: LOGIN_CHANNEL_ID });
});
afterEach(() => checkAndClose(h));

const get = (path: string, token = 'coordinator') => h.callApi(token, `/frameworks${path}`);
const post = (body: unknown, token = 'coordinator') =>
  h.callApi(token, '/frameworks/import', { method: 'POST', body });

interface Summary {
  year: number;
  id: string;
  imported: boolean;
  confirmed: boolean;
  notice: string | null;
  complaintStatsItem: string | null;
}

/** The first sheet of an .xlsx file as rows of cells. */
function sheetRows(bytes: Uint8Array): unknown[] {
  const book = XLSX.read(bytes);
  return XLSX.utils.sheet_to_json(book.Sheets[book.SheetNames[0] ?? ''] ?? {}, { header: 1 });
}

/** FY2570's assumed framework as a file, turned into "the manual" with OIT at 50 % and IIT at 20 %. */
async function manual2570(): Promise<Record<string, unknown>> {
  const res = await get('/2570');
  expect(res.status).toBe(200);
  const { file } = (await res.json()) as { file: { items: object[] } & Record<string, unknown> };
  return {
    ...file,
    id: 'nacc-2570',
    year: 2570,
    source: 'คู่มือการประเมิน ITA ปี 2570 (สมมุติในการทดสอบ)',
    confirmed: true,
    weights: { IIT: 0.2, EIT: 0.3, OIT: 0.5 },
    items: file.items.map((i) => ({ ...i, confirmed: true })),
  };
}

describe('GET /api/frameworks', () => {
  it('lists every year to this one, newest first: FY2570 assumed and unconfirmed, FY2568 with O19', async () => {
    const res = await get('');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { currentYear: number; years: Summary[] };
    expect(body.currentYear).toBe(2570);
    expect(body.years[0]).toMatchObject({ year: 2570, id: 'ita-2568', imported: false, confirmed: false });
    expect(body.years[0]?.notice).toContain('กรอบการประเมินปี 2570 ยังไม่ยืนยัน');
    expect(body.years.find((y) => y.year === 2568)).toMatchObject({
      confirmed: false,
      complaintStatsItem: 'o19',
    });
    expect(body.years.find((y) => y.year === 2567)).toMatchObject({ confirmed: true, notice: null });
  });

  it('is for coordinators only, and names a year that is not BE', async () => {
    const res = await get('', 'staff');
    expect(res.status).toBe(403);
    expect(((await res.json()) as { message: string }).message).toBe('เฉพาะผู้ประสานงาน ITA ของจังหวัดเท่านั้น');
    expect((await get('/2024')).status).toBe(400);
  });
});

describe('FY2570 views before a manual is imported', () => {
  it('say in one line, in the province overview and the OIT complaint statistics, that the framework is unconfirmed', async () => {
    const res = await h.callApi('coordinator', '/province?year=2570');
    expect(res.status).toBe(200);
    const province = (await res.json()) as { frameworkNotice: string | null; year: number };
    expect(province.year).toBe(2570);
    expect(province.frameworkNotice).toBe(
      'กรอบการประเมินปี 2570 ยังไม่ยืนยัน: ใช้โครงสร้างของปี 2568 ไปก่อน จนกว่าสำนักงาน ป.ป.ช. จะประกาศคู่มือ (ผู้ประสานงานนำเข้ากรอบของปีได้)',
    );
    const confirmed = (await (await h.callApi('coordinator', '/province?year=2567')).json()) as {
      frameworkNotice: string | null;
    };
    expect(confirmed.frameworkNotice).toBeNull();
    const oit = await oitComplaintDocument(h.deps.db, 'pathum-thani', 2570, 'h1');
    if (typeof oit === 'string') throw new Error(oit);
    expect(oit.frameworkNotice).toBe(province.frameworkNotice);
    expect(oit.item?.code).toBe('O19');
    for (const format of ['html', 'csv', 'docx', 'xlsx'] as const) {
      const { body } = await renderOitComplaints(oit, format, 'arabic', false);
      const text =
        typeof body === 'string'
          ? body
          : format === 'docx'
            ? docxText(readZip(body).get('word/document.xml')?.toString('utf8') ?? '')
            : JSON.stringify(sheetRows(body));
      expect(text).toContain('กรอบการประเมินปี 2570 ยังไม่ยืนยัน');
    }
  });
});

describe('POST /api/frameworks/import', () => {
  it('checks a file without storing it, then stores it on apply, audited, and uses it at once', async () => {
    const file = JSON.stringify(await manual2570());
    const dry = await post({ content: file });
    expect(dry.status).toBe(200);
    expect(await dry.json()).toMatchObject({
      ok: true,
      stored: false,
      year: 2570,
      id: 'nacc-2570',
      replaces: 'ita-2568',
      notice: null,
    });
    const before = await buildScorecard(h.deps.db, 'nakhon-rangsit', 2570);
    if (typeof before === 'string') throw new Error(before);
    expect(before.frameworkId).toBe('ita-2568');

    const applied = await post({ content: file, apply: true });
    expect(applied.status).toBe(200);
    expect(await applied.json()).toMatchObject({ ok: true, stored: true });
    const after = await buildScorecard(h.deps.db, 'nakhon-rangsit', 2570);
    if (typeof after === 'string') throw new Error(after);
    expect(after.frameworkId).toBe('nacc-2570');
    expect(after.frameworkNotice).toBeNull();
    expect(after.totalDisplay).toBe('90.70'); // 0.2·90 + 0.3·84 + 0.5·95
    const audit = await listAudit(h.deps.db, { subjectType: 'framework', subjectId: '2570' });
    expect(audit).toEqual([
      expect.objectContaining({ action: 'framework.import', actor: DEMO_COORDINATOR_ID }),
    ]);
    const province = (await (await h.callApi('coordinator', '/province?year=2570')).json()) as {
      frameworkNotice: string | null;
    };
    expect(province.frameworkNotice).toBeNull();
    const oit = await oitComplaintDocument(h.deps.db, 'pathum-thani', 2570, 'h1');
    expect(typeof oit === 'string' ? oit : oit.frameworkNotice).toBeUndefined();
    const list = (await (await get('')).json()) as { years: Summary[] };
    expect(list.years[0]).toMatchObject({ year: 2570, id: 'nacc-2570', imported: true, confirmed: true });
  });

  it('checks a results import against the imported framework at once (an item only the manual has, o30)', async () => {
    const file = await manual2570();
    const indicators = file.indicators as { id: number; items: string[] }[];
    const withO30 = {
      ...file,
      items: [
        ...(file.items as object[]),
        {
          code: 'o30',
          title: 'ข้อที่มีในคู่มือปี 2570 เท่านั้น (สมมุติในการทดสอบ)',
          indicator: 10,
          confirmed: true,
        },
      ],
      indicators: indicators.map((i) => (i.id === 10 ? { ...i, items: [...i.items, 'o30'] } : i)),
    };
    const csv = 'agency_id,year,total,o30\nnakhon-rangsit,2570,91.50,100\n';
    const importResults = () =>
      h.callApi('coordinator', '/agencies/import', {
        method: 'POST',
        body: { fileName: 'results.csv', content: csv, year: 2570 },
      });
    const before = await importResults();
    expect(before.status).toBe(400);
    expect(JSON.stringify(await before.json())).toContain('o30');
    expect((await post({ content: JSON.stringify(withO30), apply: true })).status).toBe(200);
    const after = await importResults();
    expect(after.status).toBe(200);
    expect(await after.json()).toMatchObject({ dryRun: true, review: { ready: true } });
  });

  it('names every problem of a bad file in Thai with a 400 and stores nothing', async () => {
    const file = await manual2570();
    for (const [broken, reason] of [
      [{ ...file, weights: { IIT: 0.5, EIT: 0.3, OIT: 0.4 } }, /น้ำหนัก/],
      [{ ...file, id: '', year: 2024 }, /ต้องมีรหัสกรอบ[\s\S]*year/],
    ] as const) {
      const res = await post({ content: JSON.stringify(broken), apply: true });
      expect(res.status).toBe(400);
      const body = (await res.json()) as { ok: boolean; stored: boolean; errors: string[] };
      expect(body).toMatchObject({ ok: false, stored: false });
      expect(body.errors.join('\n')).toMatch(reason);
    }
    const notJson = await post({ content: '{ไม่ใช่ json' });
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { errors: string[] }).errors).toEqual([
      'ไฟล์กรอบการประเมินต้องเป็น JSON ที่ถูกต้อง',
    ]);
    expect(await listAudit(h.deps.db, { subjectType: 'framework', subjectId: '2570' })).toEqual([]);
    const card = await buildScorecard(h.deps.db, 'nakhon-rangsit', 2570);
    expect(typeof card === 'string' ? card : card.frameworkId).toBe('ita-2568');
  });

  it('keeps staff out before reading the body', async () => {
    const res = await post({ content: '' }, 'staff');
    expect(res.status).toBe(403);
  });
});
