// A chart's bars and lines as a PNG, in plain TypeScript: the picture Word shows where it cannot show SVG, on a
// runtime without a native renderer (Workers). It draws no text — the figures are in the table beside the chart;
// the Node server and the CLI hand renderReportDocx a full rendering with text (resvg) instead.
import type { Chart } from './charts.ts';

const SCALE = 2;

function rgbOf(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 255] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** zlib (RFC 1950) deflate through the platform's CompressionStream: Node 18+ and Workers alike. */
async function deflate(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
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
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', await deflate(pixels)),
    chunk('IEND', new Uint8Array(0)),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
