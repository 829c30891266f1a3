/**
 * The chart of one duration metric's median and percentiles per segment, shared by
 * `firstResponseChart` and `resolutionTimeChart`.
 *
 * @internal
 * @module
 */
import { MetricRangeError } from "../_lib/errors.ts";
import {
  capitalise,
  durationIn,
  durationUnit,
  finite,
  percentileName,
  plural,
  segmentationIndex,
  segmentLabel,
  specTop,
} from "./_common.ts";
import type { ChartDatum, ChartDurationUnit, ChartOptions, ChartSpec } from "./spec.ts";

/**
 * A duration summary as the duration charts read it: `summarizeDurations`' result, a
 * `ValueSummary`, or the report's `calendar` / `business` summary (milliseconds).
 *
 * @category Charts
 */
export interface DurationChartSummary {
  /** How many durations. */
  readonly count: number;
  /** The median, in milliseconds. */
  readonly median: number;
  /** The other percentiles, in milliseconds. */
  readonly p: readonly {
    /** The probability, 0 to 1. */
    readonly p: number;
    /** The percentile, in milliseconds. */
    readonly value: number;
  }[];
}

/**
 * One labelled summary: a row of a duration chart built from metric results.
 *
 * @category Charts
 */
export interface DurationChartRow {
  /** The row's label, e.g. a channel. */
  readonly label: string;
  /** The summary; `undefined` or `null` (nothing measured) leaves the row out. */
  readonly summary: DurationChartSummary | null | undefined;
}

/**
 * One duration metric of a report scope, as the duration charts read it.
 *
 * @category Charts
 */
export interface DurationChartMetric {
  /** The calendar-time summary; `null` when nothing was measured. */
  readonly calendar: DurationChartSummary | null;
  /** The business-time summary; `null` without a schedule or when nothing was measured. */
  readonly business: DurationChartSummary | null;
}

/**
 * The durations of one scope of a report (the whole report or one segment) the duration charts read.
 *
 * @category Charts
 */
export interface DurationChartScope {
  /** The scope's per-ticket durations. */
  readonly time: {
    /** First response time. */
    readonly firstResponse: DurationChartMetric;
    /** Time to the final solve. */
    readonly resolutionFinal: DurationChartMetric;
  };
}

/**
 * The parts of a report the duration charts read: the whole scope's `time` and the segmentations.
 *
 * @category Charts
 */
export interface DurationChartReport extends DurationChartScope {
  /** The report's segmentations. */
  readonly segments: readonly {
    /** The dimension names. */
    readonly dimensions: readonly string[];
    /** The segments. */
    readonly segments: readonly (DurationChartScope & {
      /** The segment's key. */
      readonly key: readonly string[];
    })[];
  }[];
}

/**
 * Options of the duration charts, `firstResponseChart` and `resolutionTimeChart`.
 *
 * @category Charts
 */
export interface DurationChartOptions extends ChartOptions {
  /** The unit of the x axis: `"hours"` (default) or `"minutes"`. */
  readonly unit?: ChartDurationUnit | undefined;
  /** `"calendar"` (default: every hour counts) or `"business"` (a report computed with a schedule). */
  readonly clock?: "calendar" | "business" | undefined;
  /** Which of the report's segmentations, by index in `report.segments`. Default 0 (the first); without any, only "All tickets". */
  readonly segmentation?: number | undefined;
}

/** What differs between the two charts. @internal */
export interface DurationChartKind {
  readonly fn: string;
  readonly metric: "firstResponse" | "resolutionFinal";
  readonly name: string;
}

/** The spec of `kind` drawn from `source`. @internal */
export function durationChart(
  kind: DurationChartKind,
  source: DurationChartReport | readonly DurationChartRow[],
  options: DurationChartOptions | undefined,
): ChartSpec {
  const { fn } = kind;
  const unit = durationUnit(fn, options?.unit);
  const clock = options?.clock ?? "calendar";
  if (clock !== "calendar" && clock !== "business") {
    throw new MetricRangeError("E_OPTION_VALUE", `${fn}: options.clock must be "calendar" or "business", got ${String(clock)}`);
  }
  let rows: readonly DurationChartRow[];
  let by = "";
  if (isRows(source)) rows = source;
  else {
    const index = segmentationIndex(fn, options?.segmentation, source.segments.length);
    const segmentation = index === undefined ? undefined : source.segments[index];
    const pick = (set: DurationChartScope): DurationChartSummary | null => set.time[kind.metric][clock];
    rows = [
      { label: "All tickets", summary: pick(source) },
      ...(segmentation?.segments ?? []).map((s) => ({ label: segmentLabel(s.key), summary: pick(s) })),
    ];
    if (segmentation !== undefined) by = ` by ${segmentation.dimensions.join(" × ")}`;
  }
  const values: ChartDatum[] = [];
  let drawn = 0;
  rows.forEach((row, i) => {
    const s = row.summary;
    if (s === null || s === undefined) return;
    drawn++;
    const at = `rows[${String(i)}]`;
    const tickets = finite(fn, `${at}.count`, s.count);
    const push = (p: number, ms: number, name: string): void => {
      values.push({ segment: row.label, statistic: percentileName(p), value: durationIn(fn, name, ms, unit), tickets });
    };
    push(0.5, s.median, `${at}.median`);
    s.p.forEach((q, k) => {
      if (q.p !== 0.5) push(finite(fn, `${at}.p[${String(k)}].p`, q.p), q.value, `${at}.p[${String(k)}].value`);
    });
  });
  const clockWord = clock === "business" ? "business " : "";
  const top = specTop(
    fn,
    { title: `${kind.name}${by} (${clockWord}${unit})`, width: 560, height: Math.max(120, 24 * drawn) },
    options,
    `Dot plot of the median and percentiles of ${kind.name.toLowerCase()} in ${clockWord}${unit}, one row per segment, ${plural(drawn, "row")}.`,
    values,
  );
  const y = { field: "segment", type: "nominal", title: "Segment", sort: null };
  return {
    ...top,
    layer: [
      {
        mark: { type: "rule", color: "#999", aria: false },
        encoding: {
          y,
          x: { aggregate: "min", field: "value", type: "quantitative" },
          x2: { aggregate: "max", field: "value" },
        },
      },
      {
        mark: { type: "point", filled: true, size: 60 },
        encoding: {
          y,
          x: { field: "value", type: "quantitative", title: `${kind.name} (${clockWord}${unit})` },
          color: { field: "statistic", type: "nominal", title: "Statistic" },
          tooltip: [
            { field: "segment", type: "nominal", title: "Segment" },
            { field: "statistic", type: "nominal", title: "Statistic" },
            { field: "value", type: "quantitative", title: capitalise(`${clockWord}${unit}`), format: ".2f" },
            { field: "tickets", type: "quantitative", title: "Tickets measured" },
          ],
        },
      },
    ],
  };
}

function isRows(source: DurationChartReport | readonly DurationChartRow[]): source is readonly DurationChartRow[] {
  return Array.isArray(source);
}
