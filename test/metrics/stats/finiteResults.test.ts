import { describe, expect, it } from "vitest";
import { compareGroups } from "../../../src/metrics/customers/index.ts";
import {
  meanInterval,
  npsInterval,
  npsSampleSizeForMargin,
  sampleSizeForMargin,
  twoProportionZTest,
  wilsonInterval,
} from "../../../src/metrics/stats/index.ts";
import { codeOf } from "../../_support/errors.ts";

// Issue 11, "Wrong numbers instead of errors": each of these returned NaN on eb175fb.

const LEVEL = 0.9999999999999999; // (1 + level) / 2 rounds to 1

function allFinite(value: unknown): boolean {
  if (typeof value === "number") return Number.isFinite(value);
  if (typeof value === "object" && value !== null) return Object.values(value).every(allFinite);
  return true;
}

describe("no NaN from the statistics", () => {
  it("a confidence level of 0.9999999999999999 gives finite critical values (z = 8.2924, R: qnorm(1 - 1.110223e-16 / 2))", () => {
    const w = wilsonInterval(15, 100, { confidenceLevel: LEVEL });
    expect(allFinite(w)).toBe(true);
    expect(w?.lower).toBeGreaterThan(0);
    const m = meanInterval([1, 2, 3, 5], { confidenceLevel: LEVEL });
    expect(allFinite(m)).toBe(true);
    // qt(1 - 2^-53 / 2, 3): upper tail 5.55e-17
    expect(m?.criticalValue).toBeGreaterThan(1e4);
    const n = npsInterval({ promoters: 10, passives: 5, detractors: 3 }, { confidenceLevel: LEVEL });
    expect(allFinite(n)).toBe(true);
    expect(sampleSizeForMargin(0.05, { confidenceLevel: LEVEL })).toBe(Math.ceil((8.292361075813595 ** 2 * 0.25) / 0.0025));
  });

  it("wilsonInterval(15, 1e308) is finite and brackets the estimate", () => {
    for (const continuityCorrection of [false, true]) {
      const w = wilsonInterval(15, 1e308, { continuityCorrection });
      expect(allFinite(w)).toBe(true);
      expect(w?.lower).toBeGreaterThan(0);
      expect(w?.lower).toBeLessThan(1.5e-307);
      expect(w?.upper).toBeGreaterThan(1.5e-307);
    }
    expect(wilsonInterval(5e307, 1e308)?.lower).toBeCloseTo(0.5, 12);
  });

  it("meanInterval near ±1e308 gives the mean or E_OVERFLOW, never NaN", () => {
    expect(meanInterval([1e308, 1e308])).toMatchObject({ mean: 1e308, standardDeviation: 0, lower: 1e308, upper: 1e308 });
    const big = meanInterval([1e308, 1.1e308, 1.05e308]);
    expect(big?.mean).toBeCloseTo(1.05e308, -300);
    expect(allFinite(big)).toBe(true);
    expect(codeOf(() => meanInterval([1e308, -1e308]))).toMatch(/^E_OVERFLOW meanInterval: the lower bound must be representable/);
  });

  it("compareGroups([1e308, -1e308, 1e308], [1, 2]) throws E_OVERFLOW (the variance is ~1.3e616)", () => {
    expect(codeOf(() => compareGroups([1e308, -1e308, 1e308], [1, 2]))).toMatch(/^E_OVERFLOW compareGroups: the variance /);
    expect(compareGroups([1e308, 1e308], [1, 2])).toMatchObject({ a: { mean: 1e308, variance: 0 }, difference: 1e308 });
    expect(codeOf(() => compareGroups([1e308], [5e-324]))).toMatch(/^E_OVERFLOW compareGroups: the relative difference /);
  });

  it("sampleSizeForMargin(5e-324) throws E_OVERFLOW; no spread still needs 1", () => {
    expect(codeOf(() => sampleSizeForMargin(5e-324))).toBe(
      "E_OVERFLOW sampleSizeForMargin: the sample size must be at most 9007199254740991 (a larger margin is needed), got Infinity",
    );
    expect(sampleSizeForMargin(5e-324, { proportion: 0 })).toBe(1);
    expect(codeOf(() => npsSampleSizeForMargin(5e-322))).toMatch(/^E_OVERFLOW npsSampleSizeForMargin: /);
  });

  it("twoProportionZTest with huge counts is finite", () => {
    expect(allFinite(twoProportionZTest({ successes: 1e307, trials: 1e308 }, { successes: 2e307, trials: 1e308 }))).toBe(true);
  });
});
