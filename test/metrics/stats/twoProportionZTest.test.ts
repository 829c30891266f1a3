import { describe, expect, it } from "vitest";
import { twoProportionZTest } from "../../../src/metrics/stats/index.ts";
import { codeOf } from "../../_support/errors.ts";

/** Naive reference: Pearson's chi-squared statistic of the 2×2 table (no continuity correction). */
function chiSquared(xa: number, na: number, xb: number, nb: number): number {
  const table = [
    [xa, na - xa],
    [xb, nb - xb],
  ];
  const total = na + nb;
  const cols = [xa + xb, total - xa - xb];
  const rows = [na, nb];
  let x2 = 0;
  for (let i = 0; i < 2; i++) {
    for (let j = 0; j < 2; j++) {
      const expected = (rows[i]! * cols[j]!) / total;
      x2 += (table[i]![j]! - expected) ** 2 / expected;
    }
  }
  return x2;
}

describe("twoProportionZTest", () => {
  it("45/100 vs 30/100: z² = χ² = 4.8, p = 0.028459736916310638 (SciPy chi2_contingency(correction=False); equals R prop.test(correct = FALSE))", () => {
    const t = twoProportionZTest({ successes: 45, trials: 100 }, { successes: 30, trials: 100 })!;
    expect(t.z * t.z).toBeCloseTo(4.8, 12);
    expect(t.z * t.z).toBeCloseTo(chiSquared(45, 100, 30, 100), 12);
    expect(Math.abs(t.pValue - 0.028459736916310638)).toBeLessThan(1e-13);
    expect(t.pooled).toBe(0.375);
    expect(t.difference).toBeCloseTo(0.15, 15);
    expect(t.method).toMatch(/pooled/);
  });

  it("agrees with the naive χ² on uneven groups", () => {
    for (const [xa, na, xb, nb] of [
      [12, 40, 30, 55],
      [1, 3, 250, 260],
      [0, 10, 4, 9],
    ] as const) {
      const t = twoProportionZTest({ successes: xa, trials: na }, { successes: xb, trials: nb })!;
      expect(t.z * t.z).toBeCloseTo(chiSquared(xa, na, xb, nb), 10);
      expect(Math.sign(t.z)).toBe(Math.sign(xa / na - xb / nb));
    }
  });

  it("gives z = 0 and p = 1 when the pooled standard error is 0", () => {
    expect(twoProportionZTest({ successes: 5, trials: 5 }, { successes: 3, trials: 3 })).toMatchObject({
      z: 0,
      pValue: 1,
      standardError: 0,
    });
    expect(twoProportionZTest({ successes: 0, trials: 5 }, { successes: 0, trials: 3 })).toMatchObject({ z: 0, pValue: 1 });
  });

  it("returns undefined when a group has no trials", () => {
    expect(twoProportionZTest({ successes: 0, trials: 0 }, { successes: 1, trials: 3 })).toBeUndefined();
  });

  it("throws E_COUNT_RANGE", () => {
    expect(codeOf(() => twoProportionZTest({ successes: 1, trials: 3 }, { successes: -2, trials: 3 }))).toBe(
      "E_COUNT_RANGE twoProportionZTest: b.successes must be a non-negative integer, got -2",
    );
  });

  it("throws E_SUCCESSES_EXCEED_TRIALS", () => {
    expect(codeOf(() => twoProportionZTest({ successes: 4, trials: 3 }, { successes: 1, trials: 3 }))).toBe(
      "E_SUCCESSES_EXCEED_TRIALS twoProportionZTest: a.successes must not exceed a.trials, got 4 of 3",
    );
  });
});
