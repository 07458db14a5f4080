// Year-over-year change of one agency's results, where both years know the figure.
import { INDICATOR_IDS, INSTRUMENTS } from './frameworks/common.ts';
import { formatChange, round2 } from './round.ts';
import type { FiscalYear, IndicatorId, Instrument, Level, ScoreResult } from './types.ts';

export interface YearChange {
  fiscalYear: FiscalYear;
  previousFiscalYear: FiscalYear;
  /** current − previous, unrounded; only where both are known. */
  total?: number;
  /**
   * The change as a published table shows it: the difference of the two 2-decimal totals
   * ("+0.53" for 91.98 against 91.45 [seed 002]), so the figures on screen add up.
   */
  totalDisplay?: string;
  instruments: Partial<Record<Instrument, number>>;
  weighted: Partial<Record<Instrument, number>>;
  indicators: Partial<Record<IndicatorId, number>>;
  level?: Level;
  previousLevel?: Level;
}

function diff<K extends string | number>(
  keys: readonly K[],
  current: Partial<Record<K, number>>,
  previous: Partial<Record<K, number>>,
): Partial<Record<K, number>> {
  const out: Partial<Record<K, number>> = {};
  for (const key of keys) {
    const now = current[key];
    const before = previous[key];
    if (now !== undefined && before !== undefined) out[key] = now - before;
  }
  return out;
}

/** Change from `previous` to `current` per instrument, weighted part, indicator and total. */
export function compareYears(current: ScoreResult, previous: ScoreResult): YearChange {
  const change: YearChange = {
    fiscalYear: current.fiscalYear,
    previousFiscalYear: previous.fiscalYear,
    instruments: diff(INSTRUMENTS, current.instruments, previous.instruments),
    weighted: diff(INSTRUMENTS, current.weighted, previous.weighted),
    indicators: diff(INDICATOR_IDS, current.indicators, previous.indicators),
  };
  if (current.total !== undefined && previous.total !== undefined) {
    change.total = current.total - previous.total;
    change.totalDisplay = formatChange(round2(current.total) - round2(previous.total));
  }
  if (current.level !== undefined) change.level = current.level;
  if (previous.level !== undefined) change.previousLevel = previous.level;
  return change;
}
