import { describe, expect, it } from "vitest";
import { churnRate, retentionMatrix } from "../../../src/metrics/customers/index.ts";
import type { Cohort } from "../../../src/models/cohort.ts";
import { errorCodeOf as codeOf } from "../../_support/errors.ts";
import { ROMANIAN as RO } from "../../_support/sources.ts";

const cohort = (label: string, size: number, active: number[]): Cohort => ({
  label,
  start: new Date(`${label}-01T00:00:00Z`),
  size,
  active,
});

describe("retentionMatrix", () => {
  it(`gives period-1 churn 0.2 for a cohort of 2,000 with 1,600 left, as churnRate(2000, 400) (${RO}; the article prints 2 %, wrongly)`, () => {
    const m = retentionMatrix([cohort("2026-01", 2000, [1600])])!;
    expect(m.churn[0]).toEqual({ period: 1, rate: 0.2, numerator: 400, denominator: 2000 });
    expect(m.churn[0]?.rate).toBe(churnRate(2000, 400));
    expect(m.curve[0]).toEqual({ period: 1, retention: 0.8, active: 1600, customers: 2000, cohorts: 1 });
  });

  it("weights the curve by cohort size and uses only cohorts old enough (hand-computed)", () => {
    // k1: (80 + 5) / (100 + 10) = 85/110; k2: only the first cohort: 60/100 = 0.6.
    // The unweighted mean of fractions at k1 would be (0.8 + 0.5) / 2 = 0.65, not 85/110.
    const m = retentionMatrix([cohort("2026-01", 100, [80, 60]), cohort("2026-02", 10, [5])])!;
    expect(m.periods).toBe(2);
    expect(m.curve.map((p) => p.retention)).toEqual([85 / 110, 0.6]);
    expect(m.curve.map((p) => p.customers)).toEqual([110, 100]);
    expect(m.rows[1]?.fractions).toEqual([0.5]);
    // churn k1: (110 − 85) / 110; k2: (80 − 60) / 80 = 0.25.
    expect(m.churn.map((c) => c.rate)).toEqual([25 / 110, 0.25]);
  });

  it("gives undefined fractions and rates for an empty cohort, and undefined for no cohorts", () => {
    const m = retentionMatrix([cohort("2026-01", 0, [0])])!;
    expect(m.rows[0]?.fractions).toEqual([undefined]);
    expect(m.curve[0]?.retention).toBeUndefined();
    expect(m.churn[0]?.rate).toBeUndefined();
    expect(retentionMatrix([])).toBeUndefined();
  });

  it("throws E_ACTIVE_EXCEEDS_SIZE when a count exceeds its cohort's size", () => {
    expect(codeOf(() => retentionMatrix([cohort("2026-01", 10, [11])]))).toBe("E_ACTIVE_EXCEEDS_SIZE");
    expect(() => retentionMatrix([cohort("2026-01", 10, [11])])).toThrow(
      "retentionMatrix: active count must be at most the cohort size (10) in cohort 2026-01, got 11",
    );
  });

  it("throws E_COUNT_RANGE for a negative or fractional size or count", () => {
    expect(codeOf(() => retentionMatrix([cohort("2026-01", -1, [])]))).toBe("E_COUNT_RANGE");
    expect(codeOf(() => retentionMatrix([cohort("2026-01", 10, [1.5])]))).toBe("E_COUNT_RANGE");
  });
});
