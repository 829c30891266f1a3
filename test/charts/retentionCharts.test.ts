import { describe, expect, test } from "vitest";
import { retentionCurvesChart, retentionMatrixChart } from "../../src/charts/index.ts";
import { MetricRangeError } from "../../src/_lib/errors.ts";
import { retentionMatrix } from "../../src/metrics/customers/index.ts";
import { checkedSvg, markCount } from "./_render.ts";
import { exampleData, exampleReport, OPTIONS } from "./_reports.ts";

describe("retentionMatrixChart and retentionCurvesChart", () => {
  test("the matrix of the example cohorts: one cell per cohort and period observed, fractions as in the report", async () => {
    const r = await exampleReport();
    const rows = r.customers?.rows ?? [];
    expect(rows).toHaveLength(10);
    const cells = rows.reduce((a, row) => a + row.fractions.filter((f) => f !== null).length, 0);
    const spec = retentionMatrixChart(r);
    expect(spec.data.values).toHaveLength(cells);
    expect(spec.data.values[0]).toEqual({ cohort: "2026-01", period: 1, retention: 229 / 287, active: 229, size: 287 });
    const svg = await checkedSvg(spec, ["Periods since start", "Cohort", "2026-01", "80%"]);
    expect(markCount(svg, "rect")).toBe(cells);
    expect(markCount(svg, "text")).toBe(cells);
  });

  test("from retentionMatrix directly: the same rows as from the report", async () => {
    const { cohorts } = await exampleData();
    const m = retentionMatrix(cohorts);
    if (m === undefined) throw new Error("no cohorts");
    const r = await exampleReport();
    expect(retentionMatrixChart(m).data.values).toEqual(retentionMatrixChart(r).data.values);
    expect(retentionCurvesChart(m).data.values).toEqual(retentionCurvesChart(r).data.values);
  });

  test("curves: one line per cohort and the size-weighted average", async () => {
    const r = await exampleReport();
    const spec = retentionCurvesChart(r);
    const rows = r.customers?.rows ?? [];
    const curve = r.customers?.curve ?? [];
    const points = rows.reduce((a, row) => a + row.fractions.filter((f) => f !== null).length, 0);
    const average = spec.data.values.filter((d) => d["kind"] === "average");
    expect(average.map((d) => d["retention"])).toEqual(curve.map((p) => p.retention));
    expect(spec.data.values).toHaveLength(points + curve.length);
    const svg = await checkedSvg(spec, ["Retention (% of cohort)", "Periods since start", "2026-10"]);
    expect(markCount(svg, "line")).toBe(rows.filter((row) => row.fractions.length > 0).length + 1);
    expect(markCount(svg, "symbol")).toBe(points + curve.length);
  });

  test("a cohort of size 0 has no cells; no cohorts at all is E_CHART_DATA naming report.customers", async () => {
    const m = retentionMatrix([
      { label: "empty", start: new Date("2026-01-01T00:00:00Z"), size: 0, active: [0, 0] },
      { label: "small", start: new Date("2026-02-01T00:00:00Z"), size: 4, active: [2] },
    ]);
    if (m === undefined) throw new Error("no cohorts");
    const matrix = retentionMatrixChart(m);
    expect(matrix.data.values).toEqual([{ cohort: "small", period: 1, retention: 0.5, active: 2, size: 4 }]);
    await checkedSvg(matrix);
    await checkedSvg(retentionCurvesChart(m));
    const { tickets } = await exampleData();
    const { report } = await import("../../src/report/index.ts");
    const r = report({ tickets }, OPTIONS);
    for (const chart of [retentionMatrixChart, retentionCurvesChart]) {
      expect(() => chart(r)).toThrow(MetricRangeError);
      expect(() => chart(r)).toThrow(`${chart.name}: report.customers must be present, got null`);
    }
    expect(() => retentionMatrixChart({ rows: [{ label: "x", size: 2, counts: [3], fractions: [1.5] }], curve: [] })).toThrow(
      expect.objectContaining({ code: "E_FRACTION_RANGE" }),
    );
  });
});
