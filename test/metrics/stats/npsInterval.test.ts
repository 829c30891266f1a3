import { describe, expect, it } from "vitest";
import { nps } from "../../../src/metrics/survey/index.ts";
import { npsInterval } from "../../../src/metrics/stats/index.ts";
import { codeOf } from "../../_support/errors.ts";
import { DUTCH } from "../../_support/sources.ts";
import { repeat } from "../../_support/survey.ts";

const ROCKS = "Rocks (2016), Interval Estimation for the Net Promoter Score, The American Statistician 70(4)";
const Z95 = 1.959963984540054; // R qnorm(0.975)

/** Naive reference: mean and population variance of the +1/0/−1 scores, written out. */
function naive(scores: readonly number[]): { nps: number; se: number } {
  const coded: number[] = scores.map((s) => (s >= 9 ? 1 : s >= 7 ? 0 : -1));
  const mean = coded.reduce((a, b) => a + b, 0) / coded.length;
  const variance = coded.reduce((a, b) => a + (b - mean) ** 2, 0) / coded.length;
  return { nps: 100 * mean, se: 100 * Math.sqrt(variance / coded.length) };
}

describe("npsInterval", () => {
  it(`gives NPS 10 ± 1.96·7 for 30 promoters, 50 passives, 20 detractors (${DUTCH}; variance p + d − (p − d)² = 0.49 as in ${ROCKS})`, () => {
    const r = npsInterval({ promoters: 30, passives: 50, detractors: 20 })!;
    expect(r.nps).toBe(10);
    expect(r.standardError).toBeCloseTo(7, 12);
    expect(r.lower).toBeCloseTo(10 - Z95 * 7, 10);
    expect(r.upper).toBeCloseTo(10 + Z95 * 7, 10);
    expect(r.n).toBe(100);
    expect(r.confidenceLevel).toBe(0.95);
    expect(r.method).toMatch(/Wald/);
  });

  it("agrees with the raw scores, with nps() and with the naive ±1/0 coding", () => {
    const scores = [...repeat(10, 15), ...repeat(9, 15), ...repeat(8, 25), ...repeat(7, 25), ...repeat(0, 10), ...repeat(6, 10)];
    const r = npsInterval(scores)!;
    const counts = npsInterval({ promoters: 30, passives: 50, detractors: 20 })!;
    expect(r).toEqual(counts);
    expect(r.nps).toBe(nps(scores));
    expect(r.standardError).toBeCloseTo(naive(scores).se, 12);
  });

  it("uses the exact normal quantile for other levels: 90 % → z = 1.6448536269514722 (R qnorm(0.95))", () => {
    const r = npsInterval({ promoters: 30, passives: 50, detractors: 20 }, { confidenceLevel: 0.9 })!;
    expect(r.upper - r.nps).toBeCloseTo(1.6448536269514722 * 7, 10);
  });

  it("clamps to [−100, 100]: 99 promoters and 1 detractor → NPS 98, upper 100 (documented clamp)", () => {
    const r = npsInterval({ promoters: 99, passives: 0, detractors: 1 })!;
    expect(r.nps).toBe(98);
    expect(98 + Z95 * r.standardError).toBeGreaterThan(100);
    expect(r.upper).toBe(100);
    expect(r.lower).toBeCloseTo(98 - Z95 * 100 * Math.sqrt((1 - 0.98 ** 2) / 100), 10);
  });

  it("collapses to the point when every answer is in one group (variance 0)", () => {
    expect(npsInterval([10, 9, 9])).toMatchObject({ nps: 100, standardError: 0, lower: 100, upper: 100 });
    expect(npsInterval([7, 8])).toMatchObject({ nps: 0, standardError: 0, lower: 0, upper: 0 });
  });

  it("returns undefined for no answers", () => {
    expect(npsInterval([])).toBeUndefined();
    expect(npsInterval({ promoters: 0, passives: 0, detractors: 0 })).toBeUndefined();
  });

  it("throws E_SCORE_RANGE for a score off the 0–10 scale", () => {
    expect(codeOf(() => npsInterval([10, 11]))).toBe("E_SCORE_RANGE npsInterval: scores must be integers from 0 to 10, got 11");
  });

  it("throws E_COUNT_RANGE for a negative or fractional count", () => {
    expect(codeOf(() => npsInterval({ promoters: -1, passives: 0, detractors: 0 }))).toBe(
      "E_COUNT_RANGE npsInterval: scores.promoters must be a non-negative integer, got -1",
    );
    expect(codeOf(() => npsInterval({ promoters: 1, passives: 0.5, detractors: 0 }))).toMatch(/^E_COUNT_RANGE /);
  });

  it.each([0, 1, 95, Number.NaN])("throws E_CONFIDENCE_LEVEL for %s", (level) => {
    expect(codeOf(() => npsInterval([9], { confidenceLevel: level }))).toBe(
      `E_CONFIDENCE_LEVEL npsInterval: confidenceLevel must be a number strictly between 0 and 1, got ${String(level)}`,
    );
  });
});
