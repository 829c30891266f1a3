import { capitalise, finite, missingSection, plural, specTop } from "./_common.ts";
import type { ChartDatum, ChartOptions, ChartSpec } from "./spec.ts";

/**
 * One bucket as {@link volumeChart} reads it: a `volumeByPeriod` bucket or the report's
 * `volume.buckets` entry.
 *
 * @category Charts
 */
export interface VolumeChartBucket {
  /** The bucket's label in the report's time zone, e.g. `2026-03-08` or `2026-W10`. */
  readonly label: string;
  /** Tickets created in the bucket. */
  readonly created: number;
  /** Tickets resolved in the bucket. */
  readonly resolved: number;
  /** Tickets open at the bucket's end. */
  readonly backlog: number;
}

/**
 * What {@link volumeChart} draws: a `volumeByPeriod` result or the report's `volume` section.
 *
 * @category Charts
 */
export interface VolumeChartInput {
  /** The bucket length (`"hour"`, `"day"`, `"week"`, `"month"`), named in the axis title. */
  readonly unit: string;
  /** The buckets, oldest first. */
  readonly buckets: readonly VolumeChartBucket[];
}

const SERIES = ["Created", "Resolved", "Backlog at bucket end"] as const;

/**
 * Volume over time: tickets created and resolved in each bucket and the backlog at its end, as
 * three lines with a point per bucket (x: the bucket labels in the report's time zone, in order;
 * y: tickets).
 *
 * @param source - A report (its `volume` section is drawn), the report's `volume` section, or a
 * `volumeByPeriod` result.
 * @param options - {@link ChartOptions}: title (default "Ticket volume per <unit>"), width (640), height (300).
 * @returns A Vega-Lite spec with three data rows per bucket (`bucket`, `series`, `tickets`); a
 * range with no buckets gives a spec with no rows (an empty plot).
 * @throws {@link MetricRangeError} `E_CHART_DATA` if the report's `volume` is `null` (no ticket
 * with a valid `createdAt` and no period); `E_NOT_FINITE` if a count is not a finite number;
 * `E_OPTION_VALUE` for a bad width, height or title.
 * @remarks The x axis is ordinal (the bucket labels), not a time scale, so the chart shows the
 * report's own calendar (its time zone, its DST days) whatever the viewer's time zone. The
 * backlog follows `volumeByPeriod`: tickets created before the bucket's end and not resolved
 * before it.
 * @example
 * ```ts
 * const at = (d: number) => new Date(Date.UTC(2026, 2, d));
 * const v = volumeByPeriod([{ id: "a", createdAt: at(1), status: "open" }], { from: at(1), to: at(3), timeZone: "UTC" });
 * const spec = volumeChart(v); // or volumeChart(report(...)), which draws report.volume
 * spec.data.values.length; // => 6
 * spec.data.values[2];     // => { bucket: "2026-03-01", series: "Backlog at bucket end", tickets: 1 }
 * spec.title;              // => "Ticket volume per day"
 * ```
 * @category Charts
 */
export function volumeChart(source: { readonly volume: VolumeChartInput | null } | VolumeChartInput, options?: ChartOptions): ChartSpec {
  const fn = "volumeChart";
  const volume = "buckets" in source ? source : source.volume;
  if (volume === null) throw missingSection(fn, "report.volume");
  const values: ChartDatum[] = [];
  volume.buckets.forEach((b, i) => {
    const at = `buckets[${String(i)}]`;
    const counts = [
      finite(fn, `${at}.created`, b.created),
      finite(fn, `${at}.resolved`, b.resolved),
      finite(fn, `${at}.backlog`, b.backlog),
    ];
    SERIES.forEach((series, k) => values.push({ bucket: b.label, series, tickets: counts[k] ?? 0 }));
  });
  const unit = volume.unit;
  const top = specTop(
    fn,
    { title: `Ticket volume per ${unit}`, width: 640, height: 300 },
    options,
    `Line chart of tickets created, tickets resolved and backlog at the end of each ${unit}, over ${plural(volume.buckets.length, unit)}.`,
    values,
  );
  return {
    ...top,
    mark: { type: "line", point: true },
    encoding: {
      x: {
        field: "bucket",
        type: "ordinal",
        sort: null,
        title: `${capitalise(unit)} (report time zone)`,
        axis: { labelAngle: -45, labelOverlap: true },
      },
      y: { field: "tickets", type: "quantitative", title: "Tickets" },
      color: { field: "series", type: "nominal", title: "Series", sort: [...SERIES] },
      tooltip: [
        { field: "bucket", type: "ordinal", title: capitalise(unit) },
        { field: "series", type: "nominal", title: "Series" },
        { field: "tickets", type: "quantitative", title: "Tickets" },
      ],
    },
  };
}
