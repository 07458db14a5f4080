// A small PNG reader for the tests: checks the signature and every chunk's CRC, reads IHDR, inflates IDAT.
// Only what our QR images use: 1-bit greyscale, no interlace, filter type 0 on every row. The CRC is Node's,
// not the encoder's, so a wrong CRC in bot/features/surveys/qr-png.ts shows here.
import { crc32 } from 'node:zlib';

export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function decodePng(bytes: Uint8Array) {
  if (!SIGNATURE.every((b, i) => bytes[i] === b)) throw new Error('not a PNG: bad signature');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: { type: string; data: Uint8Array }[] = [];
  for (let at = 8; at < bytes.length; ) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const data = bytes.subarray(at + 8, at + 8 + length);
    if (crc32(bytes.subarray(at + 4, at + 8 + length)) !== view.getUint32(at + 8 + length))
      throw new Error(`bad CRC in ${type}`);
    chunks.push({ type, data });
    at += 12 + length;
  }
  const ihdr = chunks[0];
  if (ihdr?.type !== 'IHDR' || chunks.at(-1)?.type !== 'IEND')
    throw new Error('IHDR must come first, IEND last');
  const h = new DataView(ihdr.data.buffer, ihdr.data.byteOffset, ihdr.data.byteLength);
  const header: PngHeader = {
    width: h.getUint32(0),
    height: h.getUint32(4),
    bitDepth: h.getUint8(8),
    colorType: h.getUint8(9),
  };
  const idat = chunks.filter((c) => c.type === 'IDAT').map((c) => c.data);
  return {
    header,
    /** A reader of the grey level (0 or 1) at x, y. */
    async pixels(): Promise<(x: number, y: number) => number> {
      const stream = new Blob(idat.map((d) => Uint8Array.from(d)))
        .stream()
        .pipeThrough(new DecompressionStream('deflate'));
      const raw = new Uint8Array(await new Response(stream).arrayBuffer());
      const rowBytes = 1 + Math.ceil(header.width / 8);
      if (raw.length !== rowBytes * header.height)
        throw new Error(`IDAT holds ${raw.length} bytes, not ${rowBytes * header.height}`);
      return (x, y) => ((raw[y * rowBytes + 1 + (x >> 3)] ?? 0) >> (7 - (x & 7))) & 1;
    },
  };
}
