import { durationChart, type DurationChartOptions, type DurationChartReport, type DurationChartRow } from "./_durationChart.ts";
import type { ChartSpec } from "./spec.ts";

/**
 * Resolution time by segment: for each segment (one row), the median and the report's other
 * percentiles of the time to the final solve as dots joined by a line from the lowest to the
 * highest, in hours (or minutes), the whole scope first as "All tickets".
 *
 * @param source - A report (its `time.resolutionFinal` and one segmentation's segments are
 * drawn), or labelled summaries (`{ label, summary }`, e.g. `summarizeDurations` of
 * `resolutionTimes` per group).
 * @param options - {@link DurationChartOptions}: `unit` (`"hours"`, default, or `"minutes"`),
 * `clock` (`"calendar"`, default, or `"business"`), `segmentation` (index in `report.segments`,
 * default 0), title, width (560), height (24 px per row, at least 120).
 * @returns A Vega-Lite spec with one data row (`segment`, `statistic`, `value`, `tickets`) per
 * statistic of each segment that has a summary. Segments with no resolved ticket (`null`) are
 * left out; with none at all the plot is empty.
 * @throws {@link MetricRangeError} `E_OPTION_VALUE` for an unknown `unit` or `clock`, a
 * `segmentation` that is not an index of `report.segments`, a bad width, height or title;
 * `E_NOT_FINITE` if a duration is not a finite non-negative number or a count is not finite.
 * @remarks The report's final resolution (`resolutionTime`, the default `until: "final"`):
 * created to the last solve. Business time needs a report computed with a schedule.
 * @example
 * ```ts
 * const r = report({ tickets }, { asOf, timeZone: "UTC", segments: ["priority"] });
 * const spec = resolutionTimeChart(r);
 * spec.title; // => "Resolution time by priority (hours)"
 * ```
 * @category Charts
 */
export function resolutionTimeChart(source: DurationChartReport | readonly DurationChartRow[], options?: DurationChartOptions): ChartSpec {
  return durationChart({ fn: "resolutionTimeChart", metric: "resolutionFinal", name: "Resolution time" }, source, options);
}
