/**
 * Checks and compiles {@link ReportOptions}.
 *
 * @internal
 * @module
 */
import { checkQuantileOption, type QuantileOption } from "../_lib/quantileStore.ts";
import { bucketer, checkBucketing, checkRange, type BucketUnit } from "../_lib/bucket.ts";
import { MetricRangeError } from "../_lib/errors.ts";
import { assertDate, assertFinite, assertFraction } from "../_lib/guards.ts";
import { confidenceLevelOf } from "../metrics/stats/confidence.ts";
import { DEFAULT_REPEAT_WINDOW_MS } from "../metrics/customers/repeatContacts.ts";
import { toMilliseconds } from "../_lib/duration.ts";
import { compilePolicy, type MatchedSlaTarget } from "../metrics/sla/policy.ts";
import type { SlaPolicy } from "../models/sla.ts";
import type { Schedule } from "../models/schedule.ts";
import { businessTimeBetween } from "../metrics/time/businessTimeBetween.ts";
import { LEADERBOARD_ORDER, needsStrata } from "./_leaderboard.ts";
import { STRATA } from "./_fairLeaderboard.ts";
import { RESPONDER_RANKINGS } from "./_responderLeaderboard.ts";

import { compileSegmentation, type Segmentation } from "./_segment.ts";
import type { LeaderboardMetric, ReportOptions } from "./types.ts";
import { REPORT_METRICS, type ReportMetricName } from "./selectedTypes.ts";

/** Compiled options. @internal */
/** The report's fixed settings. @internal */
export interface CoreContext {
  /** `asOf` in epoch ms. */
  readonly asOf: number;
  /** The time zone of buckets and the heatmap. */
  readonly timeZone: string;
  /** Business hours, if any. */
  readonly schedule: Schedule | undefined;
  /** The compiled SLA targets, if a policy was given. */
  readonly sla: readonly MatchedSlaTarget[] | undefined;
  /** The policy's name. */
  readonly slaName: string | null;
  /** Duration percentiles. */
  readonly percentiles: readonly number[];
  /** The confidence level of every interval, strictly between 0 and 1. */
  readonly confidenceLevel: number;
}

export interface Compiled {
  readonly ctx: CoreContext;
  readonly bucket: BucketUnit;
  readonly period: { readonly from: number; readonly to: number } | undefined;
  readonly compareTo: { readonly from: number; readonly to: number } | undefined;
  /** The resolution rate's judging moment in scope: the period's end, else `asOf`. */
  readonly judgeAt: number;
  /** The requested segmentations, then (if none of them is exactly `assignee`) the leaderboard's. */
  readonly segmentations: readonly Segmentation[];
  /** How many of `segmentations` were requested. */
  readonly requested: number;
  /** The index of the `assignee` segmentation used by the leaderboard; `-1` when the leaderboard is not selected. */
  readonly agentIndex: number;
  /** The index of the assignee × channel × type × priority segmentation of the mix-adjusted figures; `-1` when not ranked by one. */
  readonly strataIndex: number;
  /** The metrics selected; `undefined`: every one (a full {@link Report}). */
  readonly selected: ReadonlySet<ReportMetricName> | undefined;
  readonly leaderboard: { readonly by: LeaderboardMetric; readonly minSample: number; readonly of: "assignee" | "responder" };
  readonly topHours: number;
  /** The money per lost customer, if given. */
  readonly valuePerCustomer: number | undefined;
  /** How quantiles are computed. */
  readonly quantiles: QuantileOption;
  /** The SLA policy as given, if any. */
  readonly slaPolicy: SlaPolicy | undefined;
  /** The repeat-contact window, ms (`repeatWindow`, default 7 days). */
  readonly repeatWindow: number;
  /** The options of the bots figures, as given (checked by `botsAccumulator`). */
  readonly bots: ReportOptions["bots"];
  /** The options as one string, stored with a serialised state: only an accumulator of the same options reads it back. */
  readonly fingerprint: string;
}

/** The default duration percentiles. @internal */
export const DEFAULT_PERCENTILES: readonly number[] = [0.9];

/**
 * Checks `options` and compiles them. Throws `E_INVALID_DATE`, `E_TIME_ZONE`, `E_BUCKET_UNIT`,
 * `E_PERIOD_ORDER`, `E_COMPARE_NEEDS_PERIOD`, `E_SEGMENT_KEY`, `E_LEADERBOARD_METRIC`,
 * `E_MIN_SAMPLE`, `E_FRACTION_RANGE`, `E_TOP_N`, `E_CONFIDENCE_LEVEL`, `E_NOT_FINITE`,
 * `E_VALUE_RANGE`, and the SLA and schedule codes.
 *
 * @internal
 */
export function compileOptions(fn: string, options: ReportOptions): Compiled {
  if (options === null || typeof options !== "object") {
    throw new MetricRangeError("E_OPTION_VALUE", `${fn}: options must be an object with asOf and timeZone, got ${String(options)}`);
  }
  assertDate(fn, "asOf", options.asOf);
  const bucket = options.bucket ?? "day";
  checkBucketing(fn, bucket, options.timeZone);
  const range = (p: { from: Date; to: Date } | undefined): { from: number; to: number } | undefined => {
    if (p === undefined) return undefined;
    checkRange(fn, p.from, p.to);
    return { from: p.from.getTime(), to: p.to.getTime() };
  };
  const period = range(options.period);
  const compareTo = range(options.compareTo);
  if (compareTo !== undefined && period === undefined) {
    throw new MetricRangeError("E_COMPARE_NEEDS_PERIOD", `${fn}: compareTo needs a period to compare with, got compareTo without period`);
  }
  const percentiles = options.percentiles ?? DEFAULT_PERCENTILES;
  for (const p of percentiles) assertFraction(fn, "percentile", p);
  const topHours = options.topHours ?? 3;
  if (!Number.isInteger(topHours) || topHours < 1 || topHours > 24) {
    throw new MetricRangeError("E_TOP_N", `${fn}: topHours must be an integer from 1 to 24, got ${String(topHours)}`);
  }
  const by = options.leaderboard?.by ?? "tickets";
  if (!Object.hasOwn(LEADERBOARD_ORDER, by)) {
    throw new MetricRangeError(
      "E_LEADERBOARD_METRIC",
      `${fn}: leaderboard.by must be one of ${Object.keys(LEADERBOARD_ORDER).join(", ")}, got ${String(by)}`,
    );
  }
  const of = boardOf(fn, options.leaderboard?.of, by);
  const minSample = options.leaderboard?.minSample ?? 10;
  if (!Number.isInteger(minSample) || minSample < 1) {
    throw new MetricRangeError("E_MIN_SAMPLE", `${fn}: leaderboard.minSample must be an integer of at least 1, got ${String(minSample)}`);
  }
  const confidenceLevel = confidenceLevelOf(fn, options.confidenceLevel);
  const valuePerCustomer = options.valuePerCustomer;
  if (valuePerCustomer !== undefined) {
    assertFinite(fn, "valuePerCustomer", valuePerCustomer);
    if (valuePerCustomer < 0) {
      throw new MetricRangeError("E_VALUE_RANGE", `${fn}: valuePerCustomer must be at least 0, got ${String(valuePerCustomer)}`);
    }
  }
  const schedule = options.schedule;
  if (schedule !== undefined) businessTimeBetween(options.asOf, options.asOf, schedule);
  // The report's schedule is the default business hours of a policy that has none.
  const policy = options.slaPolicy;
  const sla =
    policy === undefined
      ? undefined
      : compilePolicy(
          fn,
          policy.schedule === undefined && schedule !== undefined && policy !== null && typeof policy === "object"
            ? { ...policy, schedule }
            : policy,
        );
  const selected = selectionOf(fn, (options as { metrics?: unknown }).metrics);
  const rankedBy = of === "responder" ? "responders" : LEADERBOARD_NEEDS[by];
  if (selected?.has("leaderboard") === true && rankedBy !== undefined && !selected.has(rankedBy)) {
    throw new MetricRangeError(
      "E_OPTION_VALUE",
      `${fn}: metrics has "leaderboard" ranked by ${by} (leaderboard.by) but not "${rankedBy}", which that ranking reads; add it to metrics`,
    );
  }
  const buckets = bucketer(bucket, options.timeZone);
  const periods = { label: (ms: number) => buckets.label(ms) };
  const segmentations = (options.segments ?? []).map((key) => compileSegmentation(fn, key, periods));
  const requested = segmentations.length;
  // Reuse a requested built-in `assignee` segmentation (not a custom dimension of that name).
  let agentIndex = (options.segments ?? []).findIndex(
    (k) => k === "assignee" || (Array.isArray(k) && k.length === 1 && k[0] === "assignee"),
  );
  if ((selected !== undefined && !selected.has("leaderboard")) || of === "responder") agentIndex = -1;
  else if (agentIndex < 0) {
    segmentations.push(compileSegmentation(fn, "assignee", periods));
    agentIndex = requested;
  }
  let strataIndex = -1;
  if (agentIndex >= 0 && needsStrata(by)) {
    strataIndex = segmentations.length;
    segmentations.push(compileSegmentation(fn, ["assignee", ...(STRATA as ["channel", "type", "priority"])], periods));
  }
  const quantiles = checkQuantileOption(fn, options.quantiles);
  const repeatWindow =
    options.repeatWindow === undefined ? DEFAULT_REPEAT_WINDOW_MS : toMilliseconds(fn, "repeatWindow", options.repeatWindow);
  const fingerprint = JSON.stringify({
    asOf: options.asOf.toISOString(),
    timeZone: options.timeZone,
    period: period ?? null,
    compareTo: compareTo ?? null,
    bucket,
    segments: segmentations.slice(0, requested).map((s) => s.dimensions),
    percentiles,
    confidenceLevel,
    quantiles,
    schedule: schedule ?? null,
    slaPolicy: policy ?? null,
    leaderboard: of === "responder" ? { by, minSample, of } : { by, minSample },
    topHours,
    valuePerCustomer: valuePerCustomer ?? null,
    ...(selected === undefined ? {} : { metrics: [...selected] }),
    ...(repeatWindow === DEFAULT_REPEAT_WINDOW_MS ? {} : { repeatWindow }),
    ...(options.bots === undefined ? {} : { bots: options.bots }),
  });
  return {
    fingerprint,
    ctx: {
      asOf: options.asOf.getTime(),
      timeZone: options.timeZone,
      schedule,
      sla,
      slaName: options.slaPolicy?.name ?? null,
      percentiles: [...percentiles],
      confidenceLevel,
    },
    bucket,
    period,
    compareTo,
    judgeAt: period?.to ?? options.asOf.getTime(),
    segmentations,
    requested,
    agentIndex,
    strataIndex,
    selected,
    leaderboard: { by, minSample, of },
    topHours,
    valuePerCustomer: valuePerCustomer === 0 ? 0 : valuePerCustomer,
    quantiles,
    slaPolicy: policy,
    repeatWindow,
    bots: options.bots,
  };
}

/**
 * The `metrics` option: `undefined` (every metric), or a non-empty list of distinct
 * {@link ReportMetricName}s, kept in report order.
 *
 * @throws `E_OPTION_VALUE` naming the first bad entry.
 */
/** The metric each leaderboard ranking reads, when it is not the ticket count. */
const LEADERBOARD_NEEDS: Readonly<Record<LeaderboardMetric, ReportMetricName | undefined>> = {
  tickets: undefined,
  firstResponseMedian: "firstResponse",
  resolutionMedian: "resolutionFinal",
  csat: "survey",
  oneTouchShare: "oneTouch",
  firstResponseMeanAdjusted: "firstResponse",
  resolutionMeanAdjusted: "resolutionFinal",
  csatAdjusted: "survey",
  oneTouchShareAdjusted: "oneTouch",
  csatShrunk: "survey",
  oneTouchShareShrunk: "oneTouch",
  replyTimeMedian: "responses",
};

/** `leaderboard.of`: `"assignee"` (default) or `"responder"`, whose board ranks by {@link RESPONDER_RANKINGS} only. */
function boardOf(fn: string, of: unknown, by: LeaderboardMetric): "assignee" | "responder" {
  if (of === undefined || of === "assignee") return "assignee";
  if (of !== "responder") {
    throw new MetricRangeError(
      "E_OPTION_VALUE",
      `${fn}: leaderboard.of must be "assignee" or "responder", got ${JSON.stringify(of) ?? String(of)}`,
    );
  }
  if (!RESPONDER_RANKINGS.includes(by)) {
    throw new MetricRangeError(
      "E_LEADERBOARD_METRIC",
      `${fn}: leaderboard.by must be one of ${RESPONDER_RANKINGS.join(", ")} when leaderboard.of is "responder", got ${by}`,
    );
  }
  return "responder";
}

function selectionOf(fn: string, metrics: unknown): ReadonlySet<ReportMetricName> | undefined {
  if (metrics === undefined) return undefined;
  const bad = (what: string, got: unknown): MetricRangeError =>
    new MetricRangeError("E_OPTION_VALUE", `${fn}: metrics${what}, got ${JSON.stringify(got) ?? String(got)}`);
  if (!Array.isArray(metrics) || metrics.length === 0) throw bad(` must be a non-empty list of ${REPORT_METRICS.join(", ")}`, metrics);
  const seen = new Set<unknown>();
  metrics.forEach((m: unknown, i) => {
    if (!REPORT_METRICS.includes(m as ReportMetricName)) throw bad(`[${String(i)}] must be one of ${REPORT_METRICS.join(", ")}`, m);
    if (seen.has(m)) throw bad(`[${String(i)}] repeats an earlier entry`, m);
    seen.add(m);
  });
  return new Set(REPORT_METRICS.filter((m) => seen.has(m)));
}
