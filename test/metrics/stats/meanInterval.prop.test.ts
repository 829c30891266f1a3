import { expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { meanInterval } from "../../../src/metrics/stats/index.ts";

const durations = fc.array(fc.integer({ min: 0, max: 86_400_000 }), { minLength: 2, maxLength: 200 });

test.prop([durations])("contains the mean and is symmetric around it", (values) => {
  const r = meanInterval(values)!;
  expect(r.lower).toBeLessThanOrEqual(r.mean);
  expect(r.upper).toBeGreaterThanOrEqual(r.mean);
  expect(r.upper - r.mean).toBeCloseTo(r.mean - r.lower, 3);
});

test.prop([durations])("ignores order", (values) => {
  const a = meanInterval(values)!;
  const b = meanInterval([...values].reverse())!;
  expect(b.mean).toBeCloseTo(a.mean, 6);
  expect(b.upper).toBeCloseTo(a.upper, 6);
});

test.prop([durations, fc.integer({ min: 2, max: 5 })])("narrows when the same values are repeated (same mean, more data)", (values, k) => {
  const a = meanInterval(values)!;
  const b = meanInterval(Array.from({ length: k }, () => values).flat())!;
  expect(b.mean).toBeCloseTo(a.mean, 6);
  expect(b.upper - b.lower).toBeLessThanOrEqual(a.upper - a.lower + 1e-6);
});

test.prop([durations, fc.double({ min: 0.5, max: 1000, noNaN: true })])("scales with the unit (ms → s is ÷1000)", (values, k) => {
  const a = meanInterval(values)!;
  const b = meanInterval(values.map((v) => v * k))!;
  expect(b.upper).toBeCloseTo(a.upper * k, 3);
});
