/**
 * The report of a metric selection (`metrics` in {@link SelectedReportOptions}): the same shape
 * as {@link Report}, with `null` wherever a metric was not computed.
 *
 * @module
 */
import type { ContactsJson } from "./contactsTypes.ts";
import type { ComparedChangeJson } from "./comparisonTypes.ts";
import type { ReportOptions } from "./options.ts";
import type {
  CountsJson,
  LeaderboardJson,
  MetricSetJson,
  PeriodJson,
  RatingsJson,
  ReopensJson,
  Report,
  SegmentationJson,
  SlaJson,
  SurveyJson,
  TimeJson,
  TypesJson,
} from "./types.ts";
import type { BotsJson, RespondersJson } from "./responderTypes.ts";

/**
 * The metrics a report can compute, by the name of their place in the {@link Report}:
 * `counts.statuses`, `counts.resolutionRate`, `counts.backlog`, `counts.channelMix`, each of
 * `time.*`, `sla`, `reopens`, `ratings`, `survey`, `types`, `volume` (with `peaks` and the
 * statuses over time), `leaderboard`, `responders` and `bots`. The order of {@link REPORT_METRICS}.
 *
 * @category Report
 */
export type ReportMetricName =
  | "statuses"
  | "resolutionRate"
  | "backlog"
  | "channelMix"
  | "firstResponse"
  | "responses"
  | "resolutionFirst"
  | "resolutionFinal"
  | "assignment"
  | "requesterWait"
  | "agentWork"
  | "agentWait"
  | "onHold"
  | "resolutionSurvival"
  | "firstResponseSurvival"
  | "oneTouch"
  | "repliesToResolve"
  | "sla"
  | "types"
  | "reopens"
  | "ratings"
  | "survey"
  | "volume"
  | "leaderboard"
  | "contacts"
  | "responders"
  | "bots";

/**
 * Every {@link ReportMetricName}, in report order.
 *
 * @example
 * ```ts
 * REPORT_METRICS.length; // => 27
 * ```
 * @category Report
 */
export const REPORT_METRICS: readonly ReportMetricName[] = [
  "statuses",
  "resolutionRate",
  "backlog",
  "channelMix",
  "firstResponse",
  "responses",
  "resolutionFirst",
  "resolutionFinal",
  "assignment",
  "requesterWait",
  "agentWork",
  "agentWait",
  "onHold",
  "resolutionSurvival",
  "firstResponseSurvival",
  "oneTouch",
  "repliesToResolve",
  "sla",
  "types",
  "reopens",
  "ratings",
  "survey",
  "volume",
  "leaderboard",
  "contacts",
  "responders",
  "bots",
];

/**
 * Options of a report that computes only some metrics: {@link ReportOptions} and the list.
 *
 * @category Report
 */
export interface SelectedReportOptions extends ReportOptions {
  /**
   * The metrics to compute (at least one, no repeats). Every scope (the period, each segment,
   * the comparison period) computes these and only these; per ticket, only the facts they read
   * are derived. Everything else is `null` in the {@link SelectedReport}.
   */
  readonly metrics: readonly ReportMetricName[];
}

/**
 * A metric set of a {@link SelectedReport}: {@link MetricSetJson} with `null` for each metric not
 * selected.
 *
 * @category Report
 */
export interface SelectedMetricSetJson {
  /** Tickets counted. */
  readonly tickets: number;
  /** Counts; each `null` when not selected. */
  readonly counts: { readonly [K in keyof CountsJson]: CountsJson[K] | null };
  /** Durations; each `null` when not selected. */
  readonly time: { readonly [K in keyof TimeJson]: TimeJson[K] | null };
  /** SLA compliance; `null` without a policy or when not selected. */
  readonly sla: SlaJson | null;
  /** Reopens; `null` when not selected. */
  readonly reopens: ReopensJson | null;
  /** Ticket ratings; `null` when not selected. */
  readonly ratings: RatingsJson | null;
  /** Survey results (as {@link MetricSetJson.survey}); `null` also when neither `survey` nor `ratings` is selected. */
  readonly survey: SurveyJson | null;
  /** Customers and repeat contacts; `null` when not selected. */
  readonly contacts: ContactsJson | null;
  /** Per-responder figures; `null` when not selected. */
  readonly responders: RespondersJson | null;
  /** Bot figures; `null` when not selected. */
  readonly bots: BotsJson | null;
}

/**
 * One segment of a {@link SelectedReport}.
 *
 * @category Report
 */
export interface SelectedSegmentJson extends SelectedMetricSetJson {
  /** The value of each dimension (`"(none)"` when missing), in the order of the dimensions. */
  readonly key: readonly string[];
}

/**
 * One segmentation of a {@link SelectedReport}.
 *
 * @category Report
 */
export interface SelectedSegmentationJson extends Omit<SegmentationJson, "segments"> {
  /** One entry per key seen, most tickets first (ties by key). */
  readonly segments: readonly SelectedSegmentJson[];
}

/**
 * The comparison of a {@link SelectedReport}: the selected metrics' changes only.
 *
 * @category Report
 */
export interface SelectedComparisonJson {
  /** The period. */
  readonly period: PeriodJson;
  /** The period compared with. */
  readonly compareTo: PeriodJson;
  /** The selected metrics of the comparison period. */
  readonly previous: SelectedMetricSetJson;
  /** The selected headline metrics side by side. */
  readonly changes: readonly ComparedChangeJson[];
}

/**
 * The report of {@link SelectedReportOptions}: {@link Report}'s shape, `null` wherever a metric
 * was not selected; `parameters.metrics` lists the selection. A {@link Report} is one with every
 * metric selected.
 *
 * @category Report
 */
export interface SelectedReport
  extends
    Omit<Report, keyof MetricSetJson | "types" | "segments" | "leaderboard" | "comparison" | "volume" | "peaks" | "parameters">,
    SelectedMetricSetJson {
  /** The options the report was computed with, and the metric selection (`null`: all). */
  readonly parameters: Omit<Report["parameters"], "metrics"> & {
    /** The metric selection, in report order; `null` when every metric was computed. */
    readonly metrics: readonly ReportMetricName[] | null;
  };
  /** Volume per bucket; `null` when `volume` is not selected or there is nothing to bucket. */
  readonly volume: Report["volume"];
  /** The arrival heatmap; `null` with `volume`. */
  readonly peaks: Report["peaks"];
  /** Ticket types; `null` when not selected. */
  readonly types: TypesJson | null;
  /** One entry per requested segmentation. */
  readonly segments: readonly SelectedSegmentationJson[];
  /** The agent leaderboard; `null` when not selected. */
  readonly leaderboard: LeaderboardJson | null;
  /** The period comparison; `null` without `compareTo`. */
  readonly comparison: SelectedComparisonJson | null;
}
