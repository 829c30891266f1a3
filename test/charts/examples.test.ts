/** The @example blocks of the chart functions, run. */
import { describe, expect, test } from "vitest";
import { peakHoursChart, retentionCurvesChart, retentionMatrixChart, volumeChart } from "../../src/charts/index.ts";
import { retentionMatrix } from "../../src/metrics/customers/index.ts";
import { peakHours, volumeByPeriod } from "../../src/metrics/volume/index.ts";
import { checkedSvg } from "./_render.ts";

describe("TSDoc examples", () => {
  test("volumeChart", async () => {
    const at = (d: number) => new Date(Date.UTC(2026, 2, d));
    const v = volumeByPeriod([{ id: "a", createdAt: at(1), status: "open" }], { from: at(1), to: at(3), timeZone: "UTC" });
    const spec = volumeChart(v);
    expect(spec.data.values.length).toBe(6);
    expect(spec.data.values[2]).toEqual({ bucket: "2026-03-01", series: "Backlog at bucket end", tickets: 1 });
    expect(spec.title).toBe("Ticket volume per day");
    await checkedSvg(spec);
  });

  test("peakHoursChart", async () => {
    const at = (d: number, h: number) => new Date(Date.UTC(2026, 2, d, h));
    const p = peakHours([{ id: "1", createdAt: at(2, 9), status: "new" }], { from: at(2, 0), to: at(9, 0), timeZone: "UTC" });
    const spec = peakHoursChart(p);
    expect(spec.data.values.length).toBe(168);
    expect(spec.data.values[9]).toEqual({ weekday: "Mon", hour: 9, average: 1, tickets: 1, occurrences: 1 });
    await checkedSvg(spec);
  });

  test("retentionMatrixChart and retentionCurvesChart", async () => {
    const m = retentionMatrix([
      { label: "2026-01", start: new Date("2026-01-01T00:00:00Z"), size: 2000, active: [1600, 1400] },
      { label: "2026-02", start: new Date("2026-02-01T00:00:00Z"), size: 1000, active: [700] },
    ]);
    if (m === undefined) throw new Error("no matrix");
    const matrix = retentionMatrixChart(m);
    expect(matrix.data.values.length).toBe(3);
    expect(matrix.data.values[1]).toEqual({ cohort: "2026-01", period: 2, retention: 0.7, active: 1400, size: 2000 });
    const curves = retentionCurvesChart(m);
    expect(curves.data.values.length).toBe(5);
    expect(curves.data.values[3]).toEqual({
      series: "Average (size-weighted)",
      kind: "average",
      period: 1,
      retention: 0.7666666666666667,
      customers: 3000,
    });
    await checkedSvg(matrix);
    await checkedSvg(curves);
  });
});
