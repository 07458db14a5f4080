// The analysis report's charts on the page, drawn from the shapes the API sends with the report — the same shapes
// as the HTML and Word files (core/reports/charts.ts): the instruments and indicators against 85, and this year
// against last. The geometry stays on the server; the page only draws it.
import { CHART_FONT, type Chart } from '../../../../core/reports/charts.ts';
import type { AnalysisReport } from '../../../../core/reports/index.ts';
import { useDigits } from './report-text.tsx';

/** The analysis report as GET /api/reports/analysis/:agencyId/:year answers it: with its charts. */
export type ChartedAnalysis = AnalysisReport & { charts: readonly Chart[] };

function ChartFigure({ chart }: { chart: Chart }) {
  const t = useDigits();
  return (
    <figure class="report-chart" data-chart={chart.id}>
      <figcaption>{t(chart.title)}</figcaption>
      <svg
        viewBox={`0 0 ${chart.width} ${chart.height}`}
        role="img"
        aria-label={t(chart.title)}
        font-family={CHART_FONT}
        style={{ width: '100%', height: 'auto' }}
      >
        <rect width={chart.width} height={chart.height} fill="#ffffff" />
        {chart.shapes.map((s, i) =>
          s.kind === 'rect' ? (
            <rect key={i} x={s.x} y={s.y} width={s.w} height={s.h} fill={s.fill} />
          ) : s.kind === 'line' ? (
            <line
              key={i}
              x1={s.x1}
              y1={s.y1}
              x2={s.x2}
              y2={s.y2}
              stroke={s.stroke}
              stroke-width={s.dash ? 2 : 1}
              stroke-dasharray={s.dash ? '5 3' : undefined}
            />
          ) : (
            <text
              key={i}
              x={s.x}
              y={s.y}
              font-size={s.size}
              fill={s.fill}
              text-anchor={s.anchor ?? 'start'}
              font-weight={s.bold ? 700 : 400}
            >
              {t(s.text)}
            </text>
          ),
        )}
      </svg>
    </figure>
  );
}

/** The report's chart of this kind, when it has the data for it. */
export function ReportChart({ report, id }: { report: ChartedAnalysis; id: Chart['id'] }) {
  const chart = report.charts.find((c) => c.id === id);
  return chart === undefined ? null : <ChartFigure chart={chart} />;
}
