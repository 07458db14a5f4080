// Domain types of the ITA scoring module: frameworks, inputs, results and input errors.

/** The three assessment instruments (DESIGN.md §3). */
export type Instrument = 'IIT' | 'EIT' | 'OIT';

/** The ten indicators kept by every framework from FY2562 to FY2568 [seed 001]. */
export type IndicatorId = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;

/** An item code as the NACC writes it, lower-case: 'i1', 'e15', 'o22'. */
export type ItemCode = string;

/** A fiscal year in the Buddhist era (2567 = 1 Oct 2023 – 30 Sep 2024). */
export type FiscalYear = number;

/** One of the seven analysis topics of DESIGN.md §3. */
export type TopicId = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** A result level: `code` is 'AA'…'F' or the Thai name (from FY2566); `label` is Thai text to show. */
export interface Level {
  code: string;
  label: string;
}

export interface ItemDef {
  code: ItemCode;
  title: string;
  indicator: IndicatorId;
  /** Sub-indicator such as '9.1' where the framework has them (FY2566 OIT). */
  subIndicator?: string;
  /** False when the wording or grouping is a best guess (ita-framework.md [unconfirmed]). */
  confirmed: boolean;
  /** Where the code, wording and grouping come from ('seed 003', 'agency OIT pages FY2568 (medium)'). */
  source?: string;
}

export interface IndicatorDef {
  id: IndicatorId;
  name: string;
  instrument: Instrument;
  /** Items whose mean is this indicator's score; empty when the indicator is only scored as a whole. */
  items: readonly ItemCode[];
}

/**
 * One rule of a level scheme. Rules are tried best first; the first whose thresholds are all met
 * decides the level. `minEachInstrument` applies to IIT, OIT and EIT (or each EIT part when given).
 */
export interface LevelRule {
  code: string;
  label: string;
  minTotal: number;
  minEachInstrument?: number;
  /** False for thresholds ita-framework.md marks [unconfirmed]: a coordinator may override them. */
  confirmed: boolean;
  source: string;
}

export interface Framework {
  id: string;
  /** First and last fiscal year the framework was published for; later years reuse the latest one. */
  fromYear: FiscalYear;
  toYear: FiscalYear;
  instruments: readonly Instrument[];
  weights: Readonly<Record<Instrument, number>>;
  indicators: readonly IndicatorDef[];
  items: readonly ItemDef[];
  /** Default item → analysis topic mapping (editable data, ita-framework.md "Analysis topics"). */
  topicOf: Readonly<Record<ItemCode, TopicId>>;
  levels: readonly LevelRule[];
  /** False when the framework as a whole is not the NACC's published one (FY2568 from agencies' pages). */
  confirmed?: boolean;
  /** Where it comes from, in a few words. */
  source?: string;
  /** The OIT items the product's documents fulfil that year (complaint statistics, the analysis report). */
  documents?: { complaintStats?: ItemCode; analysis?: ItemCode; measureResults?: ItemCode };
  /** EIT part 1 minimum sample per agency group (ita-framework.md, a table that looks like the manual's). */
  eitMinSample?: readonly EitMinSample[];
}

export interface EitMinSample {
  /** The agency group in Thai ('อบต. ขนาดใหญ่'). */
  group: string;
  min: number;
  confirmed: boolean;
  source: string;
}

export interface EitParts {
  part1?: number;
  part2?: number;
}

export interface ScoreInput {
  fiscalYear?: FiscalYear;
  items?: Record<string, number>;
  /** Keys "1".."10". */
  indicators?: Record<string, number>;
  instruments?: Partial<Record<Instrument, number>>;
  /** EIT part 1 (service users) and part 2 (NACC assessors): used only by the five-level rule. */
  eitParts?: EitParts;
  /** Figures the NACC published: they win over recomputation (instrument and indicator figures go above). */
  published?: PublishedFigures;
}

export interface PublishedFigures {
  total?: number;
  /** A level code or label of the year's scheme ('A', 'ผ่านดีเยี่ยม'). */
  level?: string;
}

export interface ScoreOptions {
  /** Items strictly below this are weak (default WEAK_ITEM_THRESHOLD = 85). */
  weakThreshold?: number;
  /** Use this framework instead of frameworkFor(input.fiscalYear). */
  framework?: Framework;
  /**
   * false: leave weakItems empty — for ranking and totals only (a province's or the country's
   * ranking), where building each agency's weak-item list is most of the cost. Default true.
   */
  weakItems?: boolean;
  /**
   * false: leave `indicators` and `weighted` empty (shared frozen records), keeping the total, its level and the
   * instrument scores — for ranks, totals and levels only (a province's list, the country's ranking). At 8,300
   * agencies the indicator records are most of what the results keep in memory until ranked. Default true.
   */
  breakdown?: boolean;
}

export interface InputError {
  /** 'fiscalYear', 'items.i99', 'indicators.11', 'instruments.XIT', 'eitParts.part1'. */
  field: string;
  /** Thai, for the person who typed the input. */
  message: string;
}

export interface WeakItem {
  code: ItemCode;
  title: string;
  score: number;
  indicator: IndicatorId;
  topic?: TopicId;
}

export interface ScoreResult {
  fiscalYear: FiscalYear;
  frameworkId: string;
  indicators: Partial<Record<IndicatorId, number>>;
  instruments: Partial<Record<Instrument, number>>;
  weighted: Partial<Record<Instrument, number>>;
  eitParts?: EitParts;
  /** Unrounded; present only when every instrument is known. */
  total?: number;
  /** The total rounded to 2 decimals, as published ("92.69"). */
  totalDisplay?: string;
  /** The total from the instruments when a published total was given and used instead. */
  recomputedTotal?: number;
  /** Which of total and level are the published figures rather than computed. */
  published?: { total: boolean; level: boolean };
  level?: Level;
  /** Items below the weak threshold, lowest score first. */
  weakItems: WeakItem[];
  /** What is missing for a total: 'OIT', 'indicator 9', or item codes such as 'i5'. */
  missing: string[];
}

export type ScoreOutcome = { ok: true; result: ScoreResult } | { ok: false; errors: InputError[] };
