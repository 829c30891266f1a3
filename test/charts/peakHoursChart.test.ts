import { describe, expect, test } from "vitest";
import { peakHoursChart } from "../../src/charts/index.ts";
import { MetricRangeError } from "../../src/_lib/errors.ts";
import { peakHours } from "../../src/metrics/volume/index.ts";
import { report } from "../../src/report/index.ts";
import { checkedSvg, markCount } from "./_render.ts";
import { exampleData, exampleReport } from "./_reports.ts";

describe("peakHoursChart", () => {
  test("a report's heatmap over October: one cell per weekday and hour, averages as in the report", async () => {
    const r = await exampleReport();
    const spec = peakHoursChart(r);
    expect(spec.data.values).toHaveLength(7 * 24);
    const monday9 = spec.data.values.find((d) => d["weekday"] === "Mon" && d["hour"] === 9);
    expect(monday9?.["average"]).toBe(r.peaks?.cells[0]?.[9]?.average);
    expect(monday9?.["tickets"]).toBe(r.peaks?.cells[0]?.[9]?.sum);
    expect(spec.data.values.reduce((a, d) => a + Number(d["tickets"]), 0)).toBe(r.peaks?.total);
    const svg = await checkedSvg(spec, ["Hour of day (local)", "Weekday", "Tickets per hour", "Mon", "Sun"]);
    expect(markCount(svg, "rect")).toBe(7 * 24);
  });

  test("from peakHours over one Thursday: only that day's 24 cells (the others never occurred)", async () => {
    const { tickets } = await exampleData();
    const result = peakHours(tickets, { from: new Date("2026-10-01T00:00:00Z"), to: new Date("2026-10-02T00:00:00Z"), timeZone: "UTC" });
    const spec = peakHoursChart(result, { height: 100 });
    expect(spec.data.values).toHaveLength(24);
    expect(new Set(spec.data.values.map((d) => d["weekday"]))).toEqual(new Set(["Thu"]));
    const svg = await checkedSvg(spec);
    expect(markCount(svg, "rect")).toBe(24);
  });

  test("a report without peaks is E_CHART_DATA naming report.peaks", () => {
    const r = report({ tickets: [] }, { asOf: new Date("2026-10-01T00:00:00Z"), timeZone: "UTC" });
    expect(() => peakHoursChart(r)).toThrow(new MetricRangeError("E_CHART_DATA", "peakHoursChart: report.peaks must be present, got null"));
  });
});
