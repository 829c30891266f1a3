import { describe, expect, it } from "vitest";
import { churnRate, retentionRate } from "../../../src/metrics/customers/index.ts";
import { MetricRangeError } from "../../../src/_lib/errors.ts";

// Source: "8 valori ale serviciului clienți pe care fiecare companie trebuie să le urmărească în 2022"
// (Romanian article, seeds/000_a00c1bda7adc063c.txt), section 7 "Rata de abandon a clientului".

describe("churnRate", () => {
  it("gives 0.2 (20 %) for 2,000 at start and 400 lost — the Romanian article prints 2 %, which is wrong (400 / 2,000 = 0.2)", () => {
    expect(churnRate(2000, 400)).toBe(0.2);
    expect(churnRate(2000, 400)).not.toBe(0.02);
  });

  it("returns undefined when there were no customers at the start", () => {
    expect(churnRate(0, 0)).toBeUndefined();
  });

  it("gives 0 and 1 at the bounds", () => {
    expect(churnRate(5, 0)).toBe(0);
    expect(churnRate(5, 5)).toBe(1);
  });

  it("adds up to 1 with retentionRate when nobody is acquired (Romanian article: churn is the opposite of retention)", () => {
    expect(churnRate(2000, 400)! + retentionRate(2000, 1600, 0)!).toBe(1);
  });

  it("throws E_LOST_EXCEEDS_START when more are lost than there were", () => {
    expect(() => churnRate(10, 11)).toThrow(MetricRangeError);
    expect(() => churnRate(10, 11)).toThrow("churnRate: lost must be at most start (10), got 11");
    try {
      churnRate(10, 11);
    } catch (error) {
      expect((error as MetricRangeError).code).toBe("E_LOST_EXCEEDS_START");
    }
  });

  it.each([
    [-1, 0, "churnRate: start must be a non-negative integer, got -1"],
    [10, -1, "churnRate: lost must be a non-negative integer, got -1"],
    [10.5, 1, "churnRate: start must be a non-negative integer, got 10.5"],
    [10, 0.5, "churnRate: lost must be a non-negative integer, got 0.5"],
    [Number.NaN, 1, "churnRate: start must be a non-negative integer, got NaN"],
    [10, Number.NaN, "churnRate: lost must be a non-negative integer, got NaN"],
    [Infinity, 1, "churnRate: start must be a non-negative integer, got Infinity"],
  ])("throws E_COUNT_RANGE for start %s, lost %s", (start, lost, message) => {
    expect(() => churnRate(start, lost)).toThrow(message);
    try {
      churnRate(start, lost);
    } catch (error) {
      expect((error as MetricRangeError).code).toBe("E_COUNT_RANGE");
    }
  });
});
