import { MetricRangeError } from "../_lib/errors.ts";
import { finite, missingSection, plural, specTop } from "./_common.ts";
import type { ChartDatum, ChartJson, ChartOptions, ChartSpec } from "./spec.ts";

/**
 * SLA counts as {@link slaComplianceChart} reads them: `slaCompliance`'s result, the
 * `slaComplianceAccumulator` summary or the report's `sla` section (or one of their `byMetric` entries).
 *
 * @category Charts
 */
export interface SlaChartTally {
  /** `achieved / (achieved + breached)`, 0 to 1; `undefined` or `null` when nothing was decided. */
  readonly compliance: number | null | undefined;
  /** Checks achieved. */
  readonly achieved: number;
  /** Checks breached. */
  readonly breached: number;
  /** The Wilson interval of `compliance`, when the source has one (the report and the accumulator do, `slaCompliance` does not). */
  readonly interval?:
    | {
        /** The lower bound, 0 to 1. */
        readonly lower: number;
        /** The upper bound, 0 to 1. */
        readonly upper: number;
      }
    | null
    | undefined;
}

/**
 * One period's SLA result, with the counts per SLA metric.
 *
 * @category Charts
 */
export interface SlaChartSummary extends SlaChartTally {
  /** The counts per SLA metric (needed for `byMetric: true`). */
  readonly byMetric: {
    /** First response checks. */
    readonly firstResponse: SlaChartTally;
    /** Next response checks. */
    readonly nextResponse: SlaChartTally;
    /** Resolution checks. */
    readonly resolution: SlaChartTally;
  };
}

/**
 * One point of {@link slaComplianceChart}: a period's label and its SLA result.
 *
 * @category Charts
 */
export interface SlaChartPeriod {
  /** The period's label as it should read on the axis, e.g. `"2026-03"` or `"W10"`. */
  readonly period: string;
  /** Its SLA result; `null` (a report without an SLA policy) is an error. */
  readonly sla: SlaChartSummary | null;
}

/**
 * Options of {@link slaComplianceChart}.
 *
 * @category Charts
 */
export interface SlaComplianceChartOptions extends ChartOptions {
  /** `true`: one line per SLA metric (first response, next response, resolution) instead of one for all checks. Default `false`. */
  readonly byMetric?: boolean | undefined;
  /** A target compliance from 0 to 1, drawn as a dashed horizontal rule. Default: none. */
  readonly target?: number | undefined;
}

const METRICS = [
  ["firstResponse", "First response"],
  ["nextResponse", "Next response"],
  ["resolution", "Resolution"],
] as const;

/**
 * SLA compliance over time: the share of decided SLA checks achieved in each period, a line
 * with a point per period and a vertical whisker for its Wilson interval when the source has
 * one, on a 0–100 % axis.
 *
 * @param periods - One entry per period, oldest first: its label and its SLA result, which
 * the caller computes per period (e.g. `slaCompliance` of that period's tickets, or the `sla`
 * section of a report per period): the report itself has no SLA per bucket.
 * @param options - {@link SlaComplianceChartOptions}: `byMetric` (default `false`), `target`
 * (default none), title, width (640), height (280).
 * @returns A Vega-Lite spec with one data row (`period`, `series`, `compliance`, `lower`,
 * `upper`, `achieved`, `breached`) per period and series with a decided check; periods where
 * nothing was decided (`compliance` `undefined`) have no row (a gap in the line). An empty list
 * gives an empty plot.
 * @throws {@link MetricRangeError} `E_CHART_DATA` if an entry's `sla` is `null`;
 * `E_FRACTION_RANGE` if a compliance, bound or `target` is outside [0, 1]; `E_NOT_FINITE` if a
 * count is not finite; `E_OPTION_VALUE` for a bad `byMetric`, width, height or title.
 * @remarks `lower` and `upper` are `null` in rows whose source has no interval (`slaCompliance`
 * results); those rows get no whisker.
 * @example
 * ```ts
 * const spec = slaComplianceChart(
 *   months.map((m) => ({ period: m.label, sla: slaCompliance(m.tickets, { policy, asOf }) })),
 *   { target: 0.9 },
 * );
 * spec.data.values.length; // => the months with a decided check
 * ```
 * @category Charts
 */
export function slaComplianceChart(periods: readonly SlaChartPeriod[], options?: SlaComplianceChartOptions): ChartSpec {
  const fn = "slaComplianceChart";
  const byMetric = options?.byMetric ?? false;
  if (typeof byMetric !== "boolean") {
    throw new MetricRangeError("E_OPTION_VALUE", `${fn}: options.byMetric must be a boolean, got ${String(byMetric)}`);
  }
  const target = options?.target === undefined ? undefined : fraction(fn, "options.target", options.target);
  const values: ChartDatum[] = [];
  periods.forEach((entry, i) => {
    const at = `periods[${String(i)}]`;
    if (entry.sla === null) throw missingSection(fn, `${at}.sla`);
    const sla = entry.sla;
    const series: readonly (readonly [string, SlaChartTally])[] = byMetric
      ? METRICS.map(([key, name]) => [name, sla.byMetric[key]] as const)
      : [["All checks", sla]];
    for (const [name, tally] of series) {
      if (tally.compliance === null || tally.compliance === undefined) continue;
      const interval = tally.interval ?? null;
      values.push({
        period: entry.period,
        series: name,
        compliance: fraction(fn, `${at}.sla compliance`, tally.compliance),
        lower: interval === null ? null : fraction(fn, `${at}.sla interval lower`, interval.lower),
        upper: interval === null ? null : fraction(fn, `${at}.sla interval upper`, interval.upper),
        achieved: finite(fn, `${at}.sla achieved`, tally.achieved),
        breached: finite(fn, `${at}.sla breached`, tally.breached),
      });
    }
  });
  const top = specTop(
    fn,
    { title: "SLA compliance per period (% of decided checks achieved)", width: 640, height: 280 },
    options,
    `Line chart of SLA compliance (achieved over achieved plus breached checks) ${byMetric ? "per SLA metric " : ""}over ${plural(periods.length, "period")}${target === undefined ? "" : `, with a target of ${String(Math.round(target * 1000) / 10)} %`}.`,
    values,
  );
  const x = { field: "period", type: "ordinal", title: "Period", sort: null };
  const y = { field: "compliance", type: "quantitative", title: "Compliance (%)", scale: { domain: [0, 1] }, axis: { format: ".0%" } };
  const color = { field: "series", type: "nominal", title: "SLA metric" };
  const layer: ChartJson[] = [
    {
      transform: [{ filter: "isValid(datum.lower) && isValid(datum.upper)" }],
      mark: { type: "rule", opacity: 0.5, aria: false },
      encoding: { x, y: { ...y, field: "lower" }, y2: { field: "upper" }, color },
    },
    {
      mark: { type: "line", point: true },
      encoding: {
        x,
        y,
        color,
        tooltip: [
          { field: "period", type: "ordinal", title: "Period" },
          { field: "series", type: "nominal", title: "SLA metric" },
          { field: "compliance", type: "quantitative", title: "Compliance", format: ".1%" },
          { field: "lower", type: "quantitative", title: "Interval, lower", format: ".1%" },
          { field: "upper", type: "quantitative", title: "Interval, upper", format: ".1%" },
          { field: "achieved", type: "quantitative", title: "Achieved" },
          { field: "breached", type: "quantitative", title: "Breached" },
        ],
      },
    },
  ];
  if (target !== undefined) {
    layer.push({
      data: { values: [{ target }] },
      mark: { type: "rule", strokeDash: [4, 4], color: "#b22" },
      encoding: { y: { field: "target", type: "quantitative" } },
    });
  }
  return { ...top, layer };
}

function fraction(fn: string, name: string, value: number): number {
  finite(fn, name, value);
  if (value < 0 || value > 1) throw new MetricRangeError("E_FRACTION_RANGE", `${fn}: ${name} must be from 0 to 1, got ${String(value)}`);
  return value === 0 ? 0 : value;
}
