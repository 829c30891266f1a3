import { describe, expect, it } from "vitest";
import { meanInterval } from "../../../src/metrics/stats/index.ts";
import { codeOf } from "../../_support/errors.ts";

describe("meanInterval", () => {
  it("reproduces R's t.test on Student's sleep data (paired differences): mean 1.58, 95 % CI 0.7001142–2.4598858 (R datasets::sleep; SciPy ttest_1samp agrees)", () => {
    const differences = [1.2, 2.4, 1.3, 1.3, 0.0, 1.0, 1.8, 0.8, 4.6, 1.4];
    const r = meanInterval(differences)!;
    expect(r.mean).toBeCloseTo(1.58, 14);
    expect(Math.abs(r.lower - 0.7001142367230174)).toBeLessThan(1e-9);
    expect(Math.abs(r.upper - 2.4598857632769824)).toBeLessThan(1e-9);
    expect(r.degreesOfFreedom).toBe(9);
    expect(r.n).toBe(10);
    expect(r.mean / r.standardError).toBeCloseTo(4.062127683382037, 9); // R: t = 4.0621
  });

  it("handles durations in milliseconds: 2, 3 and 4 minutes → 180 000 ± t(0.975, 2)·60 000/√3 (hand-computed, R qt(0.975, 2) = 4.302652729749462)", () => {
    const r = meanInterval([120_000, 180_000, 240_000])!;
    expect(r.mean).toBe(180_000);
    expect(r.standardDeviation).toBe(60_000);
    expect(Math.abs(r.criticalValue - 4.302652729749462)).toBeLessThan(1e-9);
    expect(r.upper - r.mean).toBeCloseTo((4.302652729749462 * 60_000) / Math.sqrt(3), 6);
    expect(r.method).toBe("Student t");
  });

  it("collapses to the mean when every value is equal", () => {
    expect(meanInterval([5, 5, 5])).toMatchObject({ mean: 5, lower: 5, upper: 5, standardDeviation: 0 });
  });

  it("returns undefined for fewer than two values", () => {
    expect(meanInterval([])).toBeUndefined();
    expect(meanInterval([42])).toBeUndefined();
  });

  it("throws E_NOT_FINITE", () => {
    expect(codeOf(() => meanInterval([1, Number.POSITIVE_INFINITY]))).toBe(
      "E_NOT_FINITE meanInterval: value must be a finite number, got Infinity",
    );
  });

  it("throws E_CONFIDENCE_LEVEL", () => {
    expect(codeOf(() => meanInterval([1, 2], { confidenceLevel: 1 }))).toMatch(/^E_CONFIDENCE_LEVEL meanInterval: /);
  });
});
