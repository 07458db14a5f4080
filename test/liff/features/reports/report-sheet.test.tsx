// @vitest-environment happy-dom
// The report sheet of the LIFF page: shows the figures in the chosen digits, and the edit step changes the prose.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { type Framework, frameworkFor, score } from '../../../../core/index.ts';
import { analysisCharts } from '../../../../core/reports/charts.ts';
import { type AnalysisReport, buildAnalysis } from '../../../../core/reports/index.ts';
import { AnalysisSheet } from '../../../../liff/src/features/reports/report-analysis.tsx';
import { type ReportView, ReportViewContext } from '../../../../liff/src/features/reports/report-text.tsx';

// Tak PAO FY2567 as seed 003 publishes it.
const TAK = {
  '1': 97.78,
  '2': 100,
  '3': 100,
  '4': 100,
  '5': 100,
  '6': 99.13,
  '7': 99.1,
  '8': 97.05,
  '9': 100,
  '10': 100,
};

function takReport(measuresFramework?: Framework): AnalysisReport {
  const outcome = score({ fiscalYear: 2567, indicators: TAK });
  const framework = frameworkFor(2567);
  if (!outcome.ok || framework === undefined) throw new Error('setup');
  return buildAnalysis({
    agency: { id: 'tak-pao', name: 'องค์การบริหารส่วนจังหวัดตาก' },
    framework,
    result: outcome.result,
    itemScores: {},
    rank: { rank: 1, of: 1 },
    ...(measuresFramework === undefined ? {} : { measuresFramework }),
  });
}

let root: HTMLElement;

/** The sheet of a report as the API sends it: with its charts (bot/features/reports/api.ts). */
function show(
  view: ReportView,
  report: AnalysisReport,
  onChange: (r: AnalysisReport) => void = () => undefined,
) {
  root = document.createElement('div');
  document.body.append(root);
  act(() => {
    render(
      <ReportViewContext.Provider value={view}>
        <AnalysisSheet report={{ ...report, charts: analysisCharts(report) }} onChange={onChange} />
      </ReportViewContext.Provider>,
      root,
    );
  });
}

afterEach(() => {
  render(null, root);
  root.remove();
});

describe('AnalysisSheet', () => {
  it('shows the result, the seven topics and their measures in Arabic digits', () => {
    show({ digits: 'arabic', editing: false }, takReport());
    const text = root.textContent ?? '';
    expect(text).toContain('ผลคะแนน 99.39');
    expect(text).toContain('หน่วยงานรักษามาตรฐานผลการประเมิน');
    expect(root.querySelectorAll('.report-topic')).toHaveLength(7);
    expect(text).toContain('การขับเคลื่อนจริยธรรมของหน่วยงาน');
    expect(root.querySelector('textarea')).toBeNull();
  });

  it('draws the chart against 85 beside the indicator table, and this year against last when last year is known', () => {
    show({ digits: 'thai', editing: false }, takReport());
    const threshold = root.querySelector('figure[data-chart="against-threshold"]');
    expect(threshold?.querySelector('svg[role="img"]')).not.toBeNull();
    // 3 instruments and 10 indicators, each a bar; no bar red (nothing of Tak PAO is below 85).
    const bars = [...(threshold?.querySelectorAll('rect') ?? [])].slice(1);
    expect(bars).toHaveLength(13);
    expect(bars.every((bar) => bar.getAttribute('fill') === '#1d4f91')).toBe(true);
    expect(threshold?.textContent).toContain('๙๙.๑๓');
    expect(root.querySelector('figure[data-chart="year-on-year"]')).toBeNull();

    const outcome = score({ fiscalYear: 2567, indicators: { ...TAK, '6': 80 } });
    const before = score({ fiscalYear: 2566, instruments: { IIT: 90, EIT: 88, OIT: 95 } });
    const framework = frameworkFor(2567);
    if (!outcome.ok || !before.ok || framework === undefined) throw new Error('setup');
    render(null, root);
    root.remove();
    show(
      { digits: 'arabic', editing: false },
      buildAnalysis({
        agency: { id: 'tak-pao', name: 'องค์การบริหารส่วนจังหวัดตาก' },
        framework,
        result: outcome.result,
        previous: before.result,
        itemScores: {},
      }),
    );
    const years = root.querySelector('figure[data-chart="year-on-year"]');
    expect(years?.textContent).toContain('ปี พ.ศ. 2566');
    expect(years?.textContent).toContain('ปี พ.ศ. 2567');
    const red = [...(root.querySelectorAll('figure[data-chart="against-threshold"] rect') ?? [])].filter(
      (bar) => bar.getAttribute('fill') === '#b42318',
    );
    expect(red.length).toBeGreaterThanOrEqual(1);
  });

  it("cites FY2568's O27 as from an unconfirmed framework, and plainly once FY2568 is confirmed", () => {
    const next = frameworkFor(2568);
    if (next === undefined) throw new Error('setup');
    show({ digits: 'arabic', editing: false }, takReport(next));
    expect(root.textContent).toContain(
      'ปีงบประมาณ พ.ศ. 2568 (เลขข้อตามกรอบการประเมินปี 2568 ซึ่งยังไม่ยืนยัน อาจเปลี่ยนเมื่อสำนักงาน ป.ป.ช. ประกาศคู่มือ)',
    );
    render(null, root);
    root.remove();
    show({ digits: 'arabic', editing: false }, takReport({ ...next, confirmed: true }));
    expect(root.textContent).toContain('ตัวชี้วัด OIT ข้อ O27');
    expect(root.textContent).not.toContain('ซึ่งยังไม่ยืนยัน');
  });

  it('shows Thai digits when chosen', () => {
    show({ digits: 'thai', editing: false }, takReport());
    expect(root.textContent).toContain('ผลคะแนน ๙๙.๓๙');
    expect(root.textContent).toContain('พ.ศ. ๒๕๖๘');
  });

  it('turns the prose into fields in the edit step and hands back the edited report', () => {
    let edited: AnalysisReport | undefined;
    show({ digits: 'arabic', editing: true }, takReport(), (r) => {
      edited = r;
    });
    const summary = root.querySelector<HTMLTextAreaElement>('textarea[aria-label="สรุปผลการประเมิน"]');
    expect(summary).not.toBeNull();
    act(() => {
      if (summary === null) return;
      summary.value = 'สรุปใหม่';
      summary.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(edited?.summary).toBe('สรุปใหม่');
    const remove = [...root.querySelectorAll('button')].find((b) => b.textContent === 'ไม่ใช้มาตรการนี้');
    act(() => remove?.click());
    expect(edited?.topics[0]?.measures).toEqual([]);
  });
});
