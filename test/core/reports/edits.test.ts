// Staff edits to drafted reports: given text replaces the draft, the rest stays; chosen measures replace a topic's.
import { describe, expect, it } from 'vitest';
import { frameworkFor, score } from '../../../core/index.ts';
import {
  applyAnalysisEdits,
  applyMeasureResultsEdits,
  buildAnalysis,
  buildMeasureResults,
} from '../../../core/reports/index.ts';

function draft() {
  const outcome = score({ fiscalYear: 2567, instruments: { IIT: 90, EIT: 80, OIT: 95 } });
  const framework = frameworkFor(2567);
  if (!outcome.ok || framework === undefined) throw new Error('setup');
  return buildAnalysis({
    agency: { id: 'a', name: 'อบต.ทดสอบ' },
    framework,
    result: outcome.result,
    itemScores: {},
  });
}

describe('applyAnalysisEdits', () => {
  it('replaces the prose that was edited and keeps the rest', () => {
    const report = draft();
    const edited = applyAnalysisEdits(report, {
      summary: 'สรุปที่เจ้าหน้าที่เขียนเอง',
      recommendations: { EIT: 'ข้อเสนอแนะ EIT ใหม่' },
      topics: [{ id: 3, findings: 'ผลการวิเคราะห์ใหม่' }],
    });
    expect(edited.summary).toBe('สรุปที่เจ้าหน้าที่เขียนเอง');
    expect(edited.intro).toBe(report.intro);
    expect(edited.recommendations).toEqual({ ...report.recommendations, EIT: 'ข้อเสนอแนะ EIT ใหม่' });
    expect(edited.topics[2]?.findings).toBe('ผลการวิเคราะห์ใหม่');
    expect(edited.topics[2]?.measures).toEqual(report.topics[2]?.measures);
    expect(report.summary).not.toBe(edited.summary);
  });

  it('replaces a topic measures with the chosen ones, keying new ones by topic', () => {
    const edited = applyAnalysisEdits(draft(), {
      topics: [
        {
          id: 5,
          measures: [
            {
              title: 'ประชุมชี้แจงงบประมาณ',
              steps: ['ประชุมทุกไตรมาส'],
              owner: 'กองคลัง',
              period: { startMonth: 4, endMonth: 6 },
            },
          ],
        },
      ],
    });
    expect(edited.topics[4]?.measures).toEqual([
      {
        id: 'custom-5-1',
        title: 'ประชุมชี้แจงงบประมาณ',
        steps: ['ประชุมทุกไตรมาส'],
        owner: 'กองคลัง',
        period: { startMonth: 4, endMonth: 6 },
        periodText: 'ม.ค. 2568 – มี.ค. 2568',
      },
    ]);
  });
});

describe('applyMeasureResultsEdits', () => {
  it('replaces one row text by activity id', () => {
    const report = buildMeasureResults({
      agency: { id: 'a', name: 'อบต.ทดสอบ' },
      fiscalYear: 2568,
      activities: [
        {
          activityId: 'x1',
          title: 'ม1',
          steps: ['ทำ'],
          owner: 'กอง',
          startsOn: null,
          dueOn: '2025-03-31',
          indicators: [4],
          reports: [],
        },
      ],
    });
    const edited = applyMeasureResultsEdits(report, {
      rows: [{ activityId: 'x1', outcome: 'ผลลัพธ์ที่เขียนเอง' }],
    });
    expect(edited.groups[0]?.rows[0]?.outcome).toBe('ผลลัพธ์ที่เขียนเอง');
    expect(edited.groups[0]?.rows[0]?.done).toBe(report.groups[0]?.rows[0]?.done);
  });
});
