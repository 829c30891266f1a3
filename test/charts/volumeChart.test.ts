import { describe, expect, test } from "vitest";
import { volumeChart } from "../../src/charts/index.ts";
import { MetricRangeError } from "../../src/_lib/errors.ts";
import { volumeByPeriod } from "../../src/metrics/volume/index.ts";
import { report } from "../../src/report/index.ts";
import { checkedSvg, markCount } from "./_render.ts";
import { exampleData, exampleReport, OCTOBER, OPTIONS } from "./_reports.ts";

describe("volumeChart", () => {
  test("a report's daily volume: three rows and three points per bucket, counts as in the report", async () => {
    const r = await exampleReport();
    const buckets = r.volume?.buckets ?? [];
    expect(buckets.length).toBe(31);
    const spec = volumeChart(r);
    expect(spec.data.values).toHaveLength(3 * buckets.length);
    const of = (series: string) => spec.data.values.filter((d) => d["series"] === series).map((d) => d["tickets"]);
    expect(of("Created")).toEqual(buckets.map((b) => b.created));
    expect(of("Resolved")).toEqual(buckets.map((b) => b.resolved));
    expect(of("Backlog at bucket end")).toEqual(buckets.map((b) => b.backlog));
    expect(spec.data.values.map((d) => d["bucket"]).slice(0, 3)).toEqual(["2026-10-01", "2026-10-01", "2026-10-01"]);
    expect(spec.title).toBe("Ticket volume per day");
    const svg = await checkedSvg(spec, ["Day (report time zone)", "Tickets", "2026-10-31"]);
    expect(markCount(svg, "symbol")).toBe(3 * buckets.length);
    expect(markCount(svg, "line")).toBe(3);
  });

  test("from volumeByPeriod directly: the same rows as from the report", async () => {
    const { tickets } = await exampleData();
    const result = volumeByPeriod(tickets, { ...OCTOBER, timeZone: "Europe/Bucharest", unit: "day" });
    const fromMetric = volumeChart(result);
    expect(fromMetric.data.values).toEqual(volumeChart(await exampleReport()).data.values);
    await checkedSvg(fromMetric);
  });

  test("weekly buckets and the options: title, width, height", async () => {
    const r = await exampleReport({ ...OPTIONS, bucket: "week" });
    const spec = volumeChart(r.volume ?? { unit: "week", buckets: [] }, { title: "Weekly volume (tickets)", width: 300, height: 200 });
    expect(spec).toMatchObject({ title: "Weekly volume (tickets)", width: 300, height: 200 });
    expect(spec.data.values).toHaveLength(3 * (r.volume?.buckets.length ?? 0));
    await checkedSvg(spec, ["Week (report time zone)"]);
  });

  test("no buckets (from = to): a valid, empty chart", async () => {
    const at = new Date("2026-10-01T00:00:00Z");
    const spec = volumeChart(volumeByPeriod([], { from: at, to: at, timeZone: "UTC" }));
    expect(spec.data.values).toEqual([]);
    const svg = await checkedSvg(spec);
    expect(markCount(svg, "symbol")).toBe(0);
  });

  test("a report without volume is E_CHART_DATA naming report.volume", () => {
    const r = report({ tickets: [] }, { asOf: new Date("2026-10-01T00:00:00Z"), timeZone: "UTC" });
    expect(r.volume).toBeNull();
    expect(() => volumeChart(r)).toThrow(MetricRangeError);
    expect(() => volumeChart(r)).toThrow("volumeChart: report.volume must be present, got null");
  });
});
