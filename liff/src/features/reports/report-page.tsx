// The OIT report pages (issue 6): the analysis report and the measure-results report, drafted from the data,
// readable and printable, with an edit step for the prose before downloading .docx/.html.
import './report-sheet.css';
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type {
  AnalysisEdits,
  AnalysisReport,
  MeasureResultsEdits,
  MeasureResultsReport,
} from '../../../../core/reports/index.ts';
import { fiscalYearOf } from '../../../../core/thai/era.ts';
import { ok } from '../../lib/api.ts';
import { hrefOf } from '../../lib/router.ts';
import { saveFile } from '../../lib/save-file.ts';
import { useSession } from '../../lib/session.ts';
import { type Loaded, useAction, useLoad } from '../../lib/use-load.ts';
import type { PageProps } from '../../ui/lazy-page.tsx';
import { ApiErrorState, Loading } from '../../ui/states.tsx';
import { AnalysisSheet } from './report-analysis.tsx';
import type { ChartedAnalysis } from './report-charts.tsx';
import { MeasuresSheet } from './report-measures.tsx';
import { type ReportView, ReportViewContext } from './report-text.tsx';
import { ReportToolbar } from './report-toolbar.tsx';

function analysisEditsOf(r: AnalysisReport): AnalysisEdits {
  return {
    title: r.title,
    intro: r.intro,
    summary: r.summary,
    recommendations: r.recommendations,
    topics: r.topics.map((t) => ({
      id: t.id,
      findings: t.findings,
      measures: t.measures.map((m) => ({
        id: m.id,
        ...(m.templateId === undefined ? {} : { templateId: m.templateId }),
        title: m.title,
        steps: m.steps.map((s) => s.trim()).filter((s) => s !== ''),
        owner: m.owner,
        period: m.period,
        periodText: m.periodText,
      })),
    })),
  };
}

function measuresEditsOf(r: MeasureResultsReport): MeasureResultsEdits {
  const rows = r.groups.flatMap((g) =>
    g.rows.map(({ activityId, done, outcome }) => ({ activityId, done, outcome })),
  );
  return { title: r.title, intro: r.intro, rows };
}

function YearPicker({ year, onYear }: { year: string; onYear(year: string): void }) {
  return (
    <label class="field no-print">
      ปีงบประมาณ (พ.ศ.){' '}
      <input
        type="number"
        inputMode="numeric"
        min={2562}
        max={2700}
        value={year}
        onChange={(e) => onYear(e.currentTarget.value)}
      />
    </label>
  );
}

interface ReportPageProps<R> {
  year: string;
  onYear(year: string): void;
  loaded: Loaded<R> & { reload(): void };
  /** Skeleton lines while loading, about the sheet's first screen. */
  lines: number;
  /** Asks the server for the edited report as a .docx or .html file. */
  download(report: R, format: 'docx' | 'html', digits: ReportView['digits']): Promise<Response>;
  /** Adds the report's measures to the plan and says what was added; only the analysis report has one. */
  plan?: (report: R) => Promise<string>;
  sheet(report: R, onChange: (report: R) => void): ComponentChildren;
}

/** A report for a year: the toolbar over the sheet, whose edits stay in the page until they are downloaded. */
function ReportPage<R>({ year, onYear, loaded, lines, download, plan, sheet }: ReportPageProps<R>) {
  const [report, setReport] = useState<R | undefined>(undefined);
  useEffect(() => setReport(loaded.data), [loaded.data]);
  const [view, setView] = useState<ReportView>({ digits: 'arabic', editing: false });
  const { busy, message, act } = useAction();
  if (loaded.status === 'loading' || (loaded.status === 'ok' && report === undefined))
    return <Loading lines={lines} />;
  if (loaded.status === 'error' || report === undefined) {
    return (
      <>
        <YearPicker year={year} onYear={onYear} />
        {loaded.error !== undefined && <ApiErrorState error={loaded.error} onRetry={loaded.reload} />}
      </>
    );
  }
  const onDownload = (format: 'docx' | 'html') =>
    act(async () => {
      await saveFile(await download(report, format, view.digits));
      return 'ดาวน์โหลดรายงานแล้ว';
    });
  const onPlan = plan === undefined ? undefined : () => act(() => plan(report));
  return (
    <ReportViewContext.Provider value={view}>
      <YearPicker year={year} onYear={onYear} />
      <ReportToolbar
        view={view}
        onView={setView}
        onDownload={onDownload}
        onPlan={onPlan}
        busy={busy}
        message={message}
      />
      {sheet(report, setReport)}
    </ReportViewContext.Provider>
  );
}

/** The report's year, kept in its address (`reports/<kind>/<agency>/<year>`) so back and share keep it. */
function useReportYear(kind: string, agencyId: string, first: string): [string, (year: string) => void] {
  const [year, setYear] = useState(first);
  const choose = (next: string) => {
    history.replaceState(
      history.state,
      '',
      hrefOf(`reports/${kind}/${encodeURIComponent(agencyId)}/${next}`),
    );
    setYear(next);
  };
  return [year, choose];
}

export function AnalysisReportPage({ params }: PageProps) {
  const { api } = useSession();
  const agencyId = params.agencyId ?? '';
  const [year, setYear] = useReportYear(
    'analysis',
    agencyId,
    params.year ?? String(fiscalYearOf(new Date()) - 1),
  );
  const route = api.reports.analysis[':agencyId'][':year'];
  const param = { agencyId, year };
  const loaded = useLoad(() => ok(route.$get({ param })), [agencyId, year]);
  const plan = async (report: ChartedAnalysis) => {
    const planned = await ok(route.plan.$post({ param, json: { edits: analysisEditsOf(report) } }));
    const skipped = planned.skipped > 0 ? ` (มีอยู่แล้ว ${planned.skipped} รายการ)` : '';
    return `เพิ่มมาตรการเข้าแผนงานปีงบประมาณ ${planned.year} แล้ว ${planned.created.length} รายการ${skipped} ระบบจะแจ้งเตือนตามกำหนด`;
  };
  return (
    <ReportPage<ChartedAnalysis>
      year={year}
      onYear={setYear}
      loaded={loaded}
      lines={12}
      download={(report, format, digits) =>
        route.download.$post({ param, json: { format, digits, edits: analysisEditsOf(report) } })
      }
      plan={plan}
      sheet={(report, onChange) => <AnalysisSheet report={report} onChange={onChange} />}
    />
  );
}

export function MeasuresReportPage({ params }: PageProps) {
  const { api } = useSession();
  const agencyId = params.agencyId ?? '';
  const [year, setYear] = useReportYear(
    'measures',
    agencyId,
    params.year ?? String(fiscalYearOf(new Date())),
  );
  const route = api.reports.measures[':agencyId'][':year'];
  const param = { agencyId, year };
  const loaded = useLoad(() => ok(route.$get({ param })), [agencyId, year]);
  return (
    <ReportPage<MeasureResultsReport>
      year={year}
      onYear={setYear}
      loaded={loaded}
      lines={10}
      download={(report, format, digits) =>
        route.download.$post({ param, json: { format, digits, edits: measuresEditsOf(report) } })
      }
      sheet={(report, onChange) => <MeasuresSheet report={report} onChange={onChange} />}
    />
  );
}
