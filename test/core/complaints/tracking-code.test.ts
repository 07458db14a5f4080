// Tracking codes: entropy, format, no look-alikes, uniform draws, and a parser for how people type them.
import { describe, expect, it } from 'vitest';
import {
  drawTrackingCode,
  explainTrackingCode,
  parseTrackingCode,
  TRACKING_ALPHABET,
  TRACKING_CODE_BITS,
  TRACKING_CODE_BYTES,
  TRACKING_EXCLUDED,
} from '../../../core/complaints/tracking-code.ts';

/** A deterministic byte source (xorshift) standing in for crypto.getRandomValues. */
function bytesFrom(seed: number, n = TRACKING_CODE_BYTES): Uint8Array {
  let x = seed || 1;
  return Uint8Array.from({ length: n }, () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x & 0xff;
  });
}

describe('drawTrackingCode', () => {
  it('has at least 64 bits of entropy', () => {
    expect(TRACKING_CODE_BITS).toBeGreaterThanOrEqual(64);
    expect(TRACKING_CODE_BITS).toBeCloseTo(15 * Math.log2(30), 6);
  });

  it('writes three groups of five from an alphabet without look-alikes', () => {
    const code = drawTrackingCode(bytesFrom(7));
    expect(code).toMatch(/^[2-9A-HJKMNP-TV-Z]{5}-[2-9A-HJKMNP-TV-Z]{5}-[2-9A-HJKMNP-TV-Z]{5}$/);
    for (const lookAlike of ['0', 'O', '1', 'I', 'L', 'U'])
      expect(TRACKING_ALPHABET).not.toContain(lookAlike);
    expect(new Set(TRACKING_ALPHABET).size).toBe(30);
  });

  it('skips bytes that would bias the draw and gives up only when bytes run out', () => {
    // 240..255 are skipped (256 is not a multiple of 30): fifteen 0s after them read as fifteen "2"s.
    const bytes = Uint8Array.from([255, 250, 240, ...new Array(15).fill(0)]);
    expect(drawTrackingCode(bytes)).toBe('22222-22222-22222');
    expect(drawTrackingCode(new Uint8Array(14))).toBeUndefined();
    expect(drawTrackingCode(new Uint8Array(20).fill(245))).toBeUndefined();
  });

  it('uses every character about equally often', () => {
    const counts = new Map<string, number>();
    for (let seed = 1; seed <= 2_000; seed += 1)
      for (const c of (drawTrackingCode(bytesFrom(seed)) ?? '').replace(/-/g, ''))
        counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(30);
    const expected = (2_000 * 15) / 30;
    for (const n of counts.values()) expect(Math.abs(n - expected) / expected).toBeLessThan(0.15);
  });
});

describe('parseTrackingCode', () => {
  it.each([
    ['K7QMX-2XPAR-9DRTW', 'K7QMX-2XPAR-9DRTW'],
    ['k7qmx-2xpar-9drtw', 'K7QMX-2XPAR-9DRTW'],
    ['K7QMX2XPAR9DRTW', 'K7QMX-2XPAR-9DRTW'],
    [' k7qmx 2xpar 9drtw ', 'K7QMX-2XPAR-9DRTW'],
    ['K๗QMX–2XPAR–๙DRTW', 'K7QMX-2XPAR-9DRTW'],
  ])('reads %j as %s', (typed, code) => {
    expect(parseTrackingCode(typed)).toBe(code);
  });

  it.each([
    ['too short', 'K7QMX-2XPAR-9DRT'],
    ['too long', 'K7QMX-2XPAR-9DRTWW'],
    ['a look-alike O', 'K7QMX-2XPAR-9DROW'],
    ['a 1', 'K7QMX-2XPAR-1DRTW'],
    ['Thai letters', 'กขคงจ-2XPAR-9DRTW'],
    ['empty', ''],
  ])('refuses %s', (_why, typed) => {
    expect(parseTrackingCode(typed)).toBeUndefined();
  });

  it('names the characters a code can never hold, once each in the order typed', () => {
    expect(explainTrackingCode('ABCDE-FGHIJ-KLMNP')).toEqual({ badChars: ['I', 'L'], length: 15 });
    expect(explainTrackingCode('k7qmx-2xpar-9drow o')).toEqual({ badChars: ['O'], length: 16 });
    expect(explainTrackingCode('K7QMX-2XPAR-9DRTW')).toEqual({ badChars: [], length: 15 });
  });

  it('leaves out exactly the look-alikes it says it does', () => {
    const all = [...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
    expect(all.filter((c) => !TRACKING_ALPHABET.includes(c)).join('')).toBe(TRACKING_EXCLUDED);
  });

  it('parses every drawn code back to itself', () => {
    for (let seed = 1; seed <= 50; seed += 1) {
      const code = drawTrackingCode(bytesFrom(seed)) ?? '';
      expect(parseTrackingCode(code.toLowerCase().replace(/-/g, ' '))).toBe(code);
    }
  });
});
