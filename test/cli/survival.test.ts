/**
 * Kaplan–Meier in the command, on the example export: November 2026 holds 163 tickets, 40 of them
 * still open at --as-of (the data's default, 2026-11-20T12:21:17.001Z). The plain resolution median
 * is of the 123 solved only (11h 29m); the KM median counts the 40 open as censored (15h 20m 47s, shown rounded as 15h 21m).
 * Gates on the KM median pass and fail with exit 0 and 1, and a quantile the curve does not reach
 * is "no data (not reached…)", a failure, never a silent pass.
 */
import { describe, expect, it } from "vitest";
import { cli, DATA, json } from "./_run.ts";

const NOVEMBER = ["report", DATA.tickets, "--period", "2026-11-01..2026-12-01", "-q"];

describe("survival estimates in the command (examples/data, November)", () => {
  it("JSON: 40 of 163 tickets censored; the KM median is above the plain median of the solved ones", async () => {
    const r = await cli([...NOVEMBER, "--format", "json"]);
    expect(r.code).toBe(0);
    const { report } = json(r);
    expect(report.tickets).toBe(163);
    const km = report.time.resolutionSurvival;
    expect([km.counted, km.observed, km.censored]).toEqual([163, 123, 40]);
    expect(report.time.resolutionFinal.calendar.count).toBe(123);
    expect(report.time.resolutionFinal.calendar.median).toBe(41_352_000); // 11h 29m 12s
    expect(km.calendar.median.value).toBe(55_247_000); // 15h 20m 47s
    expect(km.calendar.median.lower).toBeLessThan(km.calendar.median.value);
    expect(km.calendar.median.upper).toBeGreaterThan(km.calendar.median.value);
    expect(report.skipped.resolutionSurvival).toEqual({
      finalSolveBeforeFirstSolve: 0,
      noSolveTime: 0,
      solvedBeforeCreated: 0,
      startedAfterAsOf: 0,
    });
  });

  it("table and Markdown show the censored count beside the plain times", async () => {
    for (const format of ["table", "markdown"]) {
      const r = await cli([...NOVEMBER, "--format", format]);
      expect(r.stdout, format).toMatch(
        /Resolution \(open counted, Kaplan–Meier\)\**\s*\|?\s*median 15h 21m \(95% CI [^)]+\), 40 open censored/,
      );
    }
  });

  it("CSV: the segment rows carry the KM median and the censored count", async () => {
    const r = await cli([...NOVEMBER, "--format", "csv"]);
    const [head, all] = r.stdout.split("\n");
    const cells = Object.fromEntries((head ?? "").split(",").map((k, i) => [k, (all ?? "").split(",")[i]]));
    expect([cells.resolution_km_median_ms, cells.resolution_km_censored]).toEqual(["55247000", "40"]);
  });

  it("gate resolution.km.median: exit 0 when it holds, 1 when it does not", async () => {
    const pass = await cli([...NOVEMBER, "--format", "json", "--gate", "resolution.km.median <= 16h"]);
    expect(pass.code).toBe(0);
    expect(json(pass).gates[0]).toMatchObject({
      status: "pass",
      actual: 55_247_000,
      path: "report.time.resolutionSurvival.calendar.median.value",
    });
    const fail = await cli([...NOVEMBER, "--format", "json", "--gate", "resolution.km.median <= 15h"]);
    expect(fail.code).toBe(1);
    expect(json(fail).gates[0]).toMatchObject({ status: "fail", actual: 55_247_000 });
    // The plain median of the solved tickets alone would have passed the same target.
    const plain = await cli([...NOVEMBER, "--format", "json", "--gate", "resolution.median <= 15h"]);
    expect(plain.code).toBe(0);
  });

  it("a KM quantile not reached is no data (not reached), exit 1, unless --allow-missing", async () => {
    const r = await cli([...NOVEMBER, "--format", "json", "--gate", "resolution.km.p95 <= 30d"]);
    expect(json(r).report.time.resolutionSurvival.calendar.percentiles.find((q: { p: number }) => q.p === 0.95).value).toBeNull();
    expect(r.code).toBe(1);
    expect(json(r).gates[0].status).toBe("missing");
    expect(r.stderr).toMatch(/resolution\.km\.p95 has no data \(not reached: /);
    const allowed = await cli([...NOVEMBER, "--format", "json", "--gate", "resolution.km.p95 <= 30d", "--allow-missing"]);
    expect(allowed.code).toBe(0);
  });

  it("segments get the estimate per segment (--by channel): censored counts add up to the period's", async () => {
    const r = await cli([...NOVEMBER, "--format", "json", "--by", "channel"]);
    const { report } = json(r);
    const segs = report.segments[0].segments as { time: { resolutionSurvival: { censored: number; counted: number } } }[];
    expect(segs.reduce((n, s) => n + s.time.resolutionSurvival.censored, 0)).toBe(40);
    expect(segs.reduce((n, s) => n + s.time.resolutionSurvival.counted, 0)).toBe(163);
  });
});
