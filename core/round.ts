// Rounding to the 2 decimals the NACC publishes, robust to binary floating-point noise.

/**
 * Rounds half away from zero to 2 decimals. The 1e-8 of a hundredth absorbs the float noise of sums
 * and means: the mean of seed 001's i1–i6 is 97.805 on paper but 97.80499999… in binary, and is
 * published as 97.81. (Noise is ~1e-12 of a hundredth at 100; no real score sits within 1e-8 of a
 * half.)
 */
export function round2(x: number): number {
  if (!Number.isFinite(x)) return x;
  const rounded = Math.round(Math.abs(x) * 100 + 1e-8) / 100;
  return x < 0 ? -rounded : rounded;
}

const WHOLE = Array.from({ length: 101 }, (_, n) => String(n));
const HUNDREDTHS = Array.from({ length: 100 }, (_, n) => `.${n < 10 ? '0' : ''}${n}`);

/** The texts of 0.00–100.00 by cents, made once each: a country's results then share them. */
const SCORE_TEXTS: (string | undefined)[] = [];

/** "92.69", "100.00": the published 2-decimal figure as text (integer maths and tables: cheaper than toFixed). */
export function formatScore(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const cents = Math.round(Math.abs(x) * 100 + 1e-8);
  if (x >= 0 && cents <= 10_000) {
    const known = SCORE_TEXTS[cents];
    if (known !== undefined) return known;
    const made = centsText(cents);
    SCORE_TEXTS[cents] = made;
    return made;
  }
  const text = centsText(cents);
  return x < 0 && cents > 0 ? `-${text}` : text;
}

function centsText(cents: number): string {
  const fraction = cents % 100;
  const whole = (cents - fraction) / 100;
  return (WHOLE[whole] ?? String(whole)) + (HUNDREDTHS[fraction] ?? '');
}

/** "+0.53", "-0.40", "0.00": a signed change as published in year-over-year tables [seed 002]. */
export function formatChange(x: number): string {
  const r = round2(x);
  return r > 0 ? `+${formatScore(r)}` : formatScore(r === 0 ? 0 : r);
}
