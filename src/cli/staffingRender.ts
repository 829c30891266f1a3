/**
 * The outputs of `cx-metrics staffing`: the table, the CSV and the chart spec. Rounding happens
 * here only.
 *
 * @internal
 * @module
 */
import { staffingChart, type ChartSpec } from "../charts/index.ts";
import type { WeeklyStaffing, WeeklyStaffingInterval } from "../metrics/staffing/index.ts";
import { csvLine } from "./csv.ts";

/** The targets as the command states them. */
export interface StaffingTargets {
  readonly serviceLevel: number | null;
  readonly within: number;
  readonly asa: number | null;
  readonly shrinkage: number;
  readonly maxOccupancy: number;
}

const pct = (x: number | undefined): string => (x === undefined ? "–" : `${(100 * x).toFixed(1)} %`);
const num = (x: number | undefined, digits: number): string => (x === undefined ? "–" : x.toFixed(digits));

const DAY_NAMES: Readonly<Record<string, string>> = { mon: "Mon", tue: "Tue", wed: "Wed", thu: "Thu", fri: "Fri", sat: "Sat", sun: "Sun" };
const label = (row: WeeklyStaffingInterval): string => `${DAY_NAMES[row.weekday] ?? row.weekday} ${row.start}`;

/** Right-aligns the columns of `rows` (the first left-aligned). */
function align(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows
    .map((row) =>
      row
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

/** The summary and the per-interval table. */
export function staffingTable(plan: WeeklyStaffing, targets: StaffingTargets): string {
  const goal = [
    targets.serviceLevel === null ? undefined : `${pct(targets.serviceLevel)} within ${String(targets.within)} s`,
    targets.asa === null ? undefined : `ASA ≤ ${String(targets.asa)} s`,
  ]
    .filter((x) => x !== undefined)
    .join(" and ");
  const out: string[] = [
    `Staffing (${plan.model === "erlang-a" ? "Erlang A" : "Erlang C"}): ${goal}; shrinkage ${pct(targets.shrinkage)}, occupancy cap ${pct(targets.maxOccupancy)}`,
    `Contacts ${plan.firstDay} to ${plan.lastDay} (${String(plan.days)} days, ${plan.timeZone}), ${String(plan.arrivals)} arrivals; intervals of ${String(plan.intervalLength / 60)} min`,
    `Average handle time ${num(plan.averageHandleTime, 1)} s (${plan.averageHandleTimeSource})${plan.patience === undefined ? "" : `; mean patience ${num(plan.patience, 1)} s (${plan.patienceSource ?? ""})`}`,
  ];
  const c = plan.calls;
  if (c !== undefined) {
    out.push(
      `Calls: ${String(c.calls)} (served ${String(c.served)}, abandoned after queueing ${String(c.abandoned)}, abandoned before the queue ${String(c.abandonedBeforeQueue)}); offered ${String(c.offered)}, queued ${String(c.queued)}, clock skew tolerated ${String(c.skewed)}`,
      `Measured: ASA ${num(c.averageSpeedOfAnswer, 1)} s, abandonment ${pct(c.abandonmentRate)}, service level within ${String(c.targetAnswerTime)} s ${pct(c.serviceLevel)} of offered calls, ${pct(c.queuedServiceLevel)} of queued calls`,
    );
  }
  if (plan.observed !== undefined) {
    const o = plan.observed;
    out.push(
      `At the agents observed (${String(o.intervals)} intervals, ${num(o.agents, 1)} agents on average): predicted service level ${pct(o.predictedServiceLevel)}, measured ${pct(o.measuredServiceLevel)}`,
    );
  }
  out.push(`Peak ${String(plan.peakAgents)} agents; ${num(plan.scheduledAgentHoursPerWeek, 1)} scheduled agent-hours per week`, "");
  const header = ["interval", "arrivals", "AHT s", "A", "agents", "scheduled", "SL", "ASA s", "occupancy"];
  if (c !== undefined) header.push("measured SL", "abandoned", "agents seen", "SL at seen");
  const rows: string[][] = [header];
  for (const r of plan.intervals) {
    const row = [
      label(r),
      num(r.arrivals, 1),
      num(r.averageHandleTime, 0),
      num(r.trafficIntensity, 2),
      String(r.agents),
      String(r.scheduledAgents),
      pct(r.serviceLevel),
      num(r.averageSpeedOfAnswer, 1),
      pct(r.occupancy),
    ];
    if (c !== undefined) {
      row.push(
        pct(r.measured?.serviceLevel),
        pct(r.measured?.abandonmentRate),
        num(r.observed?.agents, 1),
        pct(r.observed?.predictedServiceLevel),
      );
    }
    rows.push(row);
  }
  out.push(align(rows));
  return `${out.join("\n")}\n`;
}

const CSV_HEADER = [
  "weekday",
  "start",
  "occurrences",
  "arrivals",
  "average_handle_time_s",
  "traffic_erlangs",
  "agents",
  "scheduled_agents",
  "service_level",
  "average_speed_of_answer_s",
  "occupancy",
  "probability_of_abandonment",
  "measured_offered",
  "measured_service_level",
  "measured_queued_service_level",
  "measured_average_speed_of_answer_s",
  "measured_abandonment_rate",
  "observed_agents",
  "observed_measured_service_level",
  "observed_predicted_service_level",
];

/** One CSV row per interval of the week; blank cells where there is no value. */
export function staffingCsv(plan: WeeklyStaffing): string {
  const lines = [csvLine(CSV_HEADER)];
  for (const r of plan.intervals) {
    const m = r.measured;
    const o = r.observed;
    lines.push(
      csvLine([
        r.weekday,
        r.start,
        r.occurrences,
        r.arrivals,
        r.averageHandleTime,
        r.trafficIntensity,
        r.agents,
        r.scheduledAgents,
        r.serviceLevel,
        r.averageSpeedOfAnswer,
        r.occupancy,
        r.probabilityOfAbandonment,
        m?.offered,
        m?.serviceLevel,
        m?.queuedServiceLevel,
        m?.averageSpeedOfAnswer,
        m?.abandonmentRate,
        o?.agents,
        o?.measuredServiceLevel,
        o?.predictedServiceLevel,
      ]),
    );
  }
  return lines.join("");
}

/** The staffingChart Vega-Lite spec, its x axis labelled with the weekday and time of each interval. */
export function staffingChartSpec(plan: WeeklyStaffing): ChartSpec {
  const spec = staffingChart(
    { intervals: plan.intervals.map((r, index) => ({ index, agents: r.agents, scheduledAgents: r.scheduledAgents })) },
    { title: `Staffing per interval of the week (${plan.model === "erlang-a" ? "Erlang A" : "Erlang C"}, ${plan.timeZone})` },
  );
  const names = new Map(plan.intervals.map((r, index) => [`#${String(index)}`, label(r)]));
  const encoding = spec["encoding"] as Record<string, Record<string, unknown>>;
  return {
    ...spec,
    data: { values: spec.data.values.map((v) => ({ ...v, interval: names.get(String(v["interval"])) ?? v["interval"] })) },
    encoding: { ...encoding, x: { ...encoding["x"], title: `Interval of the week (${plan.timeZone})` } },
  } as ChartSpec;
}
