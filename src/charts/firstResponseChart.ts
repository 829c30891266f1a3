import { durationChart, type DurationChartOptions, type DurationChartReport, type DurationChartRow } from "./_durationChart.ts";
import type { ChartSpec } from "./spec.ts";

/**
 * First response time by segment: for each segment (one row), the median and the report's
 * other percentiles of first response time as dots joined by a line from the lowest to the
 * highest, in hours (or minutes), the whole scope first as "All tickets".
 *
 * @param source - A report (its `time.firstResponse` and one segmentation's segments are drawn),
 * or labelled summaries (`{ label, summary }`, e.g. `summarizeDurations` of `firstResponseTimes`
 * per group).
 * @param options - {@link DurationChartOptions}: `unit` (`"hours"`, default, or `"minutes"`),
 * `clock` (`"calendar"`, default, or `"business"`), `segmentation` (index in `report.segments`,
 * default 0), title, width (560), height (24 px per row, at least 120).
 * @returns A Vega-Lite spec with one data row (`segment`, `statistic`, `value`, `tickets`) per
 * statistic of each segment that has a summary (median first, named `median`, `p90`, …).
 * Segments with nothing measured (`null`) are left out; with none at all the plot is empty.
 * @throws {@link MetricRangeError} `E_OPTION_VALUE` for an unknown `unit` or `clock`, a
 * `segmentation` that is not an index of `report.segments`, a bad width, height or title;
 * `E_NOT_FINITE` if a duration is not a finite non-negative number or a count is not finite.
 * @remarks `clock: "business"` draws the business-time summaries, which a report has only when
 * it was computed with a schedule (otherwise every row is left out). Percentiles are those the
 * report was computed with (`parameters.percentiles`, default `[0.9]`); 0.5 is drawn once.
 * @example
 * ```ts
 * const r = report({ tickets }, { asOf, timeZone: "UTC", segments: ["channel"], percentiles: [0.9] });
 * const spec = firstResponseChart(r, { unit: "minutes" });
 * spec.title; // => "First response time by channel (minutes)"
 * ```
 * @category Charts
 */
export function firstResponseChart(source: DurationChartReport | readonly DurationChartRow[], options?: DurationChartOptions): ChartSpec {
  return durationChart({ fn: "firstResponseChart", metric: "firstResponse", name: "First response time" }, source, options);
}
