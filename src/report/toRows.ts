/**
 * The report's tables as plain rows for data tools (arquero, Danfo, a CSV writer): segments,
 * volume buckets, the weekday × hour heatmap and cohort retention. The command's `--format csv`
 * writes these same rows.
 *
 * @module
 */
import { MetricRangeError } from "../_lib/errors.ts";
import type { SelectedMetricSetJson, SelectedReport } from "./selectedTypes.ts";
import type { Report } from "./types.ts";
import { responderRows, type ResponderRow } from "./toRowsResponders.ts";

/**
 * The tables {@link toRows} reads from a report, in the order the command lists them.
 *
 * @example
 * ```ts
 * REPORT_TABLES; // => ["segments", "buckets", "heatmap", "cohorts", "responders"]
 * ```
 * @category Report
 */
export const REPORT_TABLES = ["segments", "buckets", "heatmap", "cohorts", "responders"] as const;

/**
 * A table of the report: one of {@link REPORT_TABLES}.
 *
 * @category Report
 */
export type ReportTable = (typeof REPORT_TABLES)[number];

/**
 * One segment of one segmentation (`toRows(report, "segments")`). Durations in milliseconds,
 * rates and shares as fractions from 0 to 1, NPS in points; `null` where the segment has no data
 * or the report did not compute the metric (no schedule, no SLA policy, no survey, a metric
 * selection without it).
 *
 * @category Report
 */
export type SegmentRow = {
  /** The segmentation's dimension names joined with `+`: `channel`, `channel+type`. */
  readonly dimension: string;
  /** The segment's key, its values joined with `+` in the order of the dimensions (`"(none)"` for a missing value): `email`, `email+billing`. */
  readonly segment: string;
  /** Tickets in the segment. */
  readonly tickets: number;
  /** `counts.resolutionRate.value`: resolved / received, judged at the period's end (or `asOf`). */
  readonly resolution_rate: number | null;
  /** `counts.backlog.count`: unresolved tickets open longer than the average resolution time at `asOf`. */
  readonly backlog: number | null;
  /** `time.firstResponse.calendar.median`: the median first response time, calendar time, ms. */
  readonly first_response_median_ms: number | null;
  /** The 90th percentile of the first response time, calendar time, ms; `null` unless 0.9 is among the report's `percentiles` (the default). */
  readonly first_response_p90_ms: number | null;
  /** `time.firstResponse.business.median`: the median first response time in business hours, ms; `null` without a schedule. */
  readonly first_response_business_median_ms: number | null;
  /** `time.resolutionFinal.calendar.median`: the median time to the final solve, calendar time, ms. */
  readonly resolution_median_ms: number | null;
  /** `time.resolutionFinal.business.median`: the same in business hours, ms; `null` without a schedule. */
  readonly resolution_business_median_ms: number | null;
  /** `time.resolutionSurvival.calendar.median.value`: the Kaplan–Meier median time to the final solve counting open tickets (censored at `asOf`), ms; `null` when not reached. */
  readonly resolution_km_median_ms: number | null;
  /** `time.resolutionSurvival.censored`: tickets still open at `asOf` (censored in that estimate). */
  readonly resolution_km_censored: number | null;
  /** `time.oneTouch.share`: resolved tickets with exactly one public agent reply, of resolved tickets with a known reply count. */
  readonly one_touch_share: number | null;
  /** `sla.compliance`: achieved / (achieved + breached), every SLA metric; `null` without a policy. */
  readonly sla_compliance: number | null;
  /** `survey.csat.score`: CSAT as a fraction (from the survey responses, else the tickets' ratings). */
  readonly csat: number | null;
  /** `survey.nps.score`: NPS in points from −100 to 100. */
  readonly nps: number | null;
  /** `time.agentWork.calendar.median`: the median agent work time (new + open, from the status history), calendar time, ms. */
  readonly agent_work_median_ms: number | null;
  /** `time.agentWait.calendar.median`: the median agent wait time (pending), calendar time, ms. */
  readonly agent_wait_median_ms: number | null;
  /** `time.onHold.calendar.median`: the median on-hold time, calendar time, ms. */
  readonly on_hold_median_ms: number | null;
};

/**
 * One volume bucket (`toRows(report, "buckets")`), oldest first; empty buckets have zeros.
 *
 * @category Report
 */
export type BucketRow = {
  /** The bucket's label in the report's time zone: `2026-03-08T03:00-07:00`, `2026-03-08`, `2026-W10` or `2026-03`. */
  readonly bucket: string;
  /** The first instant counted (ISO-8601 UTC). */
  readonly start: string;
  /** The end, exclusive (ISO-8601 UTC). */
  readonly end: string;
  /** Tickets created in the bucket. */
  readonly created: number;
  /** Tickets whose (last) solve is in the bucket, among tickets now solved or closed. */
  readonly resolved: number;
  /** Customer messages sent in the bucket. */
  readonly messages_in: number;
  /** Public agent replies sent in the bucket. */
  readonly messages_out: number;
  /** Tickets open at some time in the bucket. */
  readonly active: number;
  /** Tickets created before the bucket's end and not resolved by it. */
  readonly backlog: number;
};

/**
 * One weekday-hour slot of the arrival heatmap (`toRows(report, "heatmap")`): 168 rows, Monday
 * 00 first, in the report's time zone.
 *
 * @category Report
 */
export type HeatmapRow = {
  /** The local weekday: `mon` … `sun`. */
  readonly weekday: string;
  /** The local hour of day, 0 to 23. */
  readonly hour: number;
  /** Tickets created in this slot over the volume range. */
  readonly tickets: number;
  /** How many times the slot occurred in the range (local dates on which it existed). */
  readonly occurrences: number;
  /** `tickets / occurrences`; `null` when the slot never occurred (a short range, a skipped DST hour). */
  readonly average: number | null;
};

/**
 * One cohort in one period after its start (`toRows(report, "cohorts")`): a long table, cohorts
 * in the order given, periods from 1.
 *
 * @category Report
 */
export type CohortRow = {
  /** The cohort's label. */
  readonly cohort: string;
  /** The start of its first period (ISO-8601 UTC). */
  readonly start: string;
  /** Customers at the start. */
  readonly size: number;
  /** Periods since the start, from 1. */
  readonly period: number;
  /** Customers still active in this period. */
  readonly active: number;
  /** `active / size`; `null` for a cohort of size 0. */
  readonly retention: number | null;
};

/**
 * The row type of each {@link ReportTable}.
 *
 * @category Report
 */
export type ReportTableRows = {
  /** {@link SegmentRow} */
  readonly segments: SegmentRow;
  /** {@link BucketRow} */
  readonly buckets: BucketRow;
  /** {@link HeatmapRow} */
  readonly heatmap: HeatmapRow;
  /** {@link CohortRow} */
  readonly cohorts: CohortRow;
  /** {@link ResponderRow} */
  readonly responders: ResponderRow;
};

/**
 * The columns of each table, in order: the keys of its rows in the order {@link toRows} writes
 * them (a CSV header, or the column order of a data frame even when a table has no rows).
 *
 * @example
 * ```ts
 * REPORT_TABLE_COLUMNS.heatmap; // => ["weekday", "hour", "tickets", "occurrences", "average"]
 * ```
 * @category Report
 */
export const REPORT_TABLE_COLUMNS = {
  /** {@link SegmentRow}: the dimension and key, then the figures. */
  segments: [
    "dimension",
    "segment",
    "tickets",
    "resolution_rate",
    "backlog",
    "first_response_median_ms",
    "first_response_p90_ms",
    "first_response_business_median_ms",
    "resolution_median_ms",
    "resolution_business_median_ms",
    "resolution_km_median_ms",
    "resolution_km_censored",
    "one_touch_share",
    "sla_compliance",
    "csat",
    "nps",
    "agent_work_median_ms",
    "agent_wait_median_ms",
    "on_hold_median_ms",
  ],
  /** {@link BucketRow} */
  buckets: ["bucket", "start", "end", "created", "resolved", "messages_in", "messages_out", "active", "backlog"],
  /** {@link HeatmapRow} */
  heatmap: ["weekday", "hour", "tickets", "occurrences", "average"],
  /** {@link CohortRow} */
  cohorts: ["cohort", "start", "size", "period", "active", "retention"],
  /** {@link ResponderRow} */
  responders: [
    "responder",
    "tickets",
    "replies",
    "first_responses",
    "first_response_median_ms",
    "reply_times",
    "reply_time_median_ms",
    "clock",
  ],
} as const satisfies { readonly [T in ReportTable]: readonly (keyof ReportTableRows[T])[] };

/** A finite number as is (−0 as 0); anything else (`null`, `undefined`, `NaN`, ±∞) as `null`. */
function num(value: number | null | undefined): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return value === 0 ? 0 : value;
}

/** A count that is always there (as {@link num}, 0 for nothing). */
function count(value: number): number {
  return num(value) ?? 0;
}

/**
 * The figures of a {@link SegmentRow} for one metric set: a segment's, or the whole report's
 * (the command's `(all)` row). The one place these columns are read from a report.
 *
 * @internal
 */
export function segmentFigures(set: SelectedMetricSetJson): Omit<SegmentRow, "dimension" | "segment"> {
  const firstResponse = set.time.firstResponse;
  const resolution = set.time.resolutionFinal;
  return {
    tickets: count(set.tickets),
    resolution_rate: num(set.counts.resolutionRate?.value),
    backlog: num(set.counts.backlog?.count),
    first_response_median_ms: num(firstResponse?.calendar?.median),
    first_response_p90_ms: num(firstResponse?.calendar?.p.find((q) => q.p === 0.9)?.value),
    first_response_business_median_ms: num(firstResponse?.business?.median),
    resolution_median_ms: num(resolution?.calendar?.median),
    resolution_business_median_ms: num(resolution?.business?.median),
    resolution_km_median_ms: num(set.time.resolutionSurvival?.calendar?.median.value),
    resolution_km_censored: num(set.time.resolutionSurvival?.censored),
    one_touch_share: num(set.time.oneTouch?.share),
    sla_compliance: num(set.sla?.compliance),
    csat: num(set.survey?.csat?.score),
    nps: num(set.survey?.nps?.score),
    agent_work_median_ms: num(set.time.agentWork?.calendar?.median),
    agent_wait_median_ms: num(set.time.agentWait?.calendar?.median),
    on_hold_median_ms: num(set.time.onHold?.calendar?.median),
  };
}

function segmentRows(report: SelectedReport): SegmentRow[] {
  const rows: SegmentRow[] = [];
  for (const seg of report.segments) {
    const dimension = seg.dimensions.join("+");
    for (const s of seg.segments) rows.push({ dimension, segment: s.key.join("+"), ...segmentFigures(s) });
  }
  return rows;
}

function bucketRows(report: SelectedReport): BucketRow[] {
  return (report.volume?.buckets ?? []).map((b) => ({
    bucket: b.label,
    start: b.start,
    end: b.end,
    created: count(b.created),
    resolved: count(b.resolved),
    messages_in: count(b.messagesIn),
    messages_out: count(b.messagesOut),
    active: count(b.active),
    backlog: count(b.backlog),
  }));
}

function heatmapRows(report: SelectedReport): HeatmapRow[] {
  const peaks = report.peaks;
  if (peaks === null) return [];
  const rows: HeatmapRow[] = [];
  peaks.cells.forEach((hours, d) =>
    hours.forEach((slot, hour) =>
      rows.push({
        weekday: peaks.weekdays[d] ?? "",
        hour,
        tickets: count(slot.sum),
        occurrences: count(slot.occurrences),
        average: num(slot.average),
      }),
    ),
  );
  return rows;
}

function cohortRows(report: SelectedReport): CohortRow[] {
  const rows: CohortRow[] = [];
  for (const r of report.customers?.rows ?? []) {
    r.counts.forEach((active, i) =>
      rows.push({
        cohort: r.label,
        start: r.start,
        size: count(r.size),
        period: i + 1,
        active: count(active),
        retention: num(r.fractions[i]),
      }),
    );
  }
  return rows;
}

/**
 * One table of a report as an array of plain row objects, one object per row, its keys the
 * table's columns in the order of {@link REPORT_TABLE_COLUMNS}: ready for `aq.from(rows)`,
 * `new dfd.DataFrame(rows)` or a CSV writer.
 *
 * @param report - A {@link Report} or {@link SelectedReport}, as `report()` returns it or parsed back from its JSON.
 * @param table - `"segments"` ({@link SegmentRow}: one row per segment of every segmentation, in
 * the report's order), `"buckets"` ({@link BucketRow}: one per volume bucket), `"heatmap"`
 * ({@link HeatmapRow}: 7 × 24 weekday-hour slots) or `"cohorts"` ({@link CohortRow}: one per
 * cohort and period).
 * @returns New row objects (the report is not changed). Every value is a string, a finite number
 * or `null` (no data, or a metric the report did not compute): never `NaN` or `undefined`.
 * Instants are ISO-8601 UTC strings; durations are milliseconds, in columns named `…_ms`; rates
 * and shares fractions from 0 to 1; NPS points. A table the report has nothing for is `[]`
 * (no `segments` option, no volume range, no cohorts).
 * @throws {@link MetricRangeError} `E_OPTION_VALUE` when `table` is not one of
 * {@link REPORT_TABLES} (the message names the argument and the value), or `report` is not a
 * report object.
 * @remarks Unrounded, as the report. The segments table has no whole-report row (the report's
 * own fields hold those figures); a ticket in several segments (a `tag` dimension) is in several
 * rows. A cohort with no period observed yet has no cohort row. There is no per-ticket table: a
 * report holds aggregates only. The command's `--format csv --table segments|buckets|heatmap|cohorts`
 * writes these rows (its segments table adds an `(all)` row and leaves out the columns of metrics
 * the run has no input for).
 * @example
 * ```ts
 * const r = report(
 *   { tickets: [
 *     { id: "1", createdAt: new Date("2026-01-05T09:00:00Z"), status: "solved", channel: "email",
 *       firstResponseAt: new Date("2026-01-05T09:30:00Z"), solvedAt: new Date("2026-01-05T11:00:00Z"), replies: 1 },
 *     { id: "2", createdAt: new Date("2026-01-05T10:00:00Z"), status: "open", channel: "chat" },
 *   ] },
 *   { asOf: new Date("2026-01-06T00:00:00Z"), timeZone: "UTC", segments: ["channel"] },
 * );
 * const rows = toRows(r, "segments");
 * rows.map((row) => row.segment);         // => ["chat", "email"]
 * rows[1]?.first_response_median_ms;      // => 1800000
 * rows[0]?.first_response_median_ms;      // => null
 * toRows(r, "buckets")[0]?.start;         // => "2026-01-05T00:00:00.000Z"
 * toRows(r, "heatmap").length;            // => 168
 * toRows(r, "cohorts");                   // => []
 * ```
 * @see docs/guide/report.md ("Tables for data tools")
 * @category Report
 */
export function toRows(report: Report | SelectedReport, table: "segments"): SegmentRow[];
export function toRows(report: Report | SelectedReport, table: "buckets"): BucketRow[];
export function toRows(report: Report | SelectedReport, table: "heatmap"): HeatmapRow[];
export function toRows(report: Report | SelectedReport, table: "cohorts"): CohortRow[];
export function toRows(report: Report | SelectedReport, table: "responders"): ResponderRow[];
export function toRows(report: Report | SelectedReport, table: ReportTable): ReportTableRows[ReportTable][];
export function toRows(report: Report | SelectedReport, table: ReportTable): ReportTableRows[ReportTable][] {
  if (typeof report !== "object" || report === null || !Array.isArray((report as { segments?: unknown }).segments)) {
    throw new MetricRangeError("E_OPTION_VALUE", `toRows: report must be a report object, got ${describe(report)}`);
  }
  switch (table) {
    case "segments":
      return segmentRows(report);
    case "buckets":
      return bucketRows(report);
    case "heatmap":
      return heatmapRows(report);
    case "cohorts":
      return cohortRows(report);
    case "responders":
      return responderRows(report);
    default: {
      const hint = (table as unknown) === "tickets" ? " (a report holds aggregates only: there is no per-ticket table)" : "";
      throw new MetricRangeError(
        "E_OPTION_VALUE",
        `toRows: table must be one of ${REPORT_TABLES.join(", ")}, got ${describe(table)}${hint}`,
      );
    }
  }
}

function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "object" && value !== null) return Array.isArray(value) ? "an array" : "an object without segments";
  return String(value);
}
