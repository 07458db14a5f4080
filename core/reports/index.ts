// The public face of core/reports/: the analysis and measure-results report models, measure templates and edits.

export { type AnalysisInput, buildAnalysis, measureOf } from './analysis.ts';
export { KEEP_STANDARD_FINDING } from './analysis-text.ts';
export { oitCitationText } from './citation.ts';
export {
  type AnalysisEdits,
  applyAnalysisEdits,
  applyMeasureResultsEdits,
  type MeasureEdit,
  type MeasureResultsEdits,
  type MeasureRowEdit,
  type TopicEdit,
} from './edits.ts';
export {
  buildMeasureResults,
  MEASURE_STATUS_LABELS,
  type MeasureActivity,
  type MeasureResultsInput,
  type MeasureStatus,
  measureInstrument,
} from './measure-results.ts';
export { MEASURE_TEMPLATES, type MeasurePeriod, type MeasureTemplate } from './measure-templates.ts';
export {
  describePeriod,
  findMeasureTemplate,
  measuresForTopic,
  periodDates,
  suggestMeasures,
} from './measures.ts';
export type * from './types.ts';
