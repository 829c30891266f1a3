/**
 * quantileChange: the difference of two medians or percentiles from their order-statistic
 * intervals (Price & Bonett 2002's construction with McKean–Schrader standard errors), its
 * known answer, its checks, and its error rate under no change by seeded simulation, the rate
 * the regression gates document (docs/guide/cli.md, "Regression gates").
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { createRandom } from "../../../src/_lib/random.ts";
import { storeAdd, valueStore } from "../../../src/_lib/quantileStore.ts";
import { valueSummary, type ValueSummary } from "../../../src/_lib/valueSummary.ts";
import { quantileChange, quantileInterval, type QuantileEstimate } from "../../../src/metrics/stats/index.ts";
import { codeOf } from "../../_support/errors.ts";

describe("quantileChange: known answer", () => {
  it("two medians one hour apart with 95 % intervals ± 10 min", () => {
    // se = 1,200,000 / (2 · 1.959964) = 306,131.1 each; SE = √2 · 306,131.1 = 432,930.47;
    // z = 1,800,000 / 432,930.47 = 4.157712; R: pnorm(-4.157712) = 1.607258e-05.
    const before = { value: 3_600_000, lower: 3_000_000, upper: 4_200_000, coverage: 0.95 };
    const after = { value: 5_400_000, lower: 4_800_000, upper: 6_000_000, coverage: 0.95 };
    const c = quantileChange(before, after);
    expect(c?.difference).toBe(1_800_000);
    expect(c?.ratio).toBe(1.5);
    expect(c?.standardError).toBeCloseTo(432_930.47, 1);
    expect(c?.pValue).toBeCloseTo(1.607258e-5, 10);
    expect(c?.lower).toBeCloseTo(1_800_000 - 1.959964 * 432_930.47, -1);
    expect(c?.method).toBe("difference of order-statistic quantiles (Price & Bonett 2002)");
  });

  it("no spread to judge from: undefined for a single value; a zero standard error decides by the sign", () => {
    const one = { value: 5, lower: 5, upper: 5, coverage: 0 };
    expect(quantileChange(one, { value: 9, lower: 1, upper: 10, coverage: 0.95 })).toBeUndefined();
    const flat = (v: number) => ({ value: v, lower: v, upper: v, coverage: 0.96 });
    expect(quantileChange(flat(5), flat(6))?.pValue).toBe(0);
    expect(quantileChange(flat(5), flat(5))?.pValue).toBe(1);
    expect(quantileChange(flat(0), flat(5))?.ratio).toBeUndefined();
  });

  it("bad estimates and levels throw, naming the argument", () => {
    const ok = { value: 5, lower: 4, upper: 6, coverage: 0.95 };
    expect(codeOf(() => quantileChange({ ...ok, value: Number.NaN }, ok))).toMatch(/^E_NOT_FINITE quantileChange: baseline.value /);
    expect(codeOf(() => quantileChange(ok, { ...ok, lower: 7 }))).toMatch(
      /^E_VALUE_RANGE quantileChange: current must have lower ≤ value ≤ upper/,
    );
    expect(codeOf(() => quantileChange(ok, { ...ok, coverage: 1.5 }))).toMatch(/^E_VALUE_RANGE quantileChange: current.coverage /);
    expect(codeOf(() => quantileChange(ok, ok, { confidenceLevel: 1 }))).toMatch(/^E_CONFIDENCE_LEVEL /);
  });
});

const estimate = fc
  .tuple(
    fc.double({ min: 0, max: 1e9, noNaN: true }),
    fc.double({ min: 0, max: 1e6, noNaN: true }),
    fc.double({ min: 0, max: 1e6, noNaN: true }),
    fc.double({ min: 0.5, max: 0.999, noNaN: true }),
  )
  .map(([value, below, above, coverage]): QuantileEstimate => ({
    value,
    lower: Math.max(0, value - below),
    upper: value + above,
    coverage,
  }));

describe("quantileChange: properties", () => {
  test.prop([estimate, estimate])("swapping the samples negates the difference and mirrors the p-value", (a, b) => {
    const ab = quantileChange(a, b);
    const ba = quantileChange(b, a);
    expect(ab?.difference).toBe(-(ba?.difference ?? Number.NaN) || 0);
    if (ab !== undefined && ab.standardError > 0) expect(ab.pValue + (ba?.pValue ?? 0)).toBeCloseTo(1, 12);
    if (ab !== undefined) expect(ab.lower <= ab.difference && ab.difference <= ab.upper).toBe(true);
  });
});

/** A report-like summary of `n` lognormal durations (median e^mu minutes). */
function summary(random: () => number, n: number, mu: number, level: number): ValueSummary {
  const s = valueStore("exact");
  for (let i = 0; i < n; i++) {
    const u1 = random() || 1e-12;
    const normal = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * random());
    storeAdd(s, Math.exp(mu + normal) * 60_000);
  }
  return valueSummary(s, [0.9], level) as ValueSummary;
}

const median = (s: ValueSummary): QuantileEstimate => ({ value: s.median, ...s.medianInterval });
const p90 = (s: ValueSummary): QuantileEstimate => ({ value: s.p[0]!.value, ...s.p[0]!.interval });

describe("quantileChange as a gate: error rates by seeded simulation", () => {
  const R = 1500;
  const rate = (pick: (s: ValueSummary) => QuantileEstimate, n: number, shift: number, level: number, worse: number, seed: number) => {
    const random = createRandom(seed);
    let fails = 0;
    for (let r = 0; r < R; r++) {
      const c = quantileChange(pick(summary(random, n, 3, level)), pick(summary(random, n, 3 + shift, level)), { confidenceLevel: level });
      if (c !== undefined && c.lower > 0 && c.current > c.baseline * (1 + worse)) fails++;
    }
    return fails / R;
  };
  const bound = (alpha: number) => alpha + 3 * Math.sqrt((alpha * (1 - alpha)) / R);

  for (const [name, pick, n] of [
    ["median", median, 100],
    ["median", median, 30],
    ["p90", p90, 200],
  ] as const) {
    it(`no change (${name}, n = ${String(n)}): fails at most (1 − level)/2 of the runs, plus noise`, () => {
      expect(rate(pick, n, 0, 0.95, 0, 11 + n)).toBeLessThanOrEqual(bound(0.025));
      expect(rate(pick, n, 0, 0.99, 0, 12 + n)).toBeLessThanOrEqual(bound(0.005));
      expect(rate(pick, n, 0, 0.95, 0.1, 13 + n)).toBeLessThanOrEqual(bound(0.025));
    });
  }

  it("a real worsening (median × 2, n = 100; × 1.5, n = 300) is caught in most runs", () => {
    expect(rate(median, 100, Math.log(2), 0.95, 0.1, 5)).toBeGreaterThan(0.9);
    expect(rate(median, 300, Math.log(1.5), 0.95, 0.1, 6)).toBeGreaterThan(0.9);
  });

  it("the same estimates as quantileInterval", () => {
    const values = Array.from({ length: 50 }, (_, i) => (i * 37) % 101);
    const q = quantileInterval(values);
    const s = valueStore("exact");
    for (const v of values) storeAdd(s, v);
    const vs = valueSummary(s, [], 0.95) as ValueSummary;
    expect(median(vs)).toMatchObject({ value: q?.estimate, lower: q?.lower, upper: q?.upper, coverage: q?.coverage });
  });
});
