// The models of the two OIT documents: the analysis report (seed 003) and the measure-results report (seed 004).
import type { FiscalYear, IndicatorId, Instrument, ItemCode, Level, TopicId } from '../types.ts';
import type { MeasurePeriod } from './measure-templates.ts';

export interface ReportAgency {
  id: string;
  name: string;
  provinceName?: string;
}

/** A measure as the report shows it; every text field is staff-editable. */
export interface ReportMeasure {
  /** The template id, or a key of the staff's own ('custom-1') when they wrote it. */
  id: string;
  templateId?: string;
  title: string;
  steps: string[];
  owner: string;
  period: MeasurePeriod;
  /** "ตลอดปีงบประมาณ พ.ศ. 2568": staff may write their own wording. */
  periodText: string;
}

export interface TopicItem {
  code: ItemCode;
  title: string;
  indicator: IndicatorId;
  /** Absent when only the indicator or instrument score is on record. */
  score?: number;
  weak: boolean;
}

export interface TopicAnalysis {
  id: TopicId;
  title: string;
  /** The items the analysis used: weak ones first (lowest first), then the lowest of the rest. */
  items: TopicItem[];
  /** Items below the threshold (with a score). */
  weakCount: number;
  /** Weak indicators or instruments bearing on the topic that no scored item details ("EIT (84.60 คะแนน)"). */
  weakParts: string[];
  findings: string;
  measures: ReportMeasure[];
}

export interface ScoreLine {
  score?: number;
  /** Change from the previous year, where both are on record. */
  change?: number;
}

export interface InstrumentLine extends ScoreLine {
  instrument: Instrument;
  name: string;
  weighted?: number;
}

export interface IndicatorLine extends ScoreLine {
  id: IndicatorId;
  name: string;
  instrument: Instrument;
}

export interface OverallResult {
  score?: number;
  level?: Level;
  rankInProvince?: number;
  /** How many agencies of the province were ranked that year. */
  rankedInProvince?: number;
  /** Published national rank, overall and within the agency's group. */
  rankNational?: number;
  rankInGroup?: number;
  previousFiscalYear?: FiscalYear;
  previousScore?: number;
  change?: number;
}

/** An OIT item a report is published under, in the framework of `forYear`. */
export interface OitCitation {
  code: string;
  title: string;
  forYear: number;
  /** Set when `forYear` is not the report's own year and that year's framework is unconfirmed (citedYearNote). */
  unconfirmedNote?: string;
}

export interface AnalysisReport {
  kind: 'analysis';
  agency: ReportAgency;
  /** The assessed year; the measures are for the next one. */
  fiscalYear: FiscalYear;
  measuresYear: FiscalYear;
  frameworkId: string;
  /** One line when the year's framework is unconfirmed; shown in every rendering. */
  frameworkNotice?: string;
  /** The OIT item this report fulfils in that year's framework ("o27 มาตรการส่งเสริม…"), when known. */
  oitItem?: OitCitation;
  weakThreshold: number;
  overall: OverallResult;
  instruments: InstrumentLine[];
  indicators: IndicatorLine[];
  /** True when nothing — item, indicator or instrument — is weak: the agency keeps its standard (seed 003). */
  keepsStandard: boolean;
  weakItemCount: number;
  weakInstruments: { instrument: Instrument; score: number }[];
  weakIndicators: { id: IndicatorId; name: string; score: number }[];
  /** Why the level is what it is (core weaknessOf). */
  levelReason?: string;
  /** The level scheme of the year's framework, one Thai line per level. */
  levelCriteria: string[];
  /** Staff-editable prose. */
  title: string;
  intro: string;
  summary: string;
  recommendations: Record<Instrument, string>;
  topics: TopicAnalysis[];
}

/** What was done for one measure, from its plan item's status, notes and evidence. */
export interface MeasureResultRow {
  activityId: string;
  title: string;
  done: string;
  status: 'not_started' | 'in_progress' | 'done';
  statusLabel: string;
  evidenceUrls: string[];
  owner: string;
  periodText: string;
  outcome: string;
  indicators: IndicatorId[];
  /** The measure's indicators' change from the year before, when the year's result is known. */
  scoreChanges: { indicator: IndicatorId; name: string; change: number }[];
}

export interface MeasureResultGroup {
  instrument: Instrument;
  name: string;
  rows: MeasureResultRow[];
}

export interface MeasureResultsReport {
  kind: 'measures';
  agency: ReportAgency;
  /** The year the measures ran. */
  fiscalYear: FiscalYear;
  /** Whether the year's result (and the year before's) is on record, so outcomes carry a score change. */
  resultKnown: boolean;
  /** One line when the year's framework is unconfirmed; shown in every rendering. */
  frameworkNotice?: string;
  /** The OIT item this report fulfils in that year's framework, when known. */
  oitItem?: OitCitation;
  title: string;
  intro: string;
  groups: MeasureResultGroup[];
}

export type Report = AnalysisReport | MeasureResultsReport;
