// Deterministic randomness for the demo: a PRNG seeded by a text key, so every run gives the same data.

/** A source of numbers in [0, 1), the same sequence for the same key. */
export interface Rng {
  next(): number;
  /** A number in [min, max). */
  between(min: number, max: number): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
}

/** FNV-1a over the key's UTF-16 units: a 32-bit seed that differs for every demo key. */
function hashKey(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32 (https://gist.github.com/tommyettinger/46a874533244883189143505d203312c): small, fast, good enough. */
export function rngFor(key: string): Rng {
  let state = hashKey(key);
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    between: (min, max) => min + (max - min) * next(),
    int: (min, max) => min + Math.floor((max - min + 1) * next()),
  };
}

/** `length` lowercase hex digits drawn from the key. */
export function hexOf(key: string, length: number): string {
  const rng = rngFor(key);
  let hex = '';
  while (hex.length < length) hex += Math.floor(rng.next() * 16).toString(16);
  return hex;
}

// Lowercase letters and digits without look-alikes (0/o, 1/l/i), as short codes read off a poster.
const CODE_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A random-looking code of `length` characters drawn from the key. */
export function codeOf(key: string, length: number): string {
  const rng = rngFor(key);
  let code = '';
  for (let i = 0; i < length; i++)
    code += CODE_ALPHABET[Math.floor(rng.next() * CODE_ALPHABET.length)] ?? 'a';
  return code;
}
