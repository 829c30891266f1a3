import { describe, expect, it } from "vitest";
import { customerLifetimeValue } from "../../src/metrics/customers/index.ts";
import { erlangA } from "../../src/metrics/staffing/index.ts";
import { bootstrapQuantileInterval, npsInterval, twoProportionZTest } from "../../src/metrics/stats/index.ts";
import { summarizeDurations } from "../../src/metrics/time/index.ts";
import { codeOf } from "../_support/errors.ts";

// Shrunk counterexamples of test/metrics/noNaN.prop.test.ts: each returned NaN on eb175fb.

describe("counterexamples found by the no-NaN properties", () => {
  it("customerLifetimeValue with churnRate 5e-324 (lifetime 1/churn = ∞, value 0·∞ = NaN) throws E_OVERFLOW", () => {
    expect(codeOf(() => customerLifetimeValue({ averageOrderValue: 0, purchaseFrequency: 0, churnRate: 5e-324 }))).toMatch(
      /^E_OVERFLOW customerLifetimeValue: expectedLifetime \(1 \/ churnRate\) must be representable/,
    );
    expect(codeOf(() => customerLifetimeValue({ averageOrderValue: 1e300, purchaseFrequency: 1e300, expectedLifetime: 1 }))).toMatch(
      /^E_OVERFLOW customerLifetimeValue: value /,
    );
  });

  it("summarizeDurations([MAX, MAX]) (total ∞, mean NaN) throws E_OVERFLOW", () => {
    expect(codeOf(() => summarizeDurations([Number.MAX_VALUE, Number.MAX_VALUE]))).toMatch(/^E_OVERFLOW summarizeDurations: the total /);
  });

  it("npsInterval with counts adding up past 1.8e308 throws E_OVERFLOW", () => {
    expect(codeOf(() => npsInterval({ promoters: Number.MAX_VALUE, passives: 0, detractors: 1e300 }))).toMatch(/^E_OVERFLOW npsInterval: /);
  });

  it("twoProportionZTest with 1e308 trials each is finite (pooled was ∞/∞)", () => {
    const r = twoProportionZTest({ successes: 1e308, trials: 1e308 }, { successes: 0, trials: 1e308 });
    expect(r?.pooled).toBe(0.5);
    expect(Number.isFinite(r?.pValue)).toBe(true);
  });

  it("bootstrapQuantileInterval([1e308, −MAX]) at p = 0 is finite (0·∞ in the interpolation)", () => {
    const r = bootstrapQuantileInterval([1e308, -Number.MAX_VALUE], { probability: 0, confidenceLevel: 0.9999999999999999, resamples: 20 });
    expect(Number.isFinite(r?.upper)).toBe(true);
    expect(Number.isFinite(r?.lower)).toBe(true);
  });

  it("erlangA with patience 1e12 × AHT or more throws E_PATIENCE_RANGE (θ/μ underflowed)", () => {
    expect(codeOf(() => erlangA(2, { arrivals: 1, averageHandleTime: 1, intervalLength: 1800, patience: 9e307 }))).toBe(
      "E_PATIENCE_RANGE erlangA: patience must be at most 1e12 times averageHandleTime, got 9e+307 s with averageHandleTime 1 s",
    );
  });
});
