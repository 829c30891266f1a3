import { finite, plural, specTop } from "./_common.ts";
import { retentionInput, retentionValue, type RetentionChartInput } from "./retentionMatrixChart.ts";
import type { ChartDatum, ChartOptions, ChartSpec } from "./spec.ts";

const AVERAGE = "Average (size-weighted)";

/**
 * Cohort retention curves: one thin line per cohort of the share of its customers active in
 * each period since its start (0–100 %), and the size-weighted average curve as a thick black line.
 *
 * @param source - A report (its `customers` section is drawn), the report's `customers` section,
 * or a `retentionMatrix` result.
 * @param options - {@link ChartOptions}: title (default "Retention curves by cohort (% of cohort active)"), width (560), height (300).
 * @returns A Vega-Lite spec with one data row (`series`, `kind`, `period`, `retention`,
 * `customers`) per cohort and period observed (`kind: "cohort"`) and per period of the average
 * curve that has customers (`kind: "average"`, `series` "Average (size-weighted)"). Cohorts of
 * size 0 have no row.
 * @throws {@link MetricRangeError} `E_CHART_DATA` if the report's `customers` is `null` (no
 * cohorts given); `E_FRACTION_RANGE` if a fraction or an average is outside [0, 1];
 * `E_NOT_FINITE` if a size is not finite; `E_OPTION_VALUE` for a bad width, height or title.
 * @remarks The curves start at period 1 (the first period after the start; period 0 is 100 %
 * by definition and not drawn). The average weights each cohort by its size and covers, at each
 * period, only the cohorts old enough to have it, as `retentionMatrix`'s `curve`.
 * @example
 * ```ts
 * const m = retentionMatrix([
 *   { label: "2026-01", start: new Date("2026-01-01T00:00:00Z"), size: 2000, active: [1600, 1400] },
 *   { label: "2026-02", start: new Date("2026-02-01T00:00:00Z"), size: 1000, active: [700] },
 * ]);
 * const spec = retentionCurvesChart(m!);
 * spec.data.values.length; // => 5 (3 cohort points, 2 average points)
 * spec.data.values[3];     // => { series: "Average (size-weighted)", kind: "average", period: 1, retention: 0.7666666666666667, customers: 3000 }
 * ```
 * @category Charts
 */
export function retentionCurvesChart(
  source: { readonly customers: RetentionChartInput | null } | RetentionChartInput,
  options?: ChartOptions,
): ChartSpec {
  const fn = "retentionCurvesChart";
  const input = retentionInput(fn, source);
  const values: ChartDatum[] = [];
  input.rows.forEach((row, i) => {
    const at = `rows[${String(i)}]`;
    const size = finite(fn, `${at}.size`, row.size);
    row.fractions.forEach((f, k) => {
      if (f === null || f === undefined) return;
      values.push({
        series: row.label,
        kind: "cohort",
        period: k + 1,
        retention: retentionValue(fn, `${at}.fractions[${String(k)}]`, f),
        customers: size,
      });
    });
  });
  input.curve.forEach((point, k) => {
    if (point.retention === null || point.retention === undefined) return;
    values.push({
      series: AVERAGE,
      kind: "average",
      period: finite(fn, `curve[${String(k)}].period`, point.period),
      retention: retentionValue(fn, `curve[${String(k)}].retention`, point.retention),
      customers: finite(fn, `curve[${String(k)}].customers`, point.customers),
    });
  });
  const top = specTop(
    fn,
    { title: "Retention curves by cohort (% of cohort active)", width: 560, height: 300 },
    options,
    `Line chart of the share of each cohort's customers active by period since its start, ${plural(input.rows.length, "cohort")}, with the size-weighted average as a thick black line.`,
    values,
  );
  const x = { field: "period", type: "quantitative", title: "Periods since start", axis: { tickMinStep: 1, format: "d" } };
  const y = {
    field: "retention",
    type: "quantitative",
    title: "Retention (% of cohort)",
    scale: { domain: [0, 1] },
    axis: { format: ".0%" },
  };
  const tooltip = [
    { field: "series", type: "nominal", title: "Cohort" },
    { field: "period", type: "quantitative", title: "Period" },
    { field: "retention", type: "quantitative", title: "Retention", format: ".1%" },
    { field: "customers", type: "quantitative", title: "Customers" },
  ];
  return {
    ...top,
    layer: [
      {
        transform: [{ filter: "datum.kind === 'cohort'" }],
        mark: { type: "line", point: true, strokeWidth: 1, opacity: 0.7 },
        encoding: { x, y, color: { field: "series", type: "nominal", title: "Cohort", sort: null }, tooltip },
      },
      {
        transform: [{ filter: "datum.kind === 'average'" }],
        mark: { type: "line", point: true, strokeWidth: 3, color: "black" },
        encoding: { x, y, tooltip },
      },
    ],
  };
}
