import { describe, expect, it } from "vitest";
import { compareGroups } from "../../../src/metrics/customers/index.ts";
import type { MetricRangeError } from "../../../src/_lib/errors.ts";

describe("compareGroups", () => {
  it("reports +15 % for chat users ordering 115 on average vs 100 (the Russian article's Crazy Egg figure, seeds/004, untitled)", () => {
    const r = compareGroups([110, 120], [100, 100])!;
    expect(r).toEqual({
      a: { n: 2, mean: 115, variance: 50 },
      b: { n: 2, mean: 100, variance: 0 },
      difference: 15,
      relativeDifference: 0.15,
    });
  });

  it("compares repurchase of promoters vs detractors as 0/1 values: the means are the rates (hand-computed)", () => {
    // Promoters: 5 of 10 bought again; detractors: 1 of 10. Variance of 0/1 data: p(1 − p) n / (n − 1).
    const promoters = [1, 1, 1, 1, 1, 0, 0, 0, 0, 0];
    const detractors = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    const r = compareGroups(promoters, detractors)!;
    expect(r.a.mean).toBe(0.5);
    expect(r.b.mean).toBe(0.1);
    expect(r.difference).toBeCloseTo(0.4, 15);
    expect(r.relativeDifference).toBeCloseTo(4, 14); // 5× as likely = +400 %
    expect(r.a.variance).toBeCloseTo((0.25 * 10) / 9, 15);
  });

  it("gives an undefined variance for one value and an undefined relative difference against a mean of 0", () => {
    const r = compareGroups([5], [0, 0])!;
    expect(r.a.variance).toBeUndefined();
    expect(r.relativeDifference).toBeUndefined();
    expect(r.difference).toBe(5);
  });

  it("returns undefined when a group is empty", () => {
    expect(compareGroups([], [1])).toBeUndefined();
    expect(compareGroups([1], [])).toBeUndefined();
  });

  it("throws E_NOT_FINITE for a non-finite value", () => {
    expect(() => compareGroups([1, Number.NaN], [1])).toThrow("compareGroups: a value must be a finite number, got NaN");
    try {
      compareGroups([1], [Infinity]);
    } catch (error) {
      expect((error as MetricRangeError).code).toBe("E_NOT_FINITE");
    }
    expect.assertions(2);
  });
});
