// Which framework applies to a fiscal year, and lookups into a framework.
import type {
  FiscalYear,
  Framework,
  IndicatorDef,
  IndicatorId,
  Instrument,
  ItemCode,
  ItemDef,
} from '../types.ts';
import { indexOf } from './framework-index.ts';
import { FRAMEWORK_2562 } from './fy2562.ts';
import { FRAMEWORK_2566 } from './fy2566.ts';
import { FRAMEWORK_2567 } from './fy2567.ts';
import { type LevelOverrides, overrideLevels } from './levels.ts';

/** Oldest first. FY2562 is the first year the seeds document; earlier years had another framework. */
export const FRAMEWORKS: readonly Framework[] = [FRAMEWORK_2562, FRAMEWORK_2566, FRAMEWORK_2567];

export const FIRST_FISCAL_YEAR: FiscalYear = 2562;

/**
 * The framework of a Buddhist-era fiscal year; a year after the last published one reuses the latest
 * framework (the NACC keeps one until it announces the next); before FY2562 there is none.
 */
export function frameworkFor(fiscalYear: FiscalYear): Framework | undefined {
  if (!Number.isInteger(fiscalYear)) return undefined;
  let found: Framework | undefined;
  for (const framework of FRAMEWORKS) {
    if (framework.fromYear <= fiscalYear) found = framework;
  }
  return found;
}

export function frameworkById(id: string): Framework | undefined {
  return FRAMEWORKS.find((framework) => framework.id === id);
}

/** A framework with coordinator-set level thresholds (for the [unconfirmed] ones). */
export function withLevelOverrides(framework: Framework, overrides: LevelOverrides): Framework {
  return { ...framework, levels: overrideLevels(framework.levels, overrides) };
}

/** The item with this code in the framework (codes are lower-case). */
export function findItem(framework: Framework, code: ItemCode): ItemDef | undefined {
  return indexOf(framework).items.get(code)?.item;
}

/** The indicators of one instrument, in order. */
export function indicatorsOfInstrument(
  framework: Framework,
  instrument: Instrument,
): readonly IndicatorDef[] {
  return indexOf(framework).byInstrument.get(instrument) ?? [];
}

export function findIndicator(framework: Framework, id: IndicatorId): IndicatorDef | undefined {
  return framework.indicators.find((indicator) => indicator.id === id);
}
