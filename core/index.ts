// The public face of core/: scoring, frameworks, comparisons, score-file parsing and Thai helpers.

export { compareYears, type YearChange } from './compare.ts';
export { describeField, describeMissing } from './describe.ts';
export {
  INDICATOR_IDS,
  INDICATOR_NAMES,
  INSTRUMENT_NAMES,
  INSTRUMENTS,
  ITA_WEIGHTS,
  instrumentOf,
} from './frameworks/common.ts';
export {
  BAND_LEVELS,
  decideLevel,
  FIVE_LEVELS,
  type LevelOverrides,
  levelScores,
  meetsRule,
  overrideLevels,
} from './frameworks/levels.ts';
export {
  FIRST_FISCAL_YEAR,
  FRAMEWORKS,
  findIndicator,
  findItem,
  frameworkById,
  frameworkFor,
  frameworkNotice,
  isAssumedFor,
  withLevelOverrides,
} from './frameworks/registry.ts';
export { ANALYSIS_TOPICS, type AnalysisTopic, topicTitle } from './frameworks/topics.ts';
export { fieldOfCode } from './input/parse-csv.ts';
export { formatOfFileName, parseScoreFile, type ScoreFileFormat } from './input/parse-score-file.ts';
export type { ParseError, ParseOutcome } from './input/score-fields.ts';
export { PUBLISHED_TOLERANCE, type PublishedDifference, publishedDifferences } from './published.ts';
export { type RankEntry, type Ranked, rankAgencies, rankInType } from './rank.ts';
export { formatChange, formatScore, round2 } from './round.ts';
export { score, WEAK_ITEM_THRESHOLD } from './score.ts';
export { BANGKOK_OFFSET_MS, type BangkokParts, bangkokParts, bangkokTime } from './thai/bangkok.ts';
export {
  formatThaiDate,
  THAI_MONTHS,
  THAI_MONTHS_SHORT,
  THAI_WEEKDAYS,
  type ThaiDateOptions,
} from './thai/date-format.ts';
export { parseThaiNumber, toArabicDigits, toThaiDigits } from './thai/digits.ts';
export {
  BUDDHIST_ERA_OFFSET,
  fiscalMonthAt,
  fiscalYearOf,
  fiscalYearRange,
  toBuddhistYear,
  toChristianYear,
} from './thai/era.ts';
export { padThai, thaiDisplayWidth } from './thai/text-width.ts';
export type * from './types.ts';
export { findLevelRule } from './validate-input.ts';
export {
  describeWeakParts,
  hasKnownTitle,
  itemDisplayTitle,
  levelCriteria,
  levelReason,
  type WeakIndicator,
  type WeakInstrument,
  type Weakness,
  weaknessOf,
} from './weakness.ts';
export {
  type InstrumentPlan,
  type PartPlan,
  type WhatItTakes,
  type WhatItTakesOutcome,
  whatItTakes,
} from './what-it-takes.ts';
