// QR codes as PNG on any runtime: the `qrcode` package's matrix, encoded by a tiny PNG writer (which the report
// charts' rasters share).
// Why not `QRCode.toBuffer`: wrangler bundles qrcode's browser build (package.json "browser" field), which has
// no toBuffer — under workerd it fails with "toBuffer is not a function" (measured with wrangler 4.86).
// CompressionStream('deflate') is zlib format, as PNG's IDAT needs (RFC 1950), on Node 18+ and Workers alike.
import { create } from 'qrcode';

export interface QrPngOptions {
  /** Pixels per module (≥ 1). */
  scale: number;
  /** Quiet zone in modules; the QR standard asks for 4. */
  margin?: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Modules per side of the QR code for `text` (error correction M), quiet zone excluded. */
export function qrModuleCount(text: string): number {
  return create(text, { errorCorrectionLevel: 'M' }).modules.size;
}

/** The PNG of `text`'s QR code: black modules on white, (modules + 2 × margin) × scale pixels a side. */
export async function qrPng(text: string, options: QrPngOptions): Promise<Uint8Array<ArrayBuffer>> {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const margin = options.margin ?? 4;
  const scale = Math.max(1, Math.floor(options.scale));
  const side = (modules.size + 2 * margin) * scale;
  const rowBytes = 1 + Math.ceil(side / 8); // filter byte + 1 bit per pixel
  const raw = new Uint8Array(rowBytes * side);
  for (let y = 0; y < side; y++) {
    const row = y * rowBytes;
    raw.fill(0xff, row + 1, row + rowBytes); // white (grey level 1) by default
    const my = Math.floor(y / scale) - margin;
    if (my < 0 || my >= modules.size) continue;
    for (let x = 0; x < side; x++) {
      const mx = Math.floor(x / scale) - margin;
      if (mx < 0 || mx >= modules.size || !modules.get(my, mx)) continue;
      const at = row + 1 + (x >> 3);
      raw[at] = (raw[at] ?? 0) & ~(0x80 >> (x & 7));
    }
  }
  return encodePng(side, side, raw, GREY_1BIT);
}

/** 1-bit greyscale (the QR codes) or 8-bit RGB (the report charts' rasters): PNG's bit depth and colour type. */
export const GREY_1BIT = { bitDepth: 1, colourType: 0 } as const;
export const RGB_8BIT = { bitDepth: 8, colourType: 2 } as const;

/** A PNG of `scanlines` (each row its filter byte, then its pixels in `format`), width × height pixels. */
export async function encodePng(
  width: number,
  height: number,
  scanlines: Uint8Array<ArrayBuffer>,
  format: { bitDepth: number; colourType: number },
): Promise<Uint8Array<ArrayBuffer>> {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  // bit depth, colour type, deflate, no filter method, no interlace
  header.set([format.bitDepth, format.colourType, 0, 0, 0], 8);
  const parts = [
    Uint8Array.from(PNG_SIGNATURE),
    chunk('IHDR', header),
    chunk('IDAT', await deflate(scanlines)),
    chunk('IEND', new Uint8Array()),
  ];
  return concat(parts);
}

async function deflate(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function chunk(type: string, data: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

function concat(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

// CRC-32 (ISO 3309, polynomial 0xEDB88320) over a chunk's type and data, as the PNG spec §5.5 requires.
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
