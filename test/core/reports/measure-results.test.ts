// buildMeasureResults: seed 004's report — measures grouped by instrument, what was done, outcome with score change.
import { describe, expect, it } from 'vitest';
import { frameworkFor, score } from '../../../core/index.ts';
import { buildMeasureResults, type MeasureActivity, measureInstrument } from '../../../core/reports/index.ts';

const property: MeasureActivity = {
  activityId: 'p',
  title: 'แนวทางปฏิบัติเกี่ยวกับการขอยืมทรัพย์สินของราชการ',
  steps: ['จัดทำแนวทาง', 'แจ้งเวียน'],
  owner: 'งานพัสดุ',
  startsOn: '2024-10-01',
  dueOn: '2025-03-31',
  indicators: [4],
  status: 'done',
  reports: [
    { note: null, evidenceUrl: null },
    { note: 'ประกาศแนวทางแล้ว', evidenceUrl: 'https://example.go.th/guide.pdf' },
  ],
};
const website: MeasureActivity = {
  ...property,
  activityId: 'w',
  title: 'เผยแพร่ข้อมูล',
  indicators: [7],
  status: 'in_progress',
  reports: [],
};
const noIndicator: MeasureActivity = {
  ...property,
  activityId: 'n',
  title: 'อื่น ๆ',
  indicators: [],
  reports: [],
};

function resultOf(year: number, indicators: Record<string, number>) {
  const outcome = score({ fiscalYear: year, indicators });
  if (!outcome.ok) throw new Error('does not score');
  return outcome.result;
}

describe('buildMeasureResults', () => {
  it('groups measures by instrument as seed 004 does, with notes, evidence, owner and period', () => {
    const report = buildMeasureResults({
      agency: { id: 'a', name: 'อบจ.ทดสอบ' },
      fiscalYear: 2568,
      activities: [property, website, noIndicator],
    });
    expect(report.groups.map((g) => [g.instrument, g.rows.map((r) => r.activityId)])).toEqual([
      ['IIT', ['p']],
      ['EIT', ['w']],
      ['OIT', ['n']],
    ]);
    const row = report.groups[0]?.rows[0];
    expect(row?.done).toBe('ประกาศแนวทางแล้ว');
    expect(row?.evidenceUrls).toEqual(['https://example.go.th/guide.pdf']);
    expect(row?.periodText).toBe('1 ต.ค. 2567 – 31 มี.ค. 2568');
    expect(row?.outcome).toContain('รอผลการประเมิน');
    expect(report.groups[1]?.rows[0]?.statusLabel).toBe('อยู่ระหว่างดำเนินการ');
    expect(report.resultKnown).toBe(false);
  });

  it('gives the score change of the measure indicators once the year result is known', () => {
    const base = {
      '1': 90,
      '2': 90,
      '3': 90,
      '4': 80,
      '5': 90,
      '6': 90,
      '7': 90,
      '8': 90,
      '9': 90,
      '10': 90,
    };
    const report = buildMeasureResults({
      agency: { id: 'a', name: 'อบจ.ทดสอบ' },
      fiscalYear: 2568,
      activities: [property],
      previous: resultOf(2567, base),
      result: resultOf(2568, { ...base, '4': 92.5 }),
    });
    const row = report.groups[0]?.rows[0];
    expect(row?.scoreChanges).toEqual([{ indicator: 4, name: 'การใช้ทรัพย์สินของราชการ', change: 12.5 }]);
    expect(row?.outcome).toContain('เพิ่มขึ้น 12.50 คะแนน (80.00 → 92.50)');
  });
});

describe('measureInstrument', () => {
  it('files six of Tak PAO FY2567 topics’ measures under OIT and public property under IIT (seed 004)', () => {
    const framework = frameworkFor(2567);
    if (framework === undefined) throw new Error('no framework');
    // The first indicator of each topic's first template would say IIT or EIT for most of them.
    const byTopic = [1, 2, 3, 4, 5, 6, 7].map((topic) => measureInstrument(framework, topic, [1]));
    expect(byTopic).toEqual(['OIT', 'OIT', 'OIT', 'IIT', 'OIT', 'OIT', 'OIT']);
  });
});
