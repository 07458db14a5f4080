// Trend chart geometry: one point per year on a fixed 50–100 scale (ITA totals rarely fall below 50).

export interface TrendPoint {
  x: number;
  y: number;
  year: number;
  value: number | null;
}

export interface TrendBox {
  width: number;
  height: number;
  padX: number;
  padY: number;
  min?: number;
  max?: number;
}

/** Years spread evenly across the width; a missing total keeps its x and has no y-meaning (drawn as a gap). */
export function trendPoints(
  rows: readonly { year: number; value: number | null }[],
  box: TrendBox,
): TrendPoint[] {
  const { width, height, padX, padY, min = 50, max = 100 } = box;
  const span = rows.length > 1 ? (width - 2 * padX) / (rows.length - 1) : 0;
  return rows.map((row, i) => {
    const x = rows.length > 1 ? padX + i * span : width / 2;
    const share = row.value === null ? 0 : Math.min(1, Math.max(0, (row.value - min) / (max - min)));
    return { x, y: Math.round((height - padY - share * (height - 2 * padY)) * 100) / 100, ...row };
  });
}

/** `d` of the path through the points with values; a missing year breaks the line. */
export function trendPath(points: readonly TrendPoint[]): string {
  let d = '';
  let drawing = false;
  for (const p of points) {
    if (p.value === null) {
      drawing = false;
      continue;
    }
    d += `${drawing ? 'L' : 'M'}${p.x},${p.y}`;
    drawing = true;
  }
  return d;
}
