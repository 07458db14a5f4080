// The analysis report's charts (core/reports/charts.ts) and the PNG renderer a runtime may hand the Word writer.
import type { Chart } from '../../../core/reports/charts.ts';

export {
  analysisCharts,
  CHART_COLOURS,
  CHART_FONT,
  type Chart,
  chartSvg,
  type Shape,
} from '../../../core/reports/charts.ts';

/** A PNG of a chart from its SVG (drawn for resvg) and its shapes: Node's resvg rendering (tools/charts/png.ts). */
export type RenderPng = (svg: string, chart: Chart) => Promise<Uint8Array>;
