import { MetricRangeError } from "../_lib/errors.ts";
import { finite, plural, specTop } from "./_common.ts";
import type { ChartDatum, ChartOptions, ChartSpec } from "./spec.ts";

/**
 * One interval as {@link staffingChart} reads it: a `staffingPlan` interval.
 *
 * @category Charts
 */
export interface StaffingChartInterval {
  /** When the interval starts; absent when the plan was made from a plain list of counts. */
  readonly start?: Date | undefined;
  /** The interval's position in the plan. */
  readonly index: number;
  /** Agents answering needed to meet the targets (Erlang C). */
  readonly agents: number;
  /** Agents to schedule after shrinkage. */
  readonly scheduledAgents: number;
}

const SERIES = ["Agents needed", "Agents to schedule"] as const;

/** `2026-10-01T08:30Z`: an interval start, in UTC to the minute. */
function startLabel(start: Date): string {
  return `${start.toISOString().slice(0, 16)}Z`;
}

/**
 * The staffing plan: for every interval, the agents needed to meet the targets (Erlang C) and
 * the agents to schedule after shrinkage, as two lines with a point per interval (x: the
 * interval's start in UTC to the minute, or `#index` without dates; y: agents).
 *
 * @param plan - A `staffingPlan` result (its `intervals` are drawn).
 * @param options - {@link ChartOptions}: title (default "Staffing plan: agents per interval"), width (640), height (300).
 * @returns A Vega-Lite spec with two data rows per interval (`interval`, `series`, `agents`); a
 * plan with no intervals gives a spec with no rows (an empty plot).
 * @throws {@link MetricRangeError} `E_NOT_FINITE` if an agent count is not a finite number;
 * `E_INVALID_DATE` if a start is not a valid Date; `E_OPTION_VALUE` for a bad width, height or
 * title.
 * @remarks The x axis is ordinal, in the plan's order. Starts are shown in UTC because a plan has
 * no time zone of its own; its `byHourOfWeek` view (local hours) is not drawn here.
 * @example
 * ```ts
 * const plan = staffingPlan([100, 50, 0], { averageHandleTime: 180, shrinkage: 0.3 });
 * const spec = staffingChart(plan);
 * spec.data.values.length; // => 6
 * spec.data.values[0];     // => { interval: "#0", series: "Agents needed", agents: 14 }
 * spec.data.values[1];     // => { interval: "#0", series: "Agents to schedule", agents: 20 }
 * ```
 * @see "Top 12 métricas de atención al cliente" ("total volume": queueing theory for staffing)
 * @category Charts
 */
export function staffingChart(plan: { readonly intervals: readonly StaffingChartInterval[] }, options?: ChartOptions): ChartSpec {
  const fn = "staffingChart";
  const values: ChartDatum[] = [];
  plan.intervals.forEach((interval, i) => {
    const at = `plan.intervals[${String(i)}]`;
    const start = interval.start;
    if (start !== undefined && (!(start instanceof Date) || Number.isNaN(start.getTime()))) {
      throw new MetricRangeError("E_INVALID_DATE", `${fn}: ${at}.start must be a valid Date, got ${String(start)}`);
    }
    const label = start === undefined ? `#${String(interval.index)}` : startLabel(start);
    values.push({ interval: label, series: SERIES[0], agents: finite(fn, `${at}.agents`, interval.agents) });
    values.push({ interval: label, series: SERIES[1], agents: finite(fn, `${at}.scheduledAgents`, interval.scheduledAgents) });
  });
  const top = specTop(
    fn,
    { title: "Staffing plan: agents per interval", width: 640, height: 300 },
    options,
    `Line chart of the agents needed and the agents to schedule in each of ${plural(plan.intervals.length, "interval")}.`,
    values,
  );
  return {
    ...top,
    mark: { type: "line", point: true, interpolate: "step-after" },
    encoding: {
      x: { field: "interval", type: "ordinal", sort: null, title: "Interval start (UTC)", axis: { labelAngle: -45, labelOverlap: true } },
      y: { field: "agents", type: "quantitative", title: "Agents" },
      color: { field: "series", type: "nominal", title: "Series", sort: [...SERIES] },
      tooltip: [
        { field: "interval", type: "ordinal", title: "Interval" },
        { field: "series", type: "nominal", title: "Series" },
        { field: "agents", type: "quantitative", title: "Agents" },
      ],
    },
  };
}
