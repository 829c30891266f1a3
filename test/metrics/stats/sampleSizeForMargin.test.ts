import { describe, expect, it } from "vitest";
import { npsInterval, npsSampleSizeForMargin, sampleSizeForMargin, wilsonInterval } from "../../../src/metrics/stats/index.ts";
import { codeOf } from "../../_support/errors.ts";

describe("sampleSizeForMargin", () => {
  // The survey-planning table values: n = z²·0.25/E² (e.g. Wikipedia "Margin of error": ±5 % at 95 % needs ~385 answers).
  it.each([
    [0.05, 0.95, 385],
    [0.03, 0.95, 1068],
    [0.02, 0.95, 2401],
    [0.01, 0.95, 9604],
    [0.05, 0.99, 664],
  ])("±%s at %s needs %s answers (worst case p = 0.5; Wikipedia 'Margin of error')", (margin, confidenceLevel, n) => {
    expect(sampleSizeForMargin(margin, { confidenceLevel })).toBe(n);
  });

  it("needs fewer answers for an expected proportion away from ½: p = 0.2, ±5 % → 246 (z²·0.16/0.0025 = 245.85)", () => {
    expect(sampleSizeForMargin(0.05, { proportion: 0.2 })).toBe(246);
    expect(sampleSizeForMargin(0.05, { proportion: 0 })).toBe(1);
  });

  it("the resulting Wilson interval at p = ½ is indeed about ±5 %", () => {
    const w = wilsonInterval(192, 385)!;
    expect((w.upper - w.lower) / 2).toBeLessThan(0.05);
  });

  it("throws E_MARGIN_RANGE", () => {
    expect(codeOf(() => sampleSizeForMargin(5))).toBe(
      "E_MARGIN_RANGE sampleSizeForMargin: margin must be a fraction strictly between 0 and 1, got 5",
    );
    expect(codeOf(() => sampleSizeForMargin(0))).toMatch(/^E_MARGIN_RANGE /);
  });

  it("throws E_FRACTION_RANGE for the proportion", () => {
    expect(codeOf(() => sampleSizeForMargin(0.05, { proportion: 1.2 }))).toBe(
      "E_FRACTION_RANGE sampleSizeForMargin: proportion must be a number from 0 to 1, got 1.2",
    );
  });

  it("throws E_CONFIDENCE_LEVEL", () => {
    expect(codeOf(() => sampleSizeForMargin(0.05, { confidenceLevel: 2 }))).toMatch(/^E_CONFIDENCE_LEVEL /);
  });
});

describe("npsSampleSizeForMargin", () => {
  it("needs ⌈1.96²/0.05²⌉ = 1537 answers for ±5 points in the worst case (variance 1; Rocks 2016, The American Statistician 70(4))", () => {
    expect(npsSampleSizeForMargin(5)).toBe(1537);
    expect(npsSampleSizeForMargin(10)).toBe(385);
  });

  it("uses the expected split: 30 % promoters, 20 % detractors (variance 0.49) → 753 for ±5 points", () => {
    expect(npsSampleSizeForMargin(5, { promoterShare: 0.3, detractorShare: 0.2 })).toBe(753);
    // npsInterval at a 30/50/20 split has a half-width of 100·z·√(0.49/n): ≤ 5 points at 1000 answers, > 5 at 700
    const at = (n: number): number => {
      const r = npsInterval({ promoters: 0.3 * n, passives: 0.5 * n, detractors: 0.2 * n })!;
      return r.upper - r.nps;
    };
    expect(at(1000)).toBeLessThan(5);
    expect(at(700)).toBeGreaterThan(5);
    expect(100 * 1.959963984540054 * Math.sqrt(0.49 / 753)).toBeLessThanOrEqual(5);
    expect(100 * 1.959963984540054 * Math.sqrt(0.49 / 752)).toBeGreaterThan(5);
  });

  it("throws E_MARGIN_RANGE", () => {
    expect(codeOf(() => npsSampleSizeForMargin(0))).toBe(
      "E_MARGIN_RANGE npsSampleSizeForMargin: margin must be a number of NPS points greater than 0 and at most 200, got 0",
    );
  });

  it("throws E_FRACTION_RANGE for a share", () => {
    expect(codeOf(() => npsSampleSizeForMargin(5, { promoterShare: -0.1, detractorShare: 0.2 }))).toMatch(/^E_FRACTION_RANGE /);
  });

  it("throws E_SHARES_SUM for one share alone or shares adding up to more than 1", () => {
    expect(codeOf(() => npsSampleSizeForMargin(5, { promoterShare: 0.3 }))).toMatch(/^E_SHARES_SUM /);
    expect(codeOf(() => npsSampleSizeForMargin(5, { promoterShare: 0.7, detractorShare: 0.4 }))).toBe(
      "E_SHARES_SUM npsSampleSizeForMargin: promoterShare + detractorShare must be at most 1, got 1.1",
    );
  });

  it("throws E_CONFIDENCE_LEVEL", () => {
    expect(codeOf(() => npsSampleSizeForMargin(5, { confidenceLevel: 0 }))).toMatch(/^E_CONFIDENCE_LEVEL /);
  });
});
