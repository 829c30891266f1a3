import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sortNumbers } from "../../src/_lib/sortNumbers.ts";

/** The reference: the built-in numeric sort of a typed array. */
const reference = (values: readonly number[]): Float64Array => Float64Array.from(values).sort();
const sameOrder = (a: Float64Array, b: Float64Array): boolean => a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

describe("sortNumbers", () => {
  it("orders as TypedArray.prototype.sort, on both sides of the size threshold, for integer durations of every magnitude", () => {
    const magnitude = fc.constantFrom(2 ** 8, 2 ** 11, 2 ** 16, 2 ** 22, 2 ** 33, 2 ** 44, 2 ** 53);
    fc.assert(
      fc.property(magnitude, fc.integer({ min: 0, max: 12_000 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (max, n, seed) => {
        let s = seed;
        const values = Array.from({ length: n }, () => {
          s = (Math.imul(s, 1103515245) + 12345) >>> 0;
          return Math.floor((s / 2 ** 32) * max);
        });
        expect(sameOrder(sortNumbers(Float64Array.from(values)), reference(values))).toBe(true);
      }),
      { seed: 48, numRuns: 60 },
    );
  });

  it("falls back to the built-in order for fractions, negatives, −0, NaN, infinities and values past 2^53", () => {
    const odd = fc.constantFrom(0.5, -1, -0, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, 2 ** 60, 1e-300);
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 1e9 }), { minLength: 4096, maxLength: 6000 }), odd, fc.nat(), (values, x, at) => {
        const mixed = values.slice();
        mixed[at % mixed.length] = x;
        expect(sameOrder(sortNumbers(Float64Array.from(mixed)), reference(mixed))).toBe(true);
      }),
      { seed: 53, numRuns: 40 },
    );
  });

  it("sorts in place and returns its argument", () => {
    const a = Float64Array.from({ length: 5000 }, (_, i) => (i * 7919) % 5000);
    expect(sortNumbers(a)).toBe(a);
    expect(a[0]).toBe(0);
    expect(a[4999]).toBe(4999);
  });
});
