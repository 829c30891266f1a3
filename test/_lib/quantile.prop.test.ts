import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import { quantileSorted, quantilesBySelection, sortedCopy } from "../../src/_lib/quantile.ts";

/** Values with many ties and both zeros, as durations and counts are. */
const values = fc.array(
  fc.oneof(
    fc.integer({ min: 0, max: 20 }),
    fc.integer({ min: 0, max: 1e9 }),
    fc.constant(-0),
    fc.double({ min: 0, max: 1e6, noNaN: true }),
  ),
  { maxLength: 300 },
);
const probabilities = fc.array(fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 0.5, 0.9, 0.95, 1)), {
  maxLength: 6,
});

test.prop([values, probabilities])("selection gives exactly the sorted-copy quantiles, minimum and maximum", (list, ps) => {
  const input = Float64Array.from(list);
  const before = input.slice();
  const got = quantilesBySelection(input, ps);
  const sorted = sortedCopy(list);
  if (list.length === 0) {
    expect(got).toBeUndefined();
    return;
  }
  const plusZero = (x: number | undefined): number | undefined => (x === 0 ? 0 : x);
  expect(got?.min).toBe(plusZero(sorted[0]));
  expect(got?.max).toBe(plusZero(sorted[sorted.length - 1]));
  expect(got?.quantiles).toEqual(ps.map((p) => quantileSorted(sorted, p)));
  // The input is not reordered.
  expect(input).toEqual(before);
});

test("selection stays linear on inputs that defeat a naive pivot (sorted, reversed, all equal, organ pipe)", () => {
  const n = 200_000;
  const shapes = [
    Float64Array.from({ length: n }, (_, i) => i),
    Float64Array.from({ length: n }, (_, i) => n - i),
    new Float64Array(n).fill(7),
    Float64Array.from({ length: n }, (_, i) => Math.min(i, n - i)),
  ];
  for (const shape of shapes) {
    const sorted = sortedCopy(shape);
    expect(quantilesBySelection(shape, [0.5, 0.9, 0.95])?.quantiles).toEqual([0.5, 0.9, 0.95].map((p) => quantileSorted(sorted, p)));
  }
});
