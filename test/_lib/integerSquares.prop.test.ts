/**
 * Σ(x − mean)² of integers by 21-bit limbs (src/_lib/integerSquares.ts) against a reference that
 * squares each deviation exactly in BigInt: with mean = M·2^−k, Σ(x·2^k − M)² · 2^−2k.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { addIntegerSquares, integerSquaredDeviations, integerSquares } from "../../src/_lib/integerSquares.ts";
import { exactStore, storeAdd, storeMoments } from "../../src/_lib/quantileStore.ts";

/** The reference: each (x − mean)² exact in BigInt, summed, rounded once. */
function reference(values: readonly number[], mean: number): number {
  let k = 0n;
  let scaled = mean;
  while (scaled !== Math.floor(scaled)) {
    scaled *= 2;
    k++;
  }
  const m = BigInt(scaled);
  let total = 0n;
  for (const x of values) {
    const d = (BigInt(x) << k) - m;
    total += d * d;
  }
  const half = 2 ** -Number(k);
  return Number(total) * half * half;
}

function deviations(values: readonly number[], mean: number): number | undefined {
  const s = integerSquares();
  return addIntegerSquares(s, Float64Array.from(values)) ? integerSquaredDeviations(s, mean) : undefined;
}

/** Integers as durations are (ms up to years), small counts with ties, and values at the 2^53 edge and limb edges. */
const integer = fc.oneof(
  fc.integer({ min: 0, max: 20 }),
  fc.integer({ min: 0, max: 4e11 }),
  fc.constantFrom(2 ** 21 - 1, 2 ** 21, 2 ** 42 - 1, 2 ** 42, 2 ** 53 - 1),
  fc.maxSafeNat(),
);
const meanOf = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0) / values.length;

describe("integerSquaredDeviations", () => {
  test.prop([fc.array(integer, { minLength: 1, maxLength: 1500 })])(
    "equals the exact per-value reference at the values' mean",
    (values) => {
      const mean = meanOf(values);
      expect(deviations(values, mean)).toBe(reference(values, mean));
    },
  );

  test.prop([
    fc.array(integer, { minLength: 1, maxLength: 50 }),
    fc.oneof(fc.constant(0), fc.double({ min: 2 ** -400, max: 1e12, noNaN: true })),
  ])("equals the reference at any mean", (values, mean) => {
    expect(deviations(values, mean)).toBe(reference(values, mean));
  });

  test.prop([fc.array(integer, { minLength: 1, maxLength: 1500 }), fc.integer({ min: 0, max: 1500 })])(
    "does not depend on the order of the values or on where they are split",
    (values, cut) => {
      const mean = meanOf(values);
      const reversed = [...values].reverse();
      const s = integerSquares();
      const at = Math.min(cut, values.length);
      expect(addIntegerSquares(s, Float64Array.from(reversed.slice(0, at)))).toBe(true);
      expect(addIntegerSquares(s, Float64Array.from(reversed.slice(at)))).toBe(true);
      expect(integerSquaredDeviations(s, mean)).toBe(deviations(values, mean));
    },
  );

  it("known answers: 2, 4, 4, 4, 5, 5, 7, 9 (mean 5) give 32; one value gives 0; across a carry (513 values)", () => {
    expect(deviations([2, 4, 4, 4, 5, 5, 7, 9], 5)).toBe(32);
    expect(deviations([7], 7)).toBe(0);
    // 513 values: 512 zeros and one 513: mean 1, Σ(x − 1)² = 512·1 + 512² = 262 656.
    expect(deviations([...Array<number>(512).fill(0), 513], 1)).toBe(262_656);
    // 6 000 values whose limbs are all ones, and one less by 1: Σx² is near 2^118 but Σ(x − mean)²
    // is small, so a limb sum that passed 2^53 without a carry (and rounded) would show.
    const big = [...Array<number>(6000).fill(2 ** 53 - 1), 2 ** 53 - 2];
    expect(deviations(big, 2 ** 53 - 1)).toBe(1);
    expect(deviations(big, meanOf(big))).toBe(reference(big, meanOf(big)));
  });

  it("refuses what is not an integer in [0, 2^53)", () => {
    for (const x of [0.5, -1, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY]) expect(deviations([1, x], 1)).toBeUndefined();
  });
});

describe("storeMoments of an exact store", () => {
  test.prop([fc.array(integer, { minLength: 1, maxLength: 20_000, size: "max" })])(
    "integers: the exact Σ(x − mean)², rounded once (across pages)",
    (values) => {
      const store = exactStore();
      for (const x of values) storeAdd(store, x);
      const mean = meanOf(values);
      expect(storeMoments(store, mean)).toEqual({ n: values.length, mean, m2: reference(values, mean) });
    },
  );

  it("other values: each (x − mean)² summed exactly, close to the exact value", () => {
    const store = exactStore();
    const values = [0.5, 1.25, 3, 1000.125];
    for (const x of values) storeAdd(store, x);
    const mean = meanOf(values);
    const want = values.reduce((acc, x) => acc + (x - mean) ** 2, 0);
    expect(storeMoments(store, mean)?.m2).toBeCloseTo(want, 9);
  });
});

describe("integerSquaredDeviations: the mean's range", () => {
  it("refuses a mean whose scaled sum could overflow (no store's mean reaches it), accepts 0 and 2^-400", () => {
    const s = integerSquares();
    addIntegerSquares(s, Float64Array.of(1));
    expect(() => integerSquaredDeviations(s, 5e-324)).toThrow(RangeError);
    expect(() => integerSquaredDeviations(s, Number.NaN)).toThrow(RangeError);
    expect(integerSquaredDeviations(s, 0)).toBe(1);
    expect(integerSquaredDeviations(s, 2 ** -400)).toBe(reference([1], 2 ** -400));
  });
});
