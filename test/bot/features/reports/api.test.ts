// /api/reports: the agency's staff and coordinators get the drafted reports as JSON, download edited .docx/.html,
// and turn the chosen measures into next year's plan; everyone else gets a 403, bad input a 400, no scores a 404.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analysisCharts, type Chart } from '../../../../bot/features/reports/charts.ts';
import { DOCUMENT_POLICY } from '../../../../bot/http/security-headers.ts';
import { DEMO_COORDINATOR_ID, DEMO_STAFF_ID } from '../../../../bot/tools/demo/index.ts';
import { loadDemo } from '../../../../bot/tools/demo/load.ts';
import type { AnalysisReport } from '../../../../core/reports/index.ts';
import { listActivities } from '../../../../db/queries/plan-activities.ts';
import { grantRole } from '../../../../db/queries/user-roles.ts';
import { checkAndClose, type Harness, LOGIN_CHANNEL_ID, startHarness } from '../../../support/harness.ts';
import { docxText, readZip } from '../../../support/zip.ts';

const TAK_STAFF = `U${'7'.repeat(32)}`;
let h: Harness;

beforeEach(async () => {
  h = await startHarness();
  await loadDemo(h.deps.db, h.deps.now());
  await grantRole(
    h.deps.db,
    { userId: TAK_STAFF, role: 'staff', provinceId: 'tak', agencyId: 'tak-pao', grantedBy: null },
    h.deps.now(),
  );
  h.fake.registerIdToken('tak', { sub: TAK_STAFF, aud: LOGIN_CHANNEL_ID });
  h.fake.registerIdToken('coordinator', { sub: DEMO_COORDINATOR_ID, aud: LOGIN_CHANNEL_ID });
  h.fake.registerIdToken('other-staff', { sub: DEMO_STAFF_ID, aud: LOGIN_CHANNEL_ID });
});
afterEach(() => checkAndClose(h));

/** GET without a body, POST with one. */
const call = (path: string, token: string, body?: unknown) =>
  h.callApi(token, `/reports${path}`, body === undefined ? {} : { method: 'POST', body });

describe('GET /api/reports/analysis/:agencyId/:year', () => {
  it('gives the agency staff the drafted analysis as JSON', async () => {
    const res = await call('/analysis/tak-pao/2567', 'tak');
    expect(res.status).toBe(200);
    const report = (await res.json()) as {
      keepsStandard: boolean;
      topics: unknown[];
      overall: { rankInProvince: number };
    };
    // Tak PAO is Tak's only agency on record: "1 of 1" says nothing and is left out.
    expect(report).toMatchObject({ keepsStandard: true });
    expect(report.overall.rankInProvince).toBeUndefined();
    expect(report.topics).toHaveLength(7);
  });

  it('sends its charts as the shapes the downloads draw, for the mini-app to render', async () => {
    const res = await call('/analysis/tak-pao/2567', 'tak');
    const { charts, ...report } = (await res.json()) as AnalysisReport & { charts: Chart[] };
    expect(charts.map((c) => c.id)).toEqual(['against-threshold']);
    expect(charts[0]?.shapes.filter((s) => s.kind === 'rect')).toHaveLength(13);
    expect(charts).toEqual(analysisCharts(report));
  });

  it('lets a coordinator read it and keeps staff of other agencies out', async () => {
    expect((await call('/analysis/pathum-thani-office/2562', 'coordinator')).status).toBe(200);
    const res = await call('/analysis/tak-pao/2567', 'other-staff');
    expect(res.status).toBe(403);
    expect(((await res.json()) as { message: string }).message).toMatch(/^เฉพาะผู้รับผิดชอบ ITA/);
  });

  it('answers 404 with a Thai reason for a year with no scores, 400 for a year that is not BE', async () => {
    const missing = await call('/analysis/tak-pao/2566', 'tak');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { message: string }).message).toBe(
      'ยังไม่มีผลคะแนน ITA ขององค์การบริหารส่วนจังหวัดตาก ปีงบประมาณ 2566',
    );
    expect((await call('/analysis/tak-pao/2024', 'tak')).status).toBe(400);
  });
});

describe('POST /api/reports/analysis/:agencyId/:year/download', () => {
  it('downloads a .docx with the staff edits and a file name', async () => {
    const res = await call('/analysis/tak-pao/2567/download', 'tak', {
      format: 'docx',
      digits: 'thai',
      edits: { summary: 'สรุปผลที่เจ้าหน้าที่แก้ไขแล้ว' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="ita-analysis-tak-pao-2567.docx"',
    );
    const xml =
      readZip(new Uint8Array(await res.arrayBuffer()))
        .get('word/document.xml')
        ?.toString('utf8') ?? '';
    const text = docxText(xml);
    expect(text).toContain('สรุปผลที่เจ้าหน้าที่แก้ไขแล้ว');
    expect(text).toContain('ผลคะแนน ๙๙.๓๙');
  });

  it('downloads HTML and names every wrong field of a bad body', async () => {
    const html = await call('/analysis/tak-pao/2567/download', 'tak', { format: 'html' });
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    // Issue 14 §4: a report is a document that runs no script: it carries the strict CSP, and nosniff.
    expect(html.headers.get('content-security-policy')).toBe(DOCUMENT_POLICY);
    expect(html.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await html.text()).toContain('ผลคะแนน 99.39');
    const bad = await call('/analysis/tak-pao/2567/download', 'tak', {
      format: 'pdf',
      edits: { topics: [{ id: 9 }] },
    });
    expect(bad.status).toBe(400);
    const paths = ((await bad.json()) as { issues: { path: string }[] }).issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['format', 'edits.topics.0.id']));
  });
});

describe('POST /api/reports/analysis/:agencyId/:year/plan', () => {
  it('adds the chosen measures to next year plan, once', async () => {
    const body = {
      edits: {
        topics: [
          {
            id: 4,
            measures: [
              {
                title: 'ตรวจนับทรัพย์สินประจำปี',
                steps: ['ตรวจนับ', 'รายงานผล'],
                owner: 'กองคลัง',
                period: { startMonth: 1, endMonth: 3 },
              },
            ],
          },
        ],
      },
    };
    const res = await call('/analysis/tak-pao/2567/plan', 'tak', body);
    expect(res.status).toBe(200);
    const planned = (await res.json()) as {
      year: number;
      created: { title: string; owner: string; dueOn: string }[];
    };
    expect(planned.year).toBe(2568);
    expect(planned.created).toHaveLength(7);
    expect(planned.created).toContainEqual(
      expect.objectContaining({ title: 'ตรวจนับทรัพย์สินประจำปี', owner: 'กองคลัง', dueOn: '2024-12-31' }),
    );
    const again = (await (await call('/analysis/tak-pao/2567/plan', 'tak', body)).json()) as {
      skipped: number;
    };
    expect(again.skipped).toBe(7);
    expect(await listActivities(h.deps.db, 'tak', 2568)).toHaveLength(7);
    const measures = await call('/measures/tak-pao/2568', 'tak');
    expect(measures.status).toBe(200);
  });

  it('keeps staff of other agencies from planning', async () => {
    expect((await call('/analysis/tak-pao/2567/plan', 'other-staff', {})).status).toBe(403);
    expect(await listActivities(h.deps.db, 'tak', 2568)).toHaveLength(0);
  });
});

describe('measures report', () => {
  it('answers 404 before any measure is planned and downloads once there are', async () => {
    expect((await call('/measures/tak-pao/2568', 'tak')).status).toBe(404);
    await call('/analysis/tak-pao/2567/plan', 'tak', {});
    const res = await call('/measures/tak-pao/2568/download', 'tak', { format: 'html' });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('รายงานผลการดำเนินการตามมาตรการ');
  });
});
