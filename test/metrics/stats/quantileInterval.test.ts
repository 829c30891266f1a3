import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { bootstrapQuantileInterval, quantileInterval } from "../../../src/metrics/stats/index.ts";
import { codeOf } from "../../_support/errors.ts";

// The distribution-free order-statistic interval for medians and percentiles (issue 11:
// intervals of durations must respect positivity; its bounds are data values).

describe("quantileInterval: known answers", () => {
  it("median of n = 10 at 95 %: ranks 2 and 9, coverage 0.978515625 (R: qbinom(0.025, 10, 0.5) = 2, qbinom(0.975, 10, 0.5) + 1 = 9, 1 - 2 * pbinom(1, 10, 0.5))", () => {
    const r = quantileInterval([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(r).toMatchObject({ estimate: 5.5, lower: 2, upper: 9, lowerRank: 2, upperRank: 9, coverage: 0.978515625, n: 10 });
    expect(r?.method).toBe("order statistics (binomial)");
  });

  it("90th percentile of n = 100 at 95 %: ranks 84 and 96 (R: qbinom(c(0.025, 0.975), 100, 0.9) = 84, 95)", () => {
    const r = quantileInterval(
      Array.from({ length: 100 }, (_, i) => i + 1),
      { probability: 0.9 },
    );
    expect([r?.lowerRank, r?.upperRank]).toEqual([84, 96]);
    // pbinom(95, 100, 0.9) - pbinom(83, 100, 0.9)
    expect(r?.coverage).toBeCloseTo(0.9556901071912224, 10);
  });

  it("n = 5 cannot reach 95 %: min to max, coverage 1 − 2/32 = 0.9375", () => {
    expect(quantileInterval([3, 1, 4, 1, 5])).toMatchObject({ lower: 1, upper: 5, coverage: 0.9375 });
  });

  it("an extreme quantile of few values is min to max too: p = 0.95 of two values at 90 % (the binomial ranks gave [x₍₂₎, x₍₂₎], coverage 0)", () => {
    // qbinom(0.05, 2, 0.95) = 2 and qbinom(0.95, 2, 0.95) + 1 = 3, clamped to 2: the rule's own
    // interval covers nothing; the widest covers P(1 ≤ B ≤ 1) = 2 · 0.95 · 0.05 = 0.095.
    const r = quantileInterval([10, 2], { probability: 0.95, confidenceLevel: 0.9 });
    expect(r).toMatchObject({ lower: 2, upper: 10, lowerRank: 1, upperRank: 2 });
    expect(r?.coverage).toBeCloseTo(0.095, 12);
  });

  it("no values → undefined; bad arguments throw", () => {
    expect(quantileInterval([])).toBeUndefined();
    expect(codeOf(() => quantileInterval([1], { probability: 1.5 }))).toMatch(/^E_FRACTION_RANGE quantileInterval: /);
    expect(codeOf(() => quantileInterval([Number.NaN]))).toMatch(/^E_NOT_FINITE quantileInterval: /);
    expect(codeOf(() => quantileInterval([1], { confidenceLevel: 1 }))).toMatch(/^E_CONFIDENCE_LEVEL quantileInterval: /);
  });

  it("values near ±1.8e308 give finite estimates (R-7 interpolation used to give NaN)", () => {
    expect(quantileInterval([-1.7e308, 1.7e308], { probability: 0 })?.estimate).toBe(-1.7e308);
    expect(quantileInterval([-1.7e308, 1.7e308])?.estimate).toBe(0);
    expect(bootstrapQuantileInterval([-1.7e308, 1.7e308], { probability: 0.3, resamples: 50 })?.estimate).toBeCloseTo(-0.68e308, -300);
  });
});

describe("quantileInterval: properties", () => {
  test.prop([
    fc.array(fc.double({ min: 0, max: 1e12, noNaN: true }), { minLength: 1, maxLength: 80 }),
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.double({ min: 0.5, max: 0.999, noNaN: true }),
  ])(
    "bounds are data values around the estimate, never below 0 for durations; coverage ≥ level unless clamped",
    (xs, probability, confidenceLevel) => {
      const r = quantileInterval(xs, { probability, confidenceLevel });
      expect(r).toBeDefined();
      const sorted = [...xs].sort((a, b) => a - b);
      expect(r?.lower).toBe(sorted[(r?.lowerRank ?? 0) - 1]);
      expect(r?.upper).toBe(sorted[(r?.upperRank ?? 0) - 1]);
      expect(r?.lower).toBeGreaterThanOrEqual(0);
      expect(r?.lower).toBeLessThanOrEqual(r?.upper ?? Number.NaN);
      const clamped = r?.lowerRank === 1 || r?.upperRank === xs.length;
      if (!clamped) expect(r?.coverage).toBeGreaterThanOrEqual(confidenceLevel - 1e-9);
    },
  );
});
