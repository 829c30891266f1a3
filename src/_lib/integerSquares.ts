/**
 * Σ(x − mean)² exactly, rounded once, for values that are integers in [0, 2^53) — durations in
 * milliseconds and counts, which is what the exact value store holds in practice — at a few
 * floating-point operations per value instead of an exact (Shewchuk) addition of each square.
 *
 * Each value is split into three 21-bit limbs, x = a·2^42 + b·2^21 + c (a < 2^11, b, c < 2^21),
 * so x² = a²·2^84 + 2ab·2^63 + (2ac + b²)·2^42 + 2bc·2^21 + c².
 * The limb sums and limb-product sums are kept in doubles, each term below 2^44, so 512 of them add
 * exactly (below 2^53); every 512 values they are carried into BigInts. At the end Σx and Σx² are
 * exact integers, and with the mean m = M·2^−k (M an integer),
 * Σ(x − m)² = (Σx²·2^2k − 2·M·Σx·2^k + n·M²)·2^−2k exactly: one BigInt, rounded once to a double.
 * The result depends only on the multiset of values, not their order or where they were split.
 *
 * @internal
 * @module
 */

const LIMB = 2_097_152; // 2^21
const TWO_53 = 9_007_199_254_740_992;
/** Values between carries: each limb term is below 2^44, so 512 of them sum below 2^53. */
const CARRY_EVERY = 512;

/** Exact Σx and Σx² of integers in [0, 2^53), part in doubles (below 2^53), part carried in BigInts. @internal */
export interface IntegerSquares {
  /** Values added. */
  n: number;
  /** Values since the last carry. */
  pending: number;
  /** Σc, Σb, Σa since the last carry. */
  c: number;
  b: number;
  a: number;
  /** Σc², Σbc, Σ(2ac + b²), Σab, Σa² since the last carry. */
  cc: number;
  bc: number;
  mid: number;
  ab: number;
  aa: number;
  /** The carried Σx and Σx². */
  sum: bigint;
  squares: bigint;
}

/** An empty {@link IntegerSquares}. @internal */
export function integerSquares(): IntegerSquares {
  return { n: 0, pending: 0, c: 0, b: 0, a: 0, cc: 0, bc: 0, mid: 0, ab: 0, aa: 0, sum: 0n, squares: 0n };
}

/** Moves the double sums into the BigInts. */
function carry(s: IntegerSquares): void {
  s.sum += BigInt(s.c) + (BigInt(s.b) << 21n) + (BigInt(s.a) << 42n);
  s.squares += BigInt(s.cc) + (BigInt(s.bc) << 22n) + (BigInt(s.mid) << 42n) + (BigInt(s.ab) << 64n) + (BigInt(s.aa) << 84n);
  s.c = s.b = s.a = s.cc = s.bc = s.mid = s.ab = s.aa = 0;
  s.pending = 0;
}

/**
 * Adds `values[0 … length)`. Returns `false` at the first value that is not an integer in
 * [0, 2^53) (the state is then incomplete: use another method).
 *
 * @internal
 */
export function addIntegerSquares(s: IntegerSquares, values: Float64Array, length = values.length): boolean {
  let i = 0;
  while (i < length) {
    // Locals for the run up to the next carry (object fields in the loop would be re-stored each time).
    const stop = Math.min(length, i + CARRY_EVERY - s.pending);
    let sc = s.c;
    let sb = s.b;
    let sa = s.a;
    let cc = s.cc;
    let bc = s.bc;
    let mid = s.mid;
    let ab = s.ab;
    let aa = s.aa;
    let ok = true;
    const from = i;
    for (; i < stop; i++) {
      const x = values[i] as number;
      if (!(x >= 0 && x < TWO_53)) {
        ok = false;
        break;
      }
      // Division by a power of two and flooring are exact; `%` on doubles is a slow library call.
      const t = Math.floor(x / LIMB);
      const c = x - t * LIMB;
      if (c !== Math.floor(c)) {
        ok = false;
        break;
      }
      const a = Math.floor(t / LIMB);
      const b = t - a * LIMB;
      sc += c;
      sb += b;
      sa += a;
      cc += c * c;
      bc += b * c;
      mid += 2 * a * c + b * b;
      ab += a * b;
      aa += a * a;
    }
    s.c = sc;
    s.b = sb;
    s.a = sa;
    s.cc = cc;
    s.bc = bc;
    s.mid = mid;
    s.ab = ab;
    s.aa = aa;
    s.n += i - from;
    s.pending += i - from;
    if (!ok) return false;
    if (s.pending === CARRY_EVERY) carry(s);
  }
  return true;
}

/**
 * Σ(x − mean)² of the values added, exactly, rounded once to a double (0 for no values).
 *
 * @param mean - 0, or a number from 2^−400 to 2^1000 (the caller's rounded mean: a mean of n
 * integers is 0 or at least 1/n). Outside that range the scaled sum could pass the largest
 * double before its scaling back, so it is refused.
 * @throws RangeError for a mean outside that range (a caller's error: no input reaches it).
 * @internal
 */
export function integerSquaredDeviations(s: IntegerSquares, mean: number): number {
  if (!(mean === 0 || (mean >= 2 ** -400 && mean <= 2 ** 1000))) {
    throw new RangeError(`integerSquaredDeviations: mean must be 0 or from 2^-400 to 2^1000, got ${String(mean)}`);
  }
  carry(s);
  // mean = M · 2^−k with M an integer (k ≤ 452 here; scaling by a power of two is exact).
  let k = 0;
  let scaled = mean;
  while (scaled !== Math.floor(scaled)) {
    scaled *= 2;
    k++;
  }
  const m = BigInt(scaled);
  const K = BigInt(k);
  const total = (s.squares << (2n * K)) - ((2n * m * s.sum) << K) + BigInt(s.n) * m * m;
  // Two exact halvings of the power of two (2^−2k alone could underflow to 0 for large k).
  const half = 2 ** -k;
  return Number(total) * half * half;
}
