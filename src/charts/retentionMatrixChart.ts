import { MetricRangeError } from "../_lib/errors.ts";
import { finite, missingSection, plural, specTop } from "./_common.ts";
import type { ChartDatum, ChartOptions, ChartSpec } from "./spec.ts";

/**
 * One cohort as the retention charts read it: a `retentionMatrix` row or the report's `customers.rows` entry.
 *
 * @category Charts
 */
export interface RetentionChartRow {
  /** The cohort's label, e.g. `"2026-01"`. */
  readonly label: string;
  /** Customers at the start. */
  readonly size: number;
  /** Customers active in periods 1, 2, … */
  readonly counts: readonly number[];
  /** `counts[i] / size`, 0 to 1; `undefined` or `null` for a cohort of size 0. */
  readonly fractions: readonly (number | null | undefined)[];
}

/**
 * What the retention charts draw: a `retentionMatrix` result or the report's `customers` section.
 *
 * @category Charts
 */
export interface RetentionChartInput {
  /** One row per cohort, in the order to draw them. */
  readonly rows: readonly RetentionChartRow[];
  /** The size-weighted average retention curve. */
  readonly curve: readonly {
    /** Periods since the start, from 1. */
    readonly period: number;
    /** The average retention, 0 to 1; `undefined` or `null` when no customer is old enough. */
    readonly retention: number | null | undefined;
    /** The customers of the cohorts old enough to have this period. */
    readonly customers: number;
  }[];
}

/** The retention input of `source`, or the error naming the missing section. @internal */
export function retentionInput(
  fn: string,
  source: { readonly customers: RetentionChartInput | null } | RetentionChartInput,
): RetentionChartInput {
  const input = "rows" in source ? source : source.customers;
  if (input === null) throw missingSection(fn, "report.customers");
  return input;
}

/** A retention fraction, checked. @internal */
export function retentionValue(fn: string, name: string, value: number): number {
  finite(fn, name, value);
  if (value < 0 || value > 1) throw new MetricRangeError("E_FRACTION_RANGE", `${fn}: ${name} must be from 0 to 1, got ${String(value)}`);
  return value === 0 ? 0 : value;
}

/**
 * The cohort retention matrix: one row per cohort, one column per period since its start, each
 * cell coloured by the share of the cohort still active (0–100 %) and labelled with it.
 *
 * @param source - A report (its `customers` section is drawn), the report's `customers` section,
 * or a `retentionMatrix` result.
 * @param options - {@link ChartOptions}: title (default "Retention by cohort (% of cohort active)"), width (28 px per period, at least 400), height (22 px per cohort, at least 120).
 * @returns A Vega-Lite spec with one data row (`cohort`, `period`, `retention`, `active`,
 * `size`) per cohort and period observed; cohorts of size 0 (no fraction) have no row, and a
 * cohort not old enough for a period leaves that cell blank (the matrix's triangle).
 * @throws {@link MetricRangeError} `E_CHART_DATA` if the report's `customers` is `null` (no
 * cohorts given); `E_FRACTION_RANGE` if a fraction is outside [0, 1]; `E_NOT_FINITE` if a
 * count is not finite; `E_OPTION_VALUE` for a bad width, height or title.
 * @remarks Periods count from 1 (the first period after the start), as in `retentionMatrix`;
 * the period length is the cohorts' own (month or week).
 * @example
 * ```ts
 * const m = retentionMatrix([
 *   { label: "2026-01", start: new Date("2026-01-01T00:00:00Z"), size: 2000, active: [1600, 1400] },
 *   { label: "2026-02", start: new Date("2026-02-01T00:00:00Z"), size: 1000, active: [700] },
 * ]);
 * const spec = retentionMatrixChart(m!); // or retentionMatrixChart(report(...)), which draws report.customers
 * spec.data.values.length; // => 3
 * spec.data.values[1];     // => { cohort: "2026-01", period: 2, retention: 0.7, active: 1400, size: 2000 }
 * ```
 * @category Charts
 */
export function retentionMatrixChart(
  source: { readonly customers: RetentionChartInput | null } | RetentionChartInput,
  options?: ChartOptions,
): ChartSpec {
  const fn = "retentionMatrixChart";
  const input = retentionInput(fn, source);
  const values: ChartDatum[] = [];
  let periods = 0;
  input.rows.forEach((row, i) => {
    const at = `rows[${String(i)}]`;
    const size = finite(fn, `${at}.size`, row.size);
    row.fractions.forEach((f, k) => {
      if (f === null || f === undefined) return;
      periods = Math.max(periods, k + 1);
      values.push({
        cohort: row.label,
        period: k + 1,
        retention: retentionValue(fn, `${at}.fractions[${String(k)}]`, f),
        active: finite(fn, `${at}.counts[${String(k)}]`, row.counts[k] ?? Number.NaN),
        size,
      });
    });
  });
  const top = specTop(
    fn,
    {
      title: "Retention by cohort (% of cohort active)",
      width: Math.max(400, 28 * periods),
      height: Math.max(120, 22 * input.rows.length),
    },
    options,
    `Heatmap of customer retention: ${plural(input.rows.length, "cohort")} (rows) by period since the cohort's start (columns, up to ${String(periods)}), coloured by the share of the cohort active.`,
    values,
  );
  const x = { field: "period", type: "ordinal", title: "Periods since start" };
  const y = { field: "cohort", type: "ordinal", title: "Cohort", sort: null };
  return {
    ...top,
    encoding: { x, y },
    layer: [
      {
        mark: { type: "rect" },
        encoding: {
          color: {
            field: "retention",
            type: "quantitative",
            title: "Retention",
            scale: { domain: [0, 1], scheme: "greens" },
            legend: { format: ".0%" },
          },
          tooltip: [
            { field: "cohort", type: "ordinal", title: "Cohort" },
            { field: "period", type: "ordinal", title: "Period" },
            { field: "retention", type: "quantitative", title: "Retention", format: ".1%" },
            { field: "active", type: "quantitative", title: "Active customers" },
            { field: "size", type: "quantitative", title: "Cohort size" },
          ],
        },
      },
      {
        mark: { type: "text", fontSize: 9 },
        encoding: {
          text: { field: "retention", type: "quantitative", format: ".0%" },
          color: { condition: { test: "datum.retention > 0.6", value: "white" }, value: "black" },
        },
      },
    ],
  };
}
