// Published figures against their recomputation: what an import warns about (a difference above 0.01).
import { INDICATOR_NAMES } from './frameworks/common.ts';
import { formatScore, round2 } from './round.ts';
import { score } from './score.ts';
import type { IndicatorId, Instrument, ScoreInput, ScoreOptions } from './types.ts';

export interface PublishedDifference {
  /** 'total', 'level', 'EIT', 'indicator 7'. */
  figure: string;
  /** Thai, ready to show: "คะแนนรวมที่ประกาศ 99.40 แต่คำนวณได้ 99.39". */
  message: string;
  published: number | string;
  recomputed: number | string;
}

/** Rounding of published figures makes 0.01 normal (seed 001: 97.805 → 97.81); more than that is worth a look. */
export const PUBLISHED_TOLERANCE = 0.01;

const differs = (published: number, recomputed: number) =>
  Math.abs(published - round2(recomputed)) > PUBLISHED_TOLERANCE + 1e-9;

/**
 * Each published figure of `input` (indicators with all their items given, instruments with all their
 * indicators known, the total, the level) compared with what the figures below it give. Never an error:
 * the published figure is the one used.
 */
export function publishedDifferences(input: ScoreInput, options: ScoreOptions = {}): PublishedDifference[] {
  const out: PublishedDifference[] = [];
  const base = { fiscalYear: input.fiscalYear, items: input.items ?? {} } as ScoreInput;
  if (input.eitParts !== undefined) base.eitParts = input.eitParts;
  const fromItems = score(base, options);
  const fromIndicators = score({ ...base, indicators: input.indicators ?? {} }, options);
  const { published, ...withoutPublished } = input;
  const fromInstruments = score(withoutPublished, options);
  if (!fromItems.ok || !fromIndicators.ok || !fromInstruments.ok) return out;
  for (const [key, value] of Object.entries(input.indicators ?? {})) {
    const id = Number(key) as IndicatorId;
    const recomputed = fromItems.result.indicators[id];
    if (recomputed !== undefined && differs(value, recomputed)) {
      out.push({
        figure: `indicator ${id}`,
        message: `ตัวชี้วัดที่ ${id} ${INDICATOR_NAMES[id] ?? ''} ที่ประกาศ ${formatScore(value)} แต่คำนวณจากรายข้อได้ ${formatScore(recomputed)}`,
        published: value,
        recomputed: round2(recomputed),
      });
    }
  }
  for (const [key, value] of Object.entries(input.instruments ?? {})) {
    const instrument = key.toUpperCase() as Instrument;
    const recomputed = fromIndicators.result.instruments[instrument];
    if (value !== undefined && recomputed !== undefined && differs(value, recomputed)) {
      out.push({
        figure: instrument,
        message: `${instrument} ที่ประกาศ ${formatScore(value)} แต่คำนวณจากตัวชี้วัดได้ ${formatScore(recomputed)}`,
        published: value,
        recomputed: round2(recomputed),
      });
    }
  }
  const total = fromInstruments.result.total;
  if (published?.total !== undefined && total !== undefined && differs(published.total, total)) {
    out.push({
      figure: 'total',
      message: `คะแนนรวมที่ประกาศ ${formatScore(published.total)} แต่คำนวณได้ ${formatScore(total)}`,
      published: published.total,
      recomputed: round2(total),
    });
  }
  const level = fromInstruments.result.level;
  if (published?.level !== undefined && level !== undefined) {
    const full = score(input, options);
    const shown = full.ok ? full.result.level : undefined;
    if (shown !== undefined && shown.code !== level.code) {
      out.push({
        figure: 'level',
        message: `ระดับที่ประกาศ "${shown.label}" แต่คะแนนที่มีให้ระดับ "${level.label}"`,
        published: shown.label,
        recomputed: level.label,
      });
    }
  }
  return out;
}
