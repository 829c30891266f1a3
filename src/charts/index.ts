/**
 * Charts as data: functions from a report (or a metric result) to Vega-Lite specs, plain JSON
 * with the data inline. Nothing here imports Vega or Vega-Lite.
 *
 * @module
 */
export { VEGA_LITE_SCHEMA } from "./spec.ts";
export type { ChartDatum, ChartDurationUnit, ChartJson, ChartOptions, ChartSpec } from "./spec.ts";
export { volumeChart, type VolumeChartBucket, type VolumeChartInput } from "./volumeChart.ts";
