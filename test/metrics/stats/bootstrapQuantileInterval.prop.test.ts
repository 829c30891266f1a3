import { expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { bootstrapQuantileInterval } from "../../../src/metrics/stats/index.ts";

const values = fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 80 });
const p = fc.double({ min: 0, max: 1, noNaN: true });
const seed = fc.integer({ min: 0, max: 2 ** 31 });

test.prop([values, p, seed])("is reproducible, ignores input order, and lies within the data's range", (v, probability, s) => {
  const a = bootstrapQuantileInterval(v, { probability, seed: s, resamples: 200 })!;
  expect(bootstrapQuantileInterval(v, { probability, seed: s, resamples: 200 })).toEqual(a);
  expect(bootstrapQuantileInterval([...v].reverse(), { probability, seed: s, resamples: 200 })).toEqual(a);
  expect(a.lower).toBeGreaterThanOrEqual(Math.min(...v));
  expect(a.upper).toBeLessThanOrEqual(Math.max(...v));
  expect(a.lower).toBeLessThanOrEqual(a.upper);
});

test.prop([values, seed, fc.double({ min: 0.5, max: 0.99, noNaN: true }), fc.double({ min: 0.5, max: 0.99, noNaN: true })])(
  "widens with the confidence level (same resamples)",
  (v, s, l1, l2) => {
    const [lo, hi] = l1 <= l2 ? [l1, l2] : [l2, l1];
    const a = bootstrapQuantileInterval(v, { seed: s, resamples: 200, confidenceLevel: lo })!;
    const b = bootstrapQuantileInterval(v, { seed: s, resamples: 200, confidenceLevel: hi })!;
    expect(b.lower).toBeLessThanOrEqual(a.lower);
    expect(b.upper).toBeGreaterThanOrEqual(a.upper);
  },
);
