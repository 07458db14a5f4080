// A chart's bars and lines as a PNG, in plain TypeScript: the picture Word shows where it cannot show SVG, on a
// runtime without a native renderer (Workers). It draws no text — the figures are in the table beside the chart;
// the Node server and the CLI hand renderReportDocx a full rendering with text (resvg) instead.
import { encodePng, RGB_8BIT } from '../surveys/qr-png.ts';
import type { Chart } from './charts.ts';

const SCALE = 2;

function rgbOf(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** The chart's rectangles and lines at twice its size, on white, as PNG bytes. */
export async function rasterizeChart(chart: Chart): Promise<Uint8Array> {
  const width = chart.width * SCALE;
  const height = Math.ceil(chart.height * SCALE);
  const stride = width * 3 + 1;
  const pixels = new Uint8Array(stride * height).fill(255);
  for (let y = 0; y < height; y++) pixels[y * stride] = 0; // filter type 0 on every row
  const fill = (
    x0: number,
    y0: number,
    x1: number,
    y1: number,
    rgb: [number, number, number],
    dash = false,
  ) => {
    const left = Math.max(0, Math.round(x0 * SCALE));
    const right = Math.min(width, Math.round(x1 * SCALE));
    const top = Math.max(0, Math.round(y0 * SCALE));
    const bottom = Math.min(height, Math.round(y1 * SCALE));
    for (let y = top; y < bottom; y++) {
      if (dash && Math.floor((y - top) / (4 * SCALE)) % 2 === 1) continue;
      for (let x = left; x < right; x++) pixels.set(rgb, y * stride + 1 + x * 3);
    }
  };
  for (const shape of chart.shapes) {
    if (shape.kind === 'rect')
      fill(shape.x, shape.y, shape.x + shape.w, shape.y + shape.h, rgbOf(shape.fill));
    else if (shape.kind === 'line') {
      // The charts draw only vertical and horizontal lines.
      const half = shape.dash ? 1 : 0.5;
      const x0 = Math.min(shape.x1, shape.x2) - (shape.x1 === shape.x2 ? half : 0);
      const x1 = Math.max(shape.x1, shape.x2) + (shape.x1 === shape.x2 ? half : 0);
      const y0 = Math.min(shape.y1, shape.y2) - (shape.y1 === shape.y2 ? half : 0);
      const y1 = Math.max(shape.y1, shape.y2) + (shape.y1 === shape.y2 ? half : 0);
      fill(x0, y0, x1, y1, rgbOf(shape.stroke), shape.dash === true);
    }
  }
  return encodePng(width, height, pixels, RGB_8BIT);
}
