import { describe, expect, test } from "vitest";
import { firstResponseChart, resolutionTimeChart } from "../../src/charts/index.ts";
import { MetricRangeError } from "../../src/_lib/errors.ts";
import { firstResponseTimes, summarizeDurations } from "../../src/metrics/time/index.ts";
import type { DurationSummaryWithIntervalJson } from "../../src/report/index.ts";
import { checkedSvg, markCount } from "./_render.ts";
import { exampleData, exampleReport } from "./_reports.ts";

const HOUR = 3_600_000;

describe("firstResponseChart and resolutionTimeChart", () => {
  test("first response by channel: median, p75, p90 per channel in hours, as in the report", async () => {
    const r = await exampleReport();
    const spec = firstResponseChart(r);
    const channels = r.segments[0]?.segments ?? [];
    const drawn = [r.time.firstResponse.calendar, ...channels.map((s) => s.time.firstResponse.calendar)].filter((s) => s !== null);
    expect(drawn.length).toBeGreaterThan(2);
    // percentiles [0.5, 0.75, 0.9]: 0.5 is drawn once, as the median.
    expect(spec.data.values).toHaveLength(3 * drawn.length);
    expect(spec.title).toBe("First response time by channel (hours)");
    const all = spec.data.values.filter((d) => d["segment"] === "All tickets");
    expect(all.map((d) => d["statistic"])).toEqual(["median", "p75", "p90"]);
    const summary = r.time.firstResponse.calendar as DurationSummaryWithIntervalJson;
    expect(all[0]?.["value"]).toBe(summary.median / HOUR);
    expect(all[2]?.["value"]).toBe((summary.p.find((q) => q.p === 0.9)?.value ?? -1) / HOUR);
    expect(all[0]?.["tickets"]).toBe(summary.count);
    const svg = await checkedSvg(spec, ["First response time (hours)", "Segment", "All tickets", "email"]);
    expect(markCount(svg, "symbol")).toBe(spec.data.values.length);
    expect(markCount(svg, "rule")).toBe(drawn.length);
  });

  test("minutes, business time, the second segmentation", async () => {
    const r = await exampleReport();
    const hours = resolutionTimeChart(r, { clock: "business", segmentation: 2 });
    const minutes = resolutionTimeChart(r, { clock: "business", segmentation: 2, unit: "minutes" });
    expect(minutes.title).toBe("Resolution time by channel × type (business minutes)");
    minutes.data.values.forEach((d, i) => expect(d["value"]).toBeCloseTo(Number(hours.data.values[i]?.["value"]) * 60, 9));
    const business = r.time.resolutionFinal.business as DurationSummaryWithIntervalJson;
    expect(hours.data.values[0]).toMatchObject({ segment: "All tickets", statistic: "median", value: business.median / HOUR });
    const svg = await checkedSvg(minutes, ["Resolution time (business minutes)"]);
    expect(markCount(svg, "symbol")).toBe(minutes.data.values.length);
  });

  test("from metric results: summarizeDurations per channel", async () => {
    const { tickets } = await exampleData();
    const rows = ["email", "chat", "phone"].map((channel) => ({
      label: channel,
      summary: summarizeDurations(firstResponseTimes(tickets.filter((t) => t.channel === channel)).values, { percentiles: [0.9] }),
    }));
    rows.push({ label: "fax", summary: undefined });
    const spec = firstResponseChart(rows, { unit: "minutes", title: "First response (minutes)" });
    expect(spec.data.values).toHaveLength(3 * 2);
    expect(spec.data.values.map((d) => d["segment"])).toEqual(["email", "email", "chat", "chat", "phone", "phone"]);
    const svg = await checkedSvg(spec, ["First response time (minutes)"]);
    expect(markCount(svg, "symbol")).toBe(6);
  });

  test("nothing measured anywhere: an empty chart; a report without segmentations: only All tickets", async () => {
    const empty = firstResponseChart([{ label: "none", summary: null }]);
    expect(empty.data.values).toEqual([]);
    await checkedSvg(empty);
    const r = await exampleReport({ asOf: new Date("2026-12-01T00:00:00Z"), timeZone: "Europe/Bucharest" });
    const spec = firstResponseChart(r);
    expect(new Set(spec.data.values.map((d) => d["segment"]))).toEqual(new Set(["All tickets"]));
    expect(spec.title).toBe("First response time (hours)");
    await checkedSvg(spec);
  });

  test("bad options are E_OPTION_VALUE naming the option", async () => {
    const r = await exampleReport();
    expect(() => firstResponseChart(r, { segmentation: 3 })).toThrow(
      new MetricRangeError(
        "E_OPTION_VALUE",
        "firstResponseChart: options.segmentation must be an index of report.segments (0 to 2), got 3",
      ),
    );
    expect(() => resolutionTimeChart(r, { unit: "days" as never })).toThrow(
      /resolutionTimeChart: options.unit must be "hours" or "minutes", got days/,
    );
    expect(() => resolutionTimeChart(r, { clock: "wall" as never })).toThrow(/options.clock/);
    expect(() => firstResponseChart(r, { width: 0 })).toThrow(/firstResponseChart: options.width must be a positive finite number, got 0/);
  });
});
