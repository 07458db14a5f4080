// Total score across the years on record: a small line chart with each year's total written under its point.
import { trendPath, trendPoints } from './trend.ts';

export interface TrendRow {
  year: number;
  total: number | null;
  totalDisplay: string | null;
}

const WIDTH = 320;
const HEIGHT = 150;

export function TrendChart({ rows }: { rows: readonly TrendRow[] }) {
  const points = trendPoints(
    rows.map((r) => ({ year: r.year, value: r.total })),
    { width: WIDTH, height: HEIGHT, padX: 32, padY: 28 },
  );
  const label = rows.map((r) => `พ.ศ. ${r.year}: ${r.totalDisplay ?? 'ไม่มีคะแนน'}`).join(', ');
  return (
    <svg class="trend" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`คะแนนรวมรายปี ${label}`}>
      <path d={trendPath(points)} class="trend-line" />
      {points.map((p, i) => (
        <g key={p.year}>
          {p.value !== null && <circle cx={p.x} cy={p.y} r={4} class="trend-dot" />}
          <text x={p.x} y={p.value === null ? HEIGHT / 2 : p.y - 10} text-anchor="middle" class="trend-value">
            {rows[i]?.totalDisplay ?? '—'}
          </text>
          <text x={p.x} y={HEIGHT - 6} text-anchor="middle" class="trend-year">
            {p.year}
          </text>
        </g>
      ))}
    </svg>
  );
}
