import { describe, expect, it } from "vitest";
import { retentionRate } from "../../../src/metrics/customers/index.ts";
import { errorCodeOf as codeOf } from "../../_support/errors.ts";

describe("retentionRate", () => {
  it('gives 0.9 for 1,000 at start, 1,200 at end, 300 new ("8 valori ale serviciului clienți pe care fiecare companie trebuie să le urmărească în 2022", section 6)', () => {
    expect(retentionRate(1000, 1200, 300)).toBe(0.9);
  });

  it("returns undefined when there were no customers at the start", () => {
    expect(retentionRate(0, 5, 5)).toBeUndefined();
    expect(retentionRate(0, 0, 0)).toBeUndefined();
  });

  it("gives 1 when everyone stayed and 0 when nobody did", () => {
    expect(retentionRate(100, 150, 50)).toBe(1);
    expect(retentionRate(100, 50, 50)).toBe(0);
  });

  it("throws E_ACQUIRED_EXCEEDS_END when more were acquired than are there at the end", () => {
    expect(() => retentionRate(100, 50, 60)).toThrow("retentionRate: acquired must be at most end (50), got 60");
    expect(codeOf(() => retentionRate(100, 50, 60))).toBe("E_ACQUIRED_EXCEEDS_END");
  });

  it("throws E_RETAINED_EXCEEDS_START when more were retained than existed", () => {
    expect(() => retentionRate(100, 250, 100)).toThrow("retentionRate: end − acquired must be at most start (100), got 150");
    expect(codeOf(() => retentionRate(100, 250, 100))).toBe("E_RETAINED_EXCEEDS_START");
  });

  it("throws E_COUNT_RANGE for negative, fractional and NaN counts", () => {
    expect(codeOf(() => retentionRate(-1, 0, 0))).toBe("E_COUNT_RANGE");
    expect(codeOf(() => retentionRate(10, -1, 0))).toBe("E_COUNT_RANGE");
    expect(codeOf(() => retentionRate(10, 5, -1))).toBe("E_COUNT_RANGE");
    expect(codeOf(() => retentionRate(10, 5.5, 0))).toBe("E_COUNT_RANGE");
    expect(codeOf(() => retentionRate(10, 5, Number.NaN))).toBe("E_COUNT_RANGE");
    expect(() => retentionRate(10, 5, Number.NaN)).toThrow("retentionRate: acquired must be a non-negative integer, got NaN");
  });
});
