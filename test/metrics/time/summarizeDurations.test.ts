import { describe, expect, it } from "vitest";
import { MetricRangeError } from "../../../src/_lib/errors.ts";
import { percentile, summarizeDurations } from "../../../src/metrics/time/index.ts";
import { ROMANIAN, thrown } from "./_fixtures.ts";

function expectError(fn: () => unknown, code: string, message: string): void {
  const error = thrown(fn);
  expect(error).toBeInstanceOf(MetricRangeError);
  expect((error as MetricRangeError).code).toBe(code);
  expect((error as MetricRangeError).message).toBe(message);
}

describe("summarizeDurations", () => {
  it(`gives a mean of 67.5 s for 54,000 s over 800 first responses (${ROMANIAN}, worked example)`, () => {
    const values = Array.from({ length: 800 }, (_, i) => (i < 200 ? 0 : i < 600 ? 60_000 : 150_000));
    const s = summarizeDurations(values);
    expect(s?.total).toBe(54_000_000);
    expect(s?.count).toBe(800);
    expect(s?.mean).toBe(67_500);
  });

  it("gives the TSDoc example's mean, R-7 median, p75 and share within target (hand-computed; R: quantile(c(1,2,3,10), .75) = 4.75)", () => {
    const s = summarizeDurations([60_000, 120_000, 180_000, 600_000], { percentiles: [0.75], target: { minutes: 3 } });
    expect(s).toEqual({
      count: 4,
      total: 960_000,
      mean: 240_000,
      median: 150_000,
      p: [{ p: 0.75, value: 285_000 }],
      min: 60_000,
      max: 600_000,
      target: 180_000,
      withinTarget: 0.75,
    });
  });

  it("counts a duration exactly at the target as within it", () => {
    expect(summarizeDurations([100, 200], { target: 100 })?.withinTarget).toBe(0.5);
    expect(summarizeDurations([100, 200], { target: 99 })?.withinTarget).toBe(0);
  });

  it("accepts a Float64Array and leaves withinTarget undefined without a target", () => {
    const s = summarizeDurations(Float64Array.from([5, 1, 3]));
    expect([s?.median, s?.min, s?.max, s?.withinTarget, s?.p]).toEqual([3, 1, 5, undefined, []]);
  });

  it("is undefined for no values, and 0 (not −0) for zeros", () => {
    expect(summarizeDurations([])).toBeUndefined();
    const s = summarizeDurations([0, 0]);
    expect(Object.is(s?.mean, 0) && Object.is(s?.min, 0) && Object.is(s?.median, 0)).toBe(true);
  });

  it("throws E_NOT_FINITE for NaN or Infinity", () => {
    expectError(
      () => summarizeDurations([1, Number.NaN]),
      "E_NOT_FINITE",
      "summarizeDurations: values[1] must be a finite number, got NaN",
    );
    expectError(
      () => summarizeDurations([Infinity]),
      "E_NOT_FINITE",
      "summarizeDurations: values[0] must be a finite number, got Infinity",
    );
  });

  it("throws E_NEGATIVE_DURATION for a negative value", () => {
    expectError(
      () => summarizeDurations([5, -1]),
      "E_NEGATIVE_DURATION",
      "summarizeDurations: values[1] must be a non-negative duration, got -1",
    );
  });

  it("throws E_FRACTION_RANGE for a percentile outside 0..1", () => {
    expectError(
      () => summarizeDurations([1], { percentiles: [90] }),
      "E_FRACTION_RANGE",
      "summarizeDurations: percentile must be a number from 0 to 1, got 90",
    );
  });

  it("throws E_DURATION for a negative or month-based target", () => {
    expectError(
      () => summarizeDurations([1], { target: -5 }),
      "E_DURATION",
      "summarizeDurations: target must be a non-negative number of milliseconds, got -5",
    );
    expect((thrown(() => summarizeDurations([1], { target: { months: 1 } })) as MetricRangeError).code).toBe("E_DURATION");
  });
});

describe("percentile", () => {
  it("is R-7 (TSDoc example; R: quantile(c(1,2,3,10), c(.75, .9)) = 4.75, 7.9)", () => {
    expect(percentile([60_000, 120_000, 180_000, 600_000], 0.75)).toBe(285_000);
    expect(percentile([60_000, 120_000, 180_000, 600_000], 0.9)).toBeCloseTo(474_000, 6);
    expect(percentile([600_000, 60_000, 180_000, 120_000], 0)).toBe(60_000);
    expect(percentile([600_000, 60_000, 180_000, 120_000], 1)).toBe(600_000);
  });

  it("is undefined for no values", () => {
    expect(percentile([], 0.5)).toBeUndefined();
  });

  it("throws E_FRACTION_RANGE, E_NOT_FINITE and E_NEGATIVE_DURATION", () => {
    expectError(() => percentile([1], 1.5), "E_FRACTION_RANGE", "percentile: p must be a number from 0 to 1, got 1.5");
    expectError(() => percentile([Number.NaN], 0.5), "E_NOT_FINITE", "percentile: values[0] must be a finite number, got NaN");
    expectError(() => percentile([-3], 0.5), "E_NEGATIVE_DURATION", "percentile: values[0] must be a non-negative duration, got -3");
  });
});

describe("duration options that overflow", () => {
  it("E_DURATION when a Duration adds up to Infinity", () => {
    expect(thrown(() => summarizeDurations([1], { target: { weeks: 1e300 } }))).toMatchObject({ code: "E_DURATION" });
  });
});
