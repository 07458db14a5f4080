// Radar chart geometry (no chart library): axes clockwise from the top, points scaled from [min, max] to radius.

export interface Point {
  x: number;
  y: number;
}

export interface RadarAxis {
  index: number;
  /** Radians, 0 = right, clockwise on screen (SVG's y grows downwards); the first axis points up. */
  angle: number;
  /** The axis line's outer end. */
  end: Point;
  /** Where its label goes, a little outside the end, and how to anchor the text there. */
  label: Point;
  anchor: 'start' | 'middle' | 'end';
  /** The value's point; at the centre when the value is missing. */
  point: Point;
  missing: boolean;
}

export interface RadarGeometry {
  center: Point;
  radius: number;
  axes: RadarAxis[];
  /** `points` attribute of the value polygon. */
  polygon: string;
  /** One `points` attribute per ring value, for the grid. */
  rings: { value: number; points: string }[];
}

export interface RadarOptions {
  size: number;
  /** Space kept around the chart for labels. */
  padding: number;
  min?: number;
  max?: number;
  rings?: readonly number[];
}

const round = (x: number) => Math.round(x * 100) / 100;

/** Angle of axis `i` of `n`: -90° (straight up) for the first, then clockwise. */
export function axisAngle(i: number, n: number): number {
  return -Math.PI / 2 + (2 * Math.PI * i) / n;
}

/** Share of the radius for a value: 0 at `min` or below, 1 at `max` or above. */
export function radialShare(value: number, min: number, max: number): number {
  if (max <= min) return 0;
  return Math.min(1, Math.max(0, (value - min) / (max - min)));
}

export function polar(center: Point, r: number, angle: number): Point {
  return { x: round(center.x + r * Math.cos(angle)), y: round(center.y + r * Math.sin(angle)) };
}

function pointsOf(points: readonly Point[]): string {
  return points.map((p) => `${p.x},${p.y}`).join(' ');
}

function anchorOf(angle: number): RadarAxis['anchor'] {
  const cos = Math.cos(angle);
  if (Math.abs(cos) < 0.2) return 'middle';
  return cos > 0 ? 'start' : 'end';
}

export function radarGeometry(values: readonly (number | null)[], options: RadarOptions): RadarGeometry {
  const { size, padding, min = 0, max = 100, rings = [25, 50, 75, 100] } = options;
  const center = { x: size / 2, y: size / 2 };
  const radius = size / 2 - padding;
  const n = values.length;
  const axes = values.map((value, index): RadarAxis => {
    const angle = axisAngle(index, n);
    const missing = value === null;
    return {
      index,
      angle,
      end: polar(center, radius, angle),
      label: polar(center, radius + 10, angle),
      anchor: anchorOf(angle),
      point: polar(center, missing ? 0 : radius * radialShare(value, min, max), angle),
      missing,
    };
  });
  return {
    center,
    radius,
    axes,
    polygon: pointsOf(axes.map((a) => a.point)),
    rings: rings.map((value) => ({
      value,
      points: pointsOf(axes.map((a) => polar(center, radius * radialShare(value, min, max), a.angle))),
    })),
  };
}
