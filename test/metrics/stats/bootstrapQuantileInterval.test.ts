import { describe, expect, it } from "vitest";
import { quantileSorted, sortedCopy } from "../../../src/_lib/quantile.ts";
import { createRandom } from "../../../src/_lib/random.ts";
import { bootstrapQuantileInterval } from "../../../src/metrics/stats/index.ts";
import { codeOf } from "../../_support/errors.ts";

/** Naive reference: materialise each resample (same draws), sort it and take its R-7 quantile. */
function naiveBootstrap(values: readonly number[], p: number, level: number, resamples: number, seed: number): [number, number] {
  const sorted = sortedCopy(values);
  const random = createRandom(seed);
  const estimates: number[] = [];
  for (let r = 0; r < resamples; r++) {
    const sample = Array.from({ length: values.length }, () => sorted[Math.floor(random() * values.length)]!);
    estimates.push(quantileSorted(sortedCopy(sample), p)!);
  }
  const e = sortedCopy(estimates);
  return [quantileSorted(e, (1 - level) / 2)!, quantileSorted(e, (1 + level) / 2)!];
}

// ser_time (s) of the first 60 AGENT calls dated 2010-08-01 (= 1999-08-01) in real/anonymous_bank_callcenter_1999-08.csv of the data directory (CX_REAL_DATA), in file order.
const HANDLE_TIMES = [
  99, 96, 207, 54, 445, 70, 65, 679, 350, 113, 156, 113, 112, 1798, 154, 75, 156, 24, 206, 134, 217, 1439, 449, 449, 446, 52, 57, 583, 984,
  398, 87, 62, 312, 126, 276, 1756, 70, 363, 60, 71, 82, 76, 77, 29, 225, 68, 312, 32, 128, 45, 80, 189, 105, 251, 203, 51, 264, 378, 93,
  159,
];

describe("bootstrapQuantileInterval", () => {
  it("agrees exactly with a naive bootstrap that sorts every resample (median and 90th percentile)", () => {
    for (const p of [0.5, 0.9]) {
      const r = bootstrapQuantileInterval(HANDLE_TIMES, { probability: p, resamples: 500, seed: 11 })!;
      const [lo, hi] = naiveBootstrap(HANDLE_TIMES, p, 0.95, 500, 11);
      expect(r.lower).toBe(lo);
      expect(r.upper).toBe(hi);
      expect(r.estimate).toBe(quantileSorted(sortedCopy(HANDLE_TIMES), p));
    }
  });

  it("is reproducible with the same seed and reports its settings", () => {
    const a = bootstrapQuantileInterval(HANDLE_TIMES, { seed: 2024 });
    expect(bootstrapQuantileInterval(HANDLE_TIMES, { seed: 2024 })).toEqual(a);
    expect(a).toMatchObject({
      probability: 0.5,
      n: 60,
      resamples: 2000,
      seed: 2024,
      confidenceLevel: 0.95,
      method: "percentile bootstrap of the R-7 quantile",
    });
  });

  it("covers the true median of a known distribution in most of 40 seeded trials (uniform 0–1000, median 500)", () => {
    let covered = 0;
    const random = createRandom(99);
    for (let trial = 0; trial < 40; trial++) {
      const values = Array.from({ length: 200 }, () => random() * 1000);
      const r = bootstrapQuantileInterval(values, { seed: trial, resamples: 400 })!;
      if (r.lower <= 500 && 500 <= r.upper) covered++;
    }
    expect(covered).toBeGreaterThanOrEqual(33); // nominal 95 % of 40 = 38
  });

  it("gives the value itself for one value, and the value for equal values", () => {
    expect(bootstrapQuantileInterval([7])).toMatchObject({ estimate: 7, lower: 7, upper: 7 });
    expect(bootstrapQuantileInterval([3, 3, 3, 3], { probability: 0.9 })).toMatchObject({ estimate: 3, lower: 3, upper: 3 });
  });

  it("returns undefined for no values", () => {
    expect(bootstrapQuantileInterval([])).toBeUndefined();
  });

  it("throws E_NOT_FINITE", () => {
    expect(codeOf(() => bootstrapQuantileInterval([1, Number.NaN]))).toBe(
      "E_NOT_FINITE bootstrapQuantileInterval: value must be a finite number, got NaN",
    );
  });

  it("throws E_FRACTION_RANGE for a probability outside [0, 1]", () => {
    expect(codeOf(() => bootstrapQuantileInterval([1], { probability: 50 }))).toBe(
      "E_FRACTION_RANGE bootstrapQuantileInterval: probability must be a number from 0 to 1, got 50",
    );
  });

  it("throws E_CONFIDENCE_LEVEL", () => {
    expect(codeOf(() => bootstrapQuantileInterval([1], { confidenceLevel: 0 }))).toMatch(/^E_CONFIDENCE_LEVEL /);
  });

  it("throws E_RESAMPLES", () => {
    expect(codeOf(() => bootstrapQuantileInterval([1], { resamples: 0 }))).toBe(
      "E_RESAMPLES bootstrapQuantileInterval: resamples must be an integer from 1 to 1000000, got 0",
    );
  });

  it("throws E_SEED", () => {
    expect(codeOf(() => bootstrapQuantileInterval([1], { seed: 1.5 }))).toBe(
      "E_SEED bootstrapQuantileInterval: seed must be an integer, got 1.5",
    );
  });
});
