import { describe, expect, it } from "vitest";
import { buildCohorts, retentionMatrix } from "../../../src/metrics/customers/index.ts";
import { codeOf } from "../../_support/errors.ts";

// Issue 11, "Wrong numbers instead of errors": retentionMatrix passed an Invalid Date start
// through, and buildCohorts built a cohort starting at an Invalid Date (label "+000NaN-NaN")
// with millions of periods for a start near the beginning of the Date range (eb175fb).

describe("no Invalid Date from the cohort functions", () => {
  it("retentionMatrix throws E_INVALID_DATE for an invalid start", () => {
    expect(codeOf(() => retentionMatrix([{ label: "x", start: new Date(Number.NaN), size: 3, active: [1] }]))).toBe(
      "E_INVALID_DATE retentionMatrix: start must be a valid Date, got Invalid Date",
    );
  });

  it("buildCohorts throws E_INVALID_DATE when the start's period begins before the Date range", () => {
    for (const period of ["month", "week"] as const) {
      const code = codeOf(() =>
        buildCohorts([{ customerId: "a", start: new Date(-8.64e15), activity: [] }], {
          timeZone: "Pacific/Kiritimati",
          asOf: new Date(0),
          period,
        }),
      );
      expect(code).toMatch(
        new RegExp(`^E_INVALID_DATE buildCohorts: a customer's start must lie in a ${period} that begins inside the Date range, got `),
      );
    }
  });

  it("buildCohorts throws E_BUCKET_LIMIT past 1,000,000 periods instead of building them", () => {
    const start = new Date(-8e15);
    expect(
      codeOf(() => buildCohorts([{ customerId: "a", start, activity: [] }], { timeZone: "UTC", asOf: new Date(8e15), period: "week" })),
    ).toMatch(/^E_BUCKET_LIMIT buildCohorts: at most 1000000 week periods must lie between a customer's start and asOf, got /);
  });

  it("valid extreme starts keep valid Dates", () => {
    const result = buildCohorts([{ customerId: "a", start: new Date(8.64e15), activity: [] }], {
      timeZone: "Pacific/Kiritimati",
      asOf: new Date(8.64e15),
    });
    expect(Number.isFinite(result.cohorts[0]?.start.getTime())).toBe(true);
  });
});
