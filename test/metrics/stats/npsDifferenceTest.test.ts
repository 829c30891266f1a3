import { describe, expect, it } from "vitest";
import { npsDifferenceTest } from "../../../src/metrics/stats/index.ts";
import { codeOf } from "../../_support/errors.ts";

const ROCKS = "Rocks (2016), Interval Estimation for the Net Promoter Score, The American Statistician 70(4)";

describe("npsDifferenceTest", () => {
  it(`compares 30/50/20 with 20/50/30: difference 20, SE 100·√(0.49/100 + 0.49/100), p = 0.0433517512608626 (${ROCKS}; p from SciPy norm.sf)`, () => {
    const t = npsDifferenceTest({ promoters: 30, passives: 50, detractors: 20 }, { promoters: 20, passives: 50, detractors: 30 })!;
    expect(t.difference).toBe(20);
    expect(t.npsA).toBe(10);
    expect(t.npsB).toBe(-10);
    expect(t.standardError).toBeCloseTo(100 * Math.sqrt(0.0098), 10);
    expect(t.z).toBeCloseTo(20 / (100 * Math.sqrt(0.0098)), 10);
    expect(Math.abs(t.pValue - 0.04335175126086261)).toBeLessThan(1e-12);
    expect(t.lower).toBeCloseTo(20 - 1.959963984540054 * 100 * Math.sqrt(0.0098), 9);
    expect(t.nA).toBe(100);
    expect(t.nB).toBe(100);
    expect(t.method).toMatch(/unpooled/);
  });

  it("takes raw scores and counts alike", () => {
    const a = [10, 10, 9, 8, 7, 6, 0];
    const b = [9, 8, 8, 8, 6, 5, 5, 4];
    const counts = npsDifferenceTest({ promoters: 3, passives: 2, detractors: 2 }, { promoters: 1, passives: 3, detractors: 4 });
    expect(npsDifferenceTest(a, b)).toEqual(counts);
  });

  it("gives p = 1 for equal samples and z = 0", () => {
    const t = npsDifferenceTest([10, 0, 8], [10, 0, 8])!;
    expect(t.z).toBe(0);
    expect(t.pValue).toBe(1);
  });

  it("handles a zero standard error: equal → z 0, p 1; different → z ±∞, p 0", () => {
    expect(npsDifferenceTest([10], [9])).toMatchObject({ z: 0, pValue: 1, standardError: 0 });
    expect(npsDifferenceTest([10], [0])).toMatchObject({ difference: 200, z: Number.POSITIVE_INFINITY, pValue: 0 });
    expect(npsDifferenceTest([0], [10])).toMatchObject({ difference: -200, z: Number.NEGATIVE_INFINITY, pValue: 0 });
  });

  it("returns undefined when either sample is empty", () => {
    expect(npsDifferenceTest([], [9])).toBeUndefined();
    expect(npsDifferenceTest([9], { promoters: 0, passives: 0, detractors: 0 })).toBeUndefined();
  });

  it("throws E_SCORE_RANGE naming the sample", () => {
    expect(codeOf(() => npsDifferenceTest([9], [-1]))).toBe("E_SCORE_RANGE npsDifferenceTest: b must be integers from 0 to 10, got -1");
  });

  it("throws E_COUNT_RANGE for a bad count", () => {
    expect(codeOf(() => npsDifferenceTest({ promoters: 1, passives: 0, detractors: Number.NaN }, [9]))).toBe(
      "E_COUNT_RANGE npsDifferenceTest: a.detractors must be a non-negative integer, got NaN",
    );
  });

  it("throws E_CONFIDENCE_LEVEL", () => {
    expect(codeOf(() => npsDifferenceTest([9], [9], { confidenceLevel: 1 }))).toMatch(/^E_CONFIDENCE_LEVEL npsDifferenceTest: /);
  });
});
