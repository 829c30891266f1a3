/**
 * Sorting many numbers fast: durations in milliseconds are non-negative integers, which a
 * least-significant-digit radix sort orders in a few linear passes, several times faster than
 * the comparison sort of `TypedArray.prototype.sort` for a million of them.
 *
 * @internal
 * @module
 */

/** Below this many values the built-in sort is as fast. */
const SMALL = 4096;
/** Bits per digit: 2^11 counters fit in the first-level cache. */
const BITS = 11;
const MASK = (1 << BITS) - 1;
/** 2^32. */
const TWO_32 = 4_294_967_296;
/** Values below 2^53 are integers exactly; five 11-bit digits cover up to 2^55. */
const LIMIT = 9_007_199_254_740_992;

/** Digit `d` (11 bits) of the integer `x` in [0, 2^53): bits 11d … 11d + 10. */
function digit(x: number, d: number): number {
  // `x >>> 0` is x mod 2^32 for an integer x; the high part is exact below 2^53.
  const lo = x >>> 0;
  if (d < 2) return (lo >>> (BITS * d)) & MASK;
  const hi = Math.floor(x / TWO_32);
  if (d === 2) return (lo >>> 22) | ((hi & 1) << 10);
  return (hi >>> (BITS * d - 32)) & MASK;
}

/**
 * Sorts `a` in place in ascending numeric order and returns it: the same order as
 * `a.sort()` (so `−0` before `0` and `NaN` last), by a radix sort when every value is an
 * integer in [0, 2^53) other than `−0`, else by `a.sort()`.
 *
 * @internal
 */
export function sortNumbers(a: Float64Array): Float64Array {
  const n = a.length;
  if (n < SMALL) return a.sort();
  let max = 0;
  for (let i = 0; i < n; i++) {
    const x = a[i] as number;
    // Not an integer in range (NaN fails both tests), or −0.
    if (!(x >= 0 && x < LIMIT) || x !== Math.floor(x) || (x === 0 && 1 / x < 0)) return a.sort();
    if (x > max) max = x;
  }
  // The digits above the highest bit of the largest value are 0 for every value: no pass.
  const passes = Math.max(1, Math.ceil(Math.log2(max + 1) / BITS));
  // Every pass's counts in one read of the values, then one scatter per pass.
  const counts = new Int32Array(passes << BITS);
  for (let i = 0; i < n; i++) {
    const x = a[i] as number;
    for (let d = 0; d < passes; d++) {
      const k = (d << BITS) | digit(x, d);
      counts[k] = (counts[k] as number) + 1;
    }
  }
  for (let d = 0; d < passes; d++) {
    let sum = 0;
    for (let k = d << BITS, end = k + (1 << BITS); k < end; k++) {
      const c = counts[k] as number;
      counts[k] = sum;
      sum += c;
    }
  }
  let from: Float64Array = a;
  let to: Float64Array = new Float64Array(n);
  for (let d = 0; d < passes; d++) {
    const base = d << BITS;
    for (let i = 0; i < n; i++) {
      const x = from[i] as number;
      const k = base | digit(x, d);
      const at = counts[k] as number;
      counts[k] = at + 1;
      to[at] = x;
    }
    const t = from;
    from = to;
    to = t;
  }
  if (from !== a) a.set(from);
  return a;
}
