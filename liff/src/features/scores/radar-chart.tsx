// Radar chart of the ten indicators: the agency's shape against the 85-point line (below it is weak).
import { formatScore } from '../../../../core/round.ts';
import { radarGeometry } from './radar.ts';

export interface RadarValue {
  /** Short axis label: the indicator number. */
  label: string;
  /** Full name, for the accessible description. */
  title: string;
  value: number | null;
}

const SIZE = 300;
const WEAK_LINE = 85;

export function RadarChart({ values }: { values: readonly RadarValue[] }) {
  const g = radarGeometry(
    values.map((v) => v.value),
    { size: SIZE, padding: 28, rings: [25, 50, 75, WEAK_LINE, 100] },
  );
  const description = values
    .map((v) => `ตัวชี้วัดที่ ${v.label} ${v.title}: ${v.value === null ? 'ไม่มีคะแนน' : formatScore(v.value)}`)
    .join(', ');
  return (
    <svg
      class="radar"
      viewBox={`0 0 ${SIZE} ${SIZE}`}
      role="img"
      aria-label={`แผนภูมิเรดาร์คะแนนตัวชี้วัด ${description}`}
    >
      {g.rings.map((ring) => (
        <polygon
          key={ring.value}
          points={ring.points}
          class={ring.value === WEAK_LINE ? 'radar-weak-line' : 'radar-ring'}
        />
      ))}
      {g.axes.map((a) => (
        <line key={a.index} x1={g.center.x} y1={g.center.y} x2={a.end.x} y2={a.end.y} class="radar-axis" />
      ))}
      <polygon points={g.polygon} class="radar-shape" />
      {g.axes.map((a) => {
        const v = values[a.index];
        const weak = v?.value !== null && v?.value !== undefined && v.value < WEAK_LINE;
        return (
          <g key={a.index}>
            {!a.missing && (
              <circle cx={a.point.x} cy={a.point.y} r={3.5} class={weak ? 'radar-dot weak' : 'radar-dot'} />
            )}
            <text
              x={a.label.x}
              y={a.label.y}
              text-anchor={a.anchor}
              dominant-baseline="middle"
              class="radar-label"
            >
              {v?.label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
