import { describe, expect, test } from "vitest";
import { slaComplianceChart, type SlaChartPeriod } from "../../src/charts/index.ts";
import { MetricRangeError } from "../../src/_lib/errors.ts";
import { slaCompliance } from "../../src/metrics/sla/index.ts";
import { report } from "../../src/report/index.ts";
import { checkedSvg, markCount } from "./_render.ts";
import { exampleData, exampleReport, OPTIONS, POLICY } from "./_reports.ts";

const ASOF = new Date("2026-12-01T00:00:00Z");
const DAY = 86_400_000;
/** Five weeks from Thursday 2026-10-01 (UTC). */
const WEEKS = Array.from({ length: 5 }, (_, k) => {
  const from = new Date(Date.UTC(2026, 9, 1) + 7 * k * DAY);
  return { label: `from ${from.toISOString().slice(0, 10)}`, from, to: new Date(from.getTime() + 7 * DAY) };
});

describe("slaComplianceChart", () => {
  test("slaCompliance per week (computed by the caller): one point per week, no interval", async () => {
    const { tickets } = await exampleData();
    const periods: SlaChartPeriod[] = WEEKS.map((w) => ({
      period: w.label,
      sla: slaCompliance(
        tickets.filter((t) => t.createdAt >= w.from && t.createdAt < w.to),
        { policy: POLICY, asOf: ASOF },
      ),
    }));
    const spec = slaComplianceChart(periods, { target: 0.9 });
    expect(spec.data.values).toHaveLength(WEEKS.length);
    expect(spec.data.values.map((d) => d["compliance"])).toEqual(periods.map((p) => p.sla?.compliance));
    expect(spec.data.values.every((d) => d["lower"] === null && d["upper"] === null)).toBe(true);
    const svg = await checkedSvg(spec, ["Compliance (%)", "Period", "from 2026-10-01"]);
    expect(markCount(svg, "symbol")).toBe(WEEKS.length);
    // The target rule; no interval whiskers.
    expect(markCount(svg, "rule")).toBe(1);
    expect(spec.description).toContain("target of 90 %");
  });

  test("a report per week: Wilson whiskers, and byMetric draws three lines", async () => {
    const { tickets } = await exampleData();
    const periods = WEEKS.map((w) => ({
      period: w.label,
      sla: report({ tickets }, { ...OPTIONS, segments: [], period: w, asOf: ASOF }).sla,
    }));
    const spec = slaComplianceChart(periods);
    expect(spec.data.values).toHaveLength(WEEKS.length);
    expect(spec.data.values[0]).toMatchObject({ lower: periods[0]?.sla?.interval?.lower, upper: periods[0]?.sla?.interval?.upper });
    let svg = await checkedSvg(spec);
    expect(markCount(svg, "rule")).toBe(WEEKS.length);
    const byMetric = slaComplianceChart(periods, { byMetric: true, title: "SLA compliance by metric (%)" });
    const decided = periods.flatMap((p) =>
      [p.sla?.byMetric.firstResponse, p.sla?.byMetric.nextResponse, p.sla?.byMetric.resolution].filter((t) => t?.compliance != null),
    );
    expect(byMetric.data.values).toHaveLength(decided.length);
    expect(new Set(byMetric.data.values.map((d) => d["series"]))).toEqual(new Set(["First response", "Next response", "Resolution"]));
    svg = await checkedSvg(byMetric, ["First response", "Resolution"]);
    expect(markCount(svg, "symbol")).toBe(decided.length);
  });

  test("nothing decided leaves a gap; an empty list is an empty chart", async () => {
    const undecided = {
      compliance: undefined,
      achieved: 0,
      breached: 0,
      byMetric: {
        firstResponse: { compliance: undefined, achieved: 0, breached: 0 },
        nextResponse: { compliance: undefined, achieved: 0, breached: 0 },
        resolution: { compliance: undefined, achieved: 0, breached: 0 },
      },
    };
    const spec = slaComplianceChart([
      { period: "a", sla: { ...undecided, compliance: 0.5, achieved: 1, breached: 1 } },
      { period: "b", sla: undecided },
    ]);
    expect(spec.data.values.map((d) => d["period"])).toEqual(["a"]);
    await checkedSvg(spec);
    const empty = slaComplianceChart([]);
    expect(empty.data.values).toEqual([]);
    await checkedSvg(empty);
  });

  test("a report without an SLA policy is E_CHART_DATA naming the entry; bad numbers and options", async () => {
    const r = await exampleReport({ ...OPTIONS, slaPolicy: undefined });
    expect(() => slaComplianceChart([{ period: "Oct", sla: r.sla }])).toThrow(
      new MetricRangeError("E_CHART_DATA", "slaComplianceChart: periods[0].sla must be present, got null"),
    );
    const bad = {
      compliance: 1.5,
      achieved: 3,
      breached: 0,
      byMetric: {
        firstResponse: { compliance: 1, achieved: 3, breached: 0 },
        nextResponse: { compliance: 1, achieved: 3, breached: 0 },
        resolution: { compliance: 1, achieved: 3, breached: 0 },
      },
    };
    expect(() => slaComplianceChart([{ period: "x", sla: bad }])).toThrow(expect.objectContaining({ code: "E_FRACTION_RANGE" }));
    expect(() => slaComplianceChart([{ period: "x", sla: { ...bad, compliance: Number.NaN } }])).toThrow(
      expect.objectContaining({ code: "E_NOT_FINITE" }),
    );
    expect(() => slaComplianceChart([], { target: 90 })).toThrow("slaComplianceChart: options.target must be from 0 to 1, got 90");
    expect(() => slaComplianceChart([], { byMetric: "yes" as never })).toThrow(expect.objectContaining({ code: "E_OPTION_VALUE" }));
  });
});
