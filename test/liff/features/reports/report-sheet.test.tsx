// @vitest-environment happy-dom
// The report sheet of the LIFF page: shows the figures in the chosen digits, and the edit step changes the prose.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { frameworkFor, score } from '../../../../core/index.ts';
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

function takReport(): AnalysisReport {
  const outcome = score({ fiscalYear: 2567, indicators: TAK });
  const framework = frameworkFor(2567);
  if (!outcome.ok || framework === undefined) throw new Error('setup');
  return buildAnalysis({
    agency: { id: 'tak-pao', name: 'องค์การบริหารส่วนจังหวัดตาก' },
    framework,
    result: outcome.result,
    itemScores: {},
    rank: { rank: 1, of: 1 },
  });
}

let root: HTMLElement;

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
        <AnalysisSheet report={report} onChange={onChange} />
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
