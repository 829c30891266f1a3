/**
 * The exact sum (src/_lib/exactSum.ts): the correctly rounded sum of any doubles, whatever their
 * order and however the additions are split and merged; checked against BigInt arithmetic on
 * the doubles' exact binary values. Integers take a fast lane while their sum stays below 2^53;
 * these properties cover both lanes and the hand-over between them.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { exactAdd, exactFrom, exactMerge, exactPartials, exactSum, exactSumOf, exactValue } from "../../src/_lib/exactSum.ts";

/** A double as an exact fraction m·2^e with BigInt m (e ≥ −1074). */
function exact(x: number): { m: bigint; e: number } {
  if (x === 0) return { m: 0n, e: 0 };
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  const hi = buf.getUint32(0);
  const lo = buf.getUint32(4);
  const sign = hi >>> 31 ? -1n : 1n;
  const biased = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (biased !== 0) mant |= 1n << 52n;
  return { m: sign * mant, e: (biased === 0 ? 1 : biased) - 1075 };
}

/** The correctly rounded double of Σ xs (round half to even), by BigInt. */
function reference(xs: readonly number[]): number {
  const parts = xs.map(exact);
  const e = Math.min(0, ...parts.map((p) => p.e));
  let total = 0n;
  for (const p of parts) total += p.m << BigInt(p.e - e);
  if (total === 0n) return 0;
  // Scale down to a double by rounding the exact rational total · 2^e: BigInt → string is exact,
  // so convert through a ratio with enough precision: Number() of a BigInt rounds correctly.
  if (e === 0) return Number(total);
  const neg = total < 0n;
  let t = neg ? -total : total;
  let shift = -e;
  // Keep 64+ significant bits, then let Number() round the integer; adjust the sticky bit.
  const bits = t.toString(2).length;
  let sticky = 0n;
  if (bits > 120) {
    const drop = bits - 120;
    sticky = t & ((1n << BigInt(drop)) - 1n) ? 1n : 0n;
    t = (t >> BigInt(drop)) | sticky;
    shift -= drop;
  }
  const r = Number(t) / 2 ** Math.min(shift, 1000) / 2 ** Math.max(0, shift - 1000);
  return neg ? -r : r;
}

const double = fc.oneof(
  fc.integer({ min: -1e6, max: 1e9 }),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }),
  fc.constantFrom(2 ** 53 - 1, 2 ** 53, -(2 ** 53), 1e16, 0.1, 1e-300, -0),
);

describe("exactSum", () => {
  test.prop([fc.array(double, { maxLength: 60 })])("equals the correctly rounded sum (BigInt reference)", (xs) => {
    expect(exactSumOf(xs)).toBe(reference(xs) === 0 ? 0 : reference(xs));
  });

  test.prop([fc.array(double, { maxLength: 60 }), fc.nat({ max: 60 })])("split, serialised as partials and merged: the same", (xs, cut) => {
    const a = exactSum();
    const b = exactSum();
    xs.forEach((x, i) => exactAdd(i < cut ? a : b, x));
    const merged = exactMerge(exactFrom(exactPartials(a)), exactFrom(exactPartials(b)));
    expect(exactValue(merged)).toBe(exactSumOf(xs));
  });

  test.prop([fc.array(fc.integer({ min: 0, max: 2 ** 40 }), { maxLength: 80 })])("integers (the fast lane) sum exactly", (xs) => {
    expect(exactSumOf(xs)).toBe(xs.reduce((s, x) => s + x, 0));
  });

  it("hands over from the fast lane past 2^53 without losing a unit", () => {
    expect(exactSumOf([2 ** 53 - 1, 1, 1])).toBe(2 ** 53); // 2^53 + 1 is a tie: to even
    expect(exactSumOf([2 ** 53, 1, 1])).toBe(2 ** 53 + 2);
    expect(exactSumOf([1e16, 1, -1e16])).toBe(1);
    expect(exactSumOf([0.1, 0.2, -0.3])).toBe(2.7755575615628914e-17);
  });
});
