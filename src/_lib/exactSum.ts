/**
 * Exact summation: a sum of doubles kept as non-overlapping partials (Shewchuk's
 * grow-expansion, as Python's `msum` / `math.fsum`) and rounded once, correctly, when read.
 * The result does not depend on the order of the values or on where a list was split, which is
 * what lets states folded separately merge to exactly the whole.
 *
 * @see Shewchuk, "Adaptive Precision Floating-Point Arithmetic and Fast Robust Geometric Predicates", Discrete & Computational Geometry 18 (1997)
 * @internal
 * @module
 */

/**
 * An exact sum as non-overlapping partials, smallest first. Doubles span about 2,100 binary
 * orders, so at most ~40 partials of 53 bits are ever needed.
 *
 * @internal
 */
export interface ExactSum {
  /** The partials, smallest magnitude first; `count` are in use. */
  partials: Float64Array;
  /** Partials in use. */
  count: number;
  /** The integers added while their running sum stayed below 2^53 in magnitude (exact in a double): the fast lane. */
  small: number;
}

/** A new exact sum of nothing. @internal */
export function exactSum(): ExactSum {
  return { partials: new Float64Array(8), count: 0, small: 0 };
}

/** Adds `value` (finite) to `sum`, exactly. @internal */
export function exactAdd(sum: ExactSum, value: number): void {
  // Fast lane: integers (durations in ms, counts) add exactly while the sum stays below 2^53.
  if (value === Math.trunc(value)) {
    const t = sum.small + value;
    if (t < TWO_53 && t > -TWO_53) {
      sum.small = t;
      return;
    }
  }
  grow(sum, value);
}

const TWO_53 = 9_007_199_254_740_992;

/** Adds `value` to the partials (Shewchuk's grow-expansion). */
function grow(sum: ExactSum, value: number): void {
  let p = sum.partials;
  let x = value;
  let j = 0;
  for (let i = 0; i < sum.count; i++) {
    let y = p[i] as number;
    if (Math.abs(x) < Math.abs(y)) {
      const t = x;
      x = y;
      y = t;
    }
    const hi = x + y;
    const lo = y - (hi - x);
    if (lo !== 0) p[j++] = lo;
    x = hi;
  }
  if (j >= p.length) {
    const next = new Float64Array(p.length * 2);
    next.set(p);
    sum.partials = p = next;
  }
  p[j] = x;
  sum.count = j + 1;
}

/** Adds every partial of `b` to `a` (exactly `a + b`) and returns `a`. @internal */
export function exactMerge(a: ExactSum, b: ExactSum): ExactSum {
  for (let i = 0; i < b.count; i++) grow(a, b.partials[i] as number);
  exactAdd(a, b.small);
  return a;
}

/** The partials with the fast lane folded in (a copy; `sum` is not changed). */
function folded(sum: ExactSum): ExactSum {
  const copy: ExactSum = { partials: sum.partials.slice(), count: sum.count, small: 0 };
  if (sum.small !== 0) grow(copy, sum.small);
  return copy;
}

/** The correctly rounded value of an exact sum (`fsum`'s final step, half-way cases included); 0 for none. @internal */
export function exactValue(exact: ExactSum): number {
  if (exact.count === 0) return exact.small === 0 ? 0 : exact.small;
  const sum = exact.small === 0 ? exact : folded(exact);
  const p = sum.partials;
  let n = sum.count;
  if (n === 0) return 0;
  let hi = p[--n] as number;
  let lo = 0;
  while (n > 0) {
    const x = hi;
    const y = p[--n] as number;
    hi = x + y;
    lo = y - (hi - x);
    if (lo !== 0) break;
  }
  if (n > 0 && ((lo < 0 && (p[n - 1] as number) < 0) || (lo > 0 && (p[n - 1] as number) > 0))) {
    const y = lo * 2;
    const x = hi + y;
    if (y === x - hi) hi = x;
  }
  return hi === 0 ? 0 : hi;
}

/** The partials in use, as a plain array (the JSON form of an exact sum). @internal */
export function exactPartials(exact: ExactSum): number[] {
  const sum = exact.small === 0 ? exact : folded(exact);
  return Array.from(sum.partials.subarray(0, sum.count));
}

/** An exact sum of `partials` (any finite numbers; they are re-added, so any list is valid). @internal */
export function exactFrom(partials: ArrayLike<number>): ExactSum {
  const sum = exactSum();
  for (let i = 0; i < partials.length; i++) exactAdd(sum, partials[i] as number);
  return sum;
}

/**
 * The correctly rounded sum of `values[0 … length)`: the sum for sums and means in src/ (the
 * design's "compensated summation", done exactly). A non-finite value, or a sum beyond the
 * largest double, gives a non-finite result (±Infinity or NaN): callers that must refuse it check
 * with `assertFiniteResult` (./moments.ts).
 *
 * @internal
 */
export function exactSumOf(values: ArrayLike<number>, length = values.length): number {
  const sum = exactSum();
  for (let i = 0; i < length; i++) exactAdd(sum, values[i] as number);
  return exactValue(sum);
}
