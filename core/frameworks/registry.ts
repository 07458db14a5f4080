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
import { FRAMEWORK_2568 } from './fy2568.ts';
import { type LevelOverrides, overrideLevels } from './levels.ts';

/** Oldest first. FY2562 is the first year the seeds document; earlier years had another framework. */
export const FRAMEWORKS: readonly Framework[] = [
  FRAMEWORK_2562,
  FRAMEWORK_2566,
  FRAMEWORK_2567,
  FRAMEWORK_2568,
];

export const FIRST_FISCAL_YEAR: FiscalYear = 2562;

/**
 * The framework of a Buddhist-era fiscal year; a year after the last known one reuses the latest known
 * structure — never silently: frameworkNotice() says so wherever it is used; before FY2562 there is none.
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

/** True when `year` is past the framework's own years: its structure is reused, not known for that year. */
export function isAssumedFor(framework: Framework, year: FiscalYear): boolean {
  return year > framework.toYear;
}

/**
 * The one line every view and document computed on an unconfirmed framework shows; undefined when the
 * framework of `year` is the NACC's published one.
 */
export function frameworkNotice(framework: Framework, year: FiscalYear): string | undefined {
  if (isAssumedFor(framework, year)) {
    return `กรอบการประเมินปี ${year} ยังไม่ยืนยัน: ใช้โครงสร้างของปี ${framework.fromYear === framework.toYear ? framework.fromYear : `${framework.fromYear}–${framework.toYear}`} ไปก่อน จนกว่าสำนักงาน ป.ป.ช. จะประกาศคู่มือ (ผู้ประสานงานนำเข้ากรอบของปีได้)`;
  }
  if (framework.confirmed === false) {
    return `กรอบการประเมินปี ${year} ยังไม่ยืนยัน: รหัสและชื่อข้อมาจากหลักฐานที่ยังไม่ใช่คู่มือของสำนักงาน ป.ป.ช.${framework.source === undefined ? '' : ` (${framework.source})`}`;
  }
  return undefined;
}

/**
 * The note a document adds where it cites an item of another year's framework (the analysis report of FY2567
 * cites FY2568's measures item): undefined when the cited year is the document's own (its frameworkNotice
 * already says so) or when that year's framework is the NACC's published one.
 */
export function citedYearNote(
  framework: Framework,
  citedYear: FiscalYear,
  ownYear: FiscalYear,
): string | undefined {
  if (citedYear === ownYear || frameworkNotice(framework, citedYear) === undefined) return undefined;
  return `เลขข้อตามกรอบการประเมินปี ${citedYear} ซึ่งยังไม่ยืนยัน อาจเปลี่ยนเมื่อสำนักงาน ป.ป.ช. ประกาศคู่มือ`;
}
