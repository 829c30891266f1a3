/**
 * Charts as data: functions from a report (or a metric result) to Vega-Lite specs, plain JSON
 * with the data inline. Nothing here imports Vega or Vega-Lite.
 *
 * @module
 */
export { VEGA_LITE_SCHEMA } from "./spec.ts";
export type { ChartDatum, ChartDurationUnit, ChartJson, ChartOptions, ChartSpec } from "./spec.ts";
export { volumeChart, type VolumeChartBucket, type VolumeChartInput } from "./volumeChart.ts";
export { peakHoursChart, type PeakHoursChartCell, type PeakHoursChartInput } from "./peakHoursChart.ts";
export type {
  DurationChartMetric,
  DurationChartOptions,
  DurationChartReport,
  DurationChartRow,
  DurationChartScope,
  DurationChartSummary,
} from "./_durationChart.ts";
export { firstResponseChart } from "./firstResponseChart.ts";
export { resolutionTimeChart } from "./resolutionTimeChart.ts";
export {
  slaComplianceChart,
  type SlaChartPeriod,
  type SlaChartSummary,
  type SlaChartTally,
  type SlaComplianceChartOptions,
} from "./slaComplianceChart.ts";
export { retentionMatrixChart, type RetentionChartInput, type RetentionChartRow } from "./retentionMatrixChart.ts";
export { retentionCurvesChart } from "./retentionCurvesChart.ts";
export {
  surveyScoresChart,
  type SurveyChartReport,
  type SurveyChartRow,
  type SurveyChartScore,
  type SurveyChartSummary,
  type SurveyScoresChartOptions,
} from "./surveyScoresChart.ts";
export { staffingChart, type StaffingChartInterval } from "./staffingChart.ts";
