/**
 * The public SQL API: the list of metrics with an SQL form, one metric's query, and every query.
 *
 * @module
 */
import { MetricRangeError } from "../_lib/errors.ts";
import { compileSql, type SqlContext, type SqlOptions } from "./context.ts";
import { slaByChannelSql, slaComplianceSql } from "./sla.ts";
import { cesSql, csatSql, npsSql, ticketRatingsSql } from "./survey.ts";
import {
  assignmentTimeSql,
  firstResponseTimeSql,
  oneTouchSql,
  repliesToResolveSql,
  requesterWaitTimeSql,
  resolutionTimeSql,
  responseTimesSql,
} from "./time.ts";
import {
  backlogSql,
  channelMixSql,
  reopenRateSql,
  resolutionRateSql,
  ticketsByStatusSql,
  typeSharesSql,
  volumeByDaySql,
} from "./volume.ts";

/**
 * The names of the metrics with an SQL form, and the report field each one computes.
 *
 * @category SQL
 */
export const SQL_METRICS = {
  /** Tickets per status, the unassigned open ones and the total. */
  ticketsByStatus: "counts.statuses",
  /** Resolved / received, judged at the period's end (else `asOf`). */
  resolutionRate: "counts.resolutionRate",
  /** Open tickets older than the mean resolution time, at `asOf`. */
  backlog: "counts.backlog",
  /** Tickets per channel and their shares (a NULL channel: without one). */
  channelMix: "counts.channelMix",
  /** Tickets per type (`"(none)"`: without one), their shares, the most common known type(s). */
  typeShares: "types.shares, types.mostCommon",
  /** Tickets reopened / tickets solved, and reopens per solved ticket. */
  reopenRate: "reopens",
  /** The first response time summary, calendar time. */
  firstResponseTime: "time.firstResponse (calendar; business with businessHours)",
  /** The resolution time summary to the final solve, calendar time. */
  resolutionTime: "time.resolutionFinal (calendar; business with businessHours)",
  /** The resolution time summary to the first solve, calendar time. */
  firstResolutionTime: "time.resolutionFirst (calendar; business with businessHours)",
  /** The assignment time summary (creation to first assignment), calendar time. */
  assignmentTime: "time.assignment (calendar; business with businessHours)",
  /** Every customer turn's response time (the summary is of turns, the skips of tickets). */
  responseTimes: "time.responses (calendar; business with businessHours)",
  /** Requester wait time from the status history (`events`): open time to the solve, pending and on hold excluded. */
  requesterWaitTime: "time.requesterWait (calendar; business with businessHours)",
  /** One-touch resolution: resolved tickets with exactly one public agent reply. */
  oneTouch: "time.oneTouch",
  /** The summary of the resolved tickets' reply counts. */
  repliesToResolve: "time.repliesToResolve",
  /** The Net Promoter Score of the `nps` responses. */
  nps: "survey.nps",
  /** CSAT of the `csat` responses. */
  csat: "survey.csat (from responses)",
  /** CSAT from the tickets' own ratings and the survey response rate (the report's CSAT when no response is in scope). */
  ticketRatings: "ratings",
  /** CES of the `ces` responses, per scale. */
  ces: "survey.ces",
  /** Tickets created and resolved per local day. */
  volumeByDay: "volume.buckets (bucket day)",
  /** SLA compliance: every check's tally, per metric, the breaches, skips and anomalies (needs `slaPolicy`). */
  slaCompliance: "sla",
  /** SLA compliance per ticket channel (needs `slaPolicy`). */
  slaByChannel: "sla.byChannel",
} as const;

/**
 * A metric with an SQL form: a key of {@link SQL_METRICS}.
 *
 * @category SQL
 */
export type SqlMetricName = keyof typeof SQL_METRICS;

const RENDER: Readonly<Record<SqlMetricName, (c: SqlContext) => string>> = {
  ticketsByStatus: ticketsByStatusSql,
  resolutionRate: resolutionRateSql,
  backlog: backlogSql,
  channelMix: channelMixSql,
  typeShares: typeSharesSql,
  reopenRate: reopenRateSql,
  firstResponseTime: firstResponseTimeSql,
  resolutionTime: (c) => resolutionTimeSql(c, "final"),
  firstResolutionTime: (c) => resolutionTimeSql(c, "first"),
  assignmentTime: assignmentTimeSql,
  responseTimes: responseTimesSql,
  requesterWaitTime: requesterWaitTimeSql,
  oneTouch: oneTouchSql,
  repliesToResolve: repliesToResolveSql,
  nps: npsSql,
  csat: csatSql,
  ticketRatings: ticketRatingsSql,
  ces: cesSql,
  volumeByDay: volumeByDaySql,
  slaCompliance: (c) => slaComplianceSql(c, needsPolicy(c)),
  slaByChannel: (c) => slaByChannelSql(c, needsPolicy(c)),
};

/** The metrics written only with an SLA policy. */
const NEEDS_POLICY: ReadonlySet<SqlMetricName> = new Set(["slaCompliance", "slaByChannel"]);

function needsPolicy(c: SqlContext): NonNullable<SqlContext["slaPolicy"]> {
  if (c.slaPolicy === undefined)
    throw new MetricRangeError("E_OPTION_VALUE", "metricSql: slaPolicy must be given for the SLA queries, got none");
  return c.slaPolicy;
}

/**
 * One metric's query in a dialect, over the warehouse schema: a `WITH … SELECT` statement
 * (no final `;`) whose columns are the metric's figures, NULL where the report writes `null`.
 *
 * @param name - The metric, a key of {@link SQL_METRICS}.
 * @param options - {@link SqlOptions}: `dialect`, `asOf`, `timeZone`, and optionally `period`,
 * `percentiles` (default `[0.9]`), `tables`, `businessHours` and `slaPolicy` (the SLA queries need it).
 * @returns The query text.
 * @throws {@link MetricRangeError} `E_OPTION_VALUE` for an unknown metric or dialect;
 * `E_OPTION_VALUE` for an SLA query without `slaPolicy` or a target with a schedule of its own; `E_SLA_TARGET`,
 * `E_SLA_SCHEDULE` for a bad policy (a business target with no schedule: give `businessHours` or the policy's);
 * `E_INVALID_DATE`, `E_TIME_ZONE`, `E_PERIOD_ORDER`, `E_FRACTION_RANGE` for bad options.
 * @remarks Rates, shares and means are doubles; counts are integers; durations are milliseconds.
 * The rules (skips, denominators, R-7 percentiles) are the report's, and
 * test/sql/differential.prop.test.ts checks the figures equal on DuckDB and PostgreSQL
 * (docs/guide/warehouse.md lists each metric's columns and the known differences).
 * @example
 * ```ts
 * const sql = metricSql("resolutionRate", { dialect: "postgres", asOf: new Date("2026-04-01T00:00:00Z"), timeZone: "UTC" });
 * sql.startsWith("WITH"); // => true
 * ```
 * @see docs/guide/warehouse.md
 * @category SQL
 */
export function metricSql(name: SqlMetricName, options: SqlOptions): string {
  const fn = "metricSql";
  if (typeof name !== "string" || !Object.hasOwn(RENDER, name)) {
    throw new MetricRangeError("E_OPTION_VALUE", `${fn}: name must be one of ${Object.keys(RENDER).join(", ")}, got ${String(name)}`);
  }
  return RENDER[name](compileSql(fn, options));
}

/**
 * Every metric's query in a dialect, as one script: for each of {@link SQL_METRICS}, a comment
 * naming the metric and the report field, then its statement and `;`.
 *
 * @param options - {@link SqlOptions}, as for {@link metricSql}.
 * @returns The script.
 * @throws {@link MetricRangeError} as {@link metricSql}.
 * @remarks Each statement stands alone (a dbt model per metric is one statement without its `;`).
 * @example
 * ```ts
 * toSql({ dialect: "duckdb", asOf: new Date("2026-04-01T00:00:00Z"), timeZone: "Europe/Bucharest" }).startsWith("-- ticketsByStatus"); // => true
 * ```
 * @see docs/guide/warehouse.md
 * @category SQL
 */
export function toSql(options: SqlOptions): string {
  const c = compileSql("toSql", options);
  return (Object.keys(RENDER) as SqlMetricName[])
    .filter((name) => c.slaPolicy !== undefined || !NEEDS_POLICY.has(name))
    .map((name) => `-- ${name}: report ${SQL_METRICS[name]}\n${RENDER[name](c)};\n`)
    .join("\n");
}
