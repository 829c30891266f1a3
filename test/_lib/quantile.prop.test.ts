import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import { quantileSorted, quantilesBySelection, quantilesInPlace, sortedCopy } from "../../src/_lib/quantile.ts";

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

/**
 * Values, and 1-based ranks within them: some anywhere, some clustered as a quantile's interval
 * ranks are. At least 17 values, so parts are partitioned, not only sorted (parts under 16 are).
 */
const valuesAndRanks = fc
  .array(
    fc.oneof(
      fc.integer({ min: 0, max: 20 }),
      fc.integer({ min: 0, max: 1e9 }),
      fc.constant(-0),
      fc.double({ min: 0, max: 1e6, noNaN: true }),
    ),
    {
      minLength: 17,
      maxLength: 600,
      size: "max",
    },
  )
  .chain((list) =>
    fc.tuple(
      fc.constant(list),
      fc.array(fc.integer({ min: 1, max: list.length }), { maxLength: 8 }),
      fc.integer({ min: 1, max: list.length }),
    ),
  );

test.prop([valuesAndRanks, probabilities])(
  "every asked rank holds the sorted copy's value there (multiple selection)",
  ([list, ranks, centre], ps) => {
    const sorted = sortedCopy(list);
    const near = [centre - 2, centre - 1, centre, centre + 1, centre + 3].filter((r) => r >= 1 && r <= list.length);
    const asked = [...ranks, ...near];
    const got = quantilesInPlace(Float64Array.from(list), ps, asked);
    const plusZero = (x: number): number => (x === 0 ? 0 : x);
    expect(got?.ranked).toEqual(asked.map((r) => plusZero(sorted[r - 1] as number)));
    expect(got?.quantiles).toEqual(ps.map((p) => quantileSorted(sorted, p)));
    expect(got?.min).toBe(plusZero(sorted[0] as number));
    expect(got?.max).toBe(plusZero(sorted[sorted.length - 1] as number));
  },
);

test("multiple selection places clustered ranks on inputs that defeat a naive pivot, and on many ties", () => {
  const n = 100_000;
  const shapes = [
    Float64Array.from({ length: n }, (_, i) => i),
    Float64Array.from({ length: n }, (_, i) => n - i),
    new Float64Array(n).fill(7),
    Float64Array.from({ length: n }, (_, i) => Math.min(i, n - i)),
    Float64Array.from({ length: n }, (_, i) => (i * 7919) % 3),
  ];
  const ranks = [1, 49_000, 49_990, 50_000, 50_001, 50_011, 89_500, 90_000, 90_500, n];
  for (const shape of shapes) {
    const sorted = sortedCopy(shape);
    const got = quantilesInPlace(shape.slice(), [0.5, 0.9], ranks);
    expect(got?.ranked).toEqual(ranks.map((r) => sorted[r - 1]));
    expect(got?.quantiles).toEqual([0.5, 0.9].map((p) => quantileSorted(sorted, p)));
  }
});
