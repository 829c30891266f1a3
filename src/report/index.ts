/**
 * The composition layer: segmentation, period comparison, the agent leaderboard and the
 * one JSON-serialisable {@link Report}, built from one-pass accumulators.
 *
 * @module
 */
export { report } from "./report.ts";
export { reportAccumulator, type ReportAccumulator, type ReportState } from "./reportAccumulator.ts";
export type { QuantileOption } from "../_lib/quantileStore.ts";
export { toJson, type Json } from "./json.ts";
export {
  REPORT_TABLES,
  REPORT_TABLE_COLUMNS,
  toRows,
  type BucketRow,
  type CohortRow,
  type HeatmapRow,
  type ReportTable,
  type ReportTableRows,
  type SegmentRow,
} from "./toRows.ts";
export type { ResponderRow } from "./toRowsResponders.ts";
export {
  REPORT_METRICS,
  type ReportMetricName,
  type SelectedComparisonJson,
  type SelectedMetricSetJson,
  type SelectedReport,
  type SelectedReportOptions,
  type SelectedSegmentationJson,
  type SelectedSegmentJson,
} from "./selectedTypes.ts";
export type {
  BucketUnit,
  ChangeTestJson,
  ComparedChangeJson,
  DurationSummaryWithIntervalJson,
  IntervalJson,
  RevenueAtRiskJson,
  ChangeJson,
  ComparisonJson,
  CountsJson,
  CustomDimension,
  CustomersJson,
  DurationMetricJson,
  DurationSummaryJson,
  LeaderboardJson,
  LeaderboardMetric,
  LeaderboardRowJson,
  AdjustedFigureJson,
  LeaderboardAdjustedJson,
  LeaderboardPriorJson,
  RankCertaintyJson,
  ShrunkFigureJson,
  MetricSetJson,
  PeakSlotJson,
  PeaksJson,
  PeriodJson,
  Report,
  ReportInput,
  ReportOptions,
  ReportPeriod,
  RatingsJson,
  ReopensJson,
  SegmentDimension,
  SegmentJson,
  SegmentKey,
  SegmentationJson,
  SlaJson,
  SlaTallyJson,
  StatusesBucketJson,
  StatusesJson,
  SurveyJson,
  FirstResponseSurvivalJson,
  ResolutionSurvivalJson,
  SurvivalEstimateJson,
  SurvivalJson,
  TimeJson,
  TypesJson,
  VolumeBucketJson,
  VolumeJson,
} from "./types.ts";
export {
  ticketRowMaker,
  ticketRows,
  type TicketRow,
  type TicketRowColumn,
  type TicketRowDuration,
  type TicketRowMaker,
  type TicketRowSla,
  type TicketRowsOptions,
} from "./ticketRows.ts";
export type { ContactsJson } from "./contactsTypes.ts";
export type { BotsJson, RespondersJson } from "./responderTypes.ts";
