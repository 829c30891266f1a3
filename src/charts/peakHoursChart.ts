import { finite, missingSection, specTop } from "./_common.ts";
import type { ChartDatum, ChartOptions, ChartSpec } from "./spec.ts";

/**
 * One weekday-hour cell as {@link peakHoursChart} reads it (a `peakHours` slot or its JSON).
 *
 * @category Charts
 */
export interface PeakHoursChartCell {
  /** Tickets created in this weekday-hour over the whole range. */
  readonly sum: number;
  /** How many times the weekday-hour occurred in the range. */
  readonly occurrences: number;
  /** `sum / occurrences`; `undefined` (or `null` in JSON) when it never occurred. */
  readonly average: number | null | undefined;
}

/**
 * What {@link peakHoursChart} draws: a `peakHours` result or the report's `peaks` section.
 *
 * @category Charts
 */
export interface PeakHoursChartInput {
  /** The row order, `["mon", …, "sun"]`. */
  readonly weekdays: readonly string[];
  /** `cells[weekday][hour]`, 7 × 24. */
  readonly cells: readonly (readonly PeakHoursChartCell[])[];
}

const DAY_NAMES: Readonly<Record<string, string>> = { mon: "Mon", tue: "Tue", wed: "Wed", thu: "Thu", fri: "Fri", sat: "Sat", sun: "Sun" };

/**
 * The peak-hours heatmap: one cell per local weekday (rows, Monday first) and hour of day
 * (columns, 0–23), coloured by the average number of tickets created in that hour per
 * occurrence of it (tickets per hour).
 *
 * @param source - A report (its `peaks` section is drawn), the report's `peaks` section, or a
 * `peakHours` result.
 * @param options - {@link ChartOptions}: title (default "New tickets per hour, by weekday and hour (average)"), width (640), height (240).
 * @returns A Vega-Lite spec with one data row (`weekday`, `hour`, `average`, `tickets`,
 * `occurrences`) per cell that occurred in the range; cells that never occurred (`average`
 * `undefined`, e.g. a range shorter than a week) have no row and are left blank.
 * @throws {@link MetricRangeError} `E_CHART_DATA` if the report's `peaks` is `null`;
 * `E_NOT_FINITE` if a cell's numbers are not finite; `E_OPTION_VALUE` for a bad width, height or title.
 * @remarks Hours are local to the report's (or `peakHours`') time zone. The colour is the
 * average, not the sum, so a weekday that occurs five times in the range does not look busier
 * than one that occurs four times; the tooltip gives both.
 * @example
 * ```ts
 * const at = (d: number, h: number) => new Date(Date.UTC(2026, 2, d, h));
 * // 2026-03-02 is a Monday; the range is one whole week.
 * const p = peakHours([{ id: "1", createdAt: at(2, 9), status: "new" }], { from: at(2, 0), to: at(9, 0), timeZone: "UTC" });
 * const spec = peakHoursChart(p); // or peakHoursChart(report(...)), which draws report.peaks
 * spec.data.values.length; // => 168
 * spec.data.values[9];     // => { weekday: "Mon", hour: 9, average: 1, tickets: 1, occurrences: 1 }
 * ```
 * @category Charts
 */
export function peakHoursChart(
  source: { readonly peaks: PeakHoursChartInput | null } | PeakHoursChartInput,
  options?: ChartOptions,
): ChartSpec {
  const fn = "peakHoursChart";
  const peaks = "cells" in source ? source : source.peaks;
  if (peaks === null) throw missingSection(fn, "report.peaks");
  const days = peaks.weekdays.map((day) => DAY_NAMES[day] ?? day);
  const values: ChartDatum[] = [];
  peaks.cells.forEach((row, d) => {
    row.forEach((cell, hour) => {
      if (cell.average === null || cell.average === undefined) return;
      const at = `cells[${String(d)}][${String(hour)}]`;
      values.push({
        weekday: days[d] ?? String(d),
        hour,
        average: finite(fn, `${at}.average`, cell.average),
        tickets: finite(fn, `${at}.sum`, cell.sum),
        occurrences: finite(fn, `${at}.occurrences`, cell.occurrences),
      });
    });
  });
  const top = specTop(
    fn,
    { title: "New tickets per hour, by weekday and hour (average)", width: 640, height: 240 },
    options,
    `Heatmap of the average number of tickets created per hour, by local weekday (rows) and hour of day (columns), ${String(values.length)} cells.`,
    values,
  );
  return {
    ...top,
    mark: { type: "rect" },
    encoding: {
      x: { field: "hour", type: "ordinal", title: "Hour of day (local)", scale: { domain: Array.from({ length: 24 }, (_, h) => h) } },
      y: { field: "weekday", type: "ordinal", title: "Weekday", scale: { domain: days } },
      color: { field: "average", type: "quantitative", title: "Tickets per hour", scale: { scheme: "blues" } },
      tooltip: [
        { field: "weekday", type: "ordinal", title: "Weekday" },
        { field: "hour", type: "ordinal", title: "Hour" },
        { field: "average", type: "quantitative", title: "Tickets per hour (average)", format: ".2f" },
        { field: "tickets", type: "quantitative", title: "Tickets (sum)" },
        { field: "occurrences", type: "quantitative", title: "Occurrences" },
      ],
    },
  };
}
