import { sortNumbers } from "./sortNumbers.ts";

/**
 * The R-7 interpolation a + t·(b − a) between neighbouring order statistics, for t in [0, 1).
 * When b − a overflows (values near ±1.8e308; `0 · ∞` gave NaN) it is a·(1 − t) + b·t.
 *
 * @internal
 */
export function interpolate(a: number, b: number, t: number): number {
  if (t === 0) return a;
  const result = a + t * (b - a);
  return Number.isFinite(result) ? result : a * (1 - t) + b * t;
}

/**
 * The R-7 (linear interpolation) quantile of values already sorted ascending, as R's
 * default `quantile(type = 7)`, numpy's default, Excel's `PERCENTILE.INC` and d3:
 * h = (n − 1)·p, result = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
 *
 * @param sorted - Finite numbers in ascending order (not checked here).
 * @param p - The probability, 0 ≤ p ≤ 1 (not checked here).
 * @returns The quantile, or `undefined` for no values.
 * @internal
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number | undefined {
  const n = sorted.length;
  if (n === 0) return undefined;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  const result = interpolate(a, b, h - lo);
  return result === 0 ? 0 : result;
}

/**
 * Sorts a copy of `values` into a Float64Array (numeric order) for {@link quantileSorted}.
 *
 * @internal
 */
export function sortedCopy(values: ArrayLike<number>): Float64Array {
  // A typed array copies as one block; `Float64Array.from` would walk it value by value.
  const copy = values instanceof Float64Array ? values.slice() : Float64Array.from(values as ArrayLike<number>);
  return sortNumbers(copy);
}

/** Order statistics of one selection: the minimum, the maximum and the R-7 quantiles. @internal */
export interface Selected {
  readonly min: number;
  readonly max: number;
  /** The quantile of each probability, in the order given. */
  readonly quantiles: number[];
  /** The value of each asked 1-based rank (order statistic), in the order given. */
  readonly ranked: number[];
}

/**
 * The minimum, maximum and R-7 quantiles of `values` (finite numbers, not checked here),
 * exactly as {@link quantileSorted} on a sorted copy gives them (a zero always as +0), found by selection on one
 * copy instead of a sort: the needed ranks are placed together by multiple selection (one
 * partition serves every rank in its part), so a few ranks cost a few linear passes, not n log n. A
 * range that partitions badly is sorted instead (introselect), so the worst case stays
 * n log n. `values` itself is not reordered. `undefined` for no values.
 *
 * @internal
 */
export function quantilesBySelection(values: ArrayLike<number>, probabilities: readonly number[]): Selected | undefined {
  if (values.length === 0) return undefined;
  return quantilesInPlace(values instanceof Float64Array ? values.slice() : Float64Array.from(values), probabilities);
}

/**
 * {@link quantilesBySelection} on `a` itself, without the copy: `a` is reordered (the caller's
 * scratch). One scan checks whether `a` is already ascending (then
 * nothing moves); the ranks are then placed as there, a rank alone at either end of the part that
 * can hold it by a scan for that part's minimum or maximum instead of a partition. `ranks` (1-based,
 * from 1 to n) are placed too, and their values returned in `ranked` (the order statistics of
 * quantile intervals).
 *
 * @internal
 */
export function quantilesInPlace(a: Float64Array, probabilities: readonly number[], ranks: readonly number[] = []): Selected | undefined {
  const n = a.length;
  if (n === 0) return undefined;
  let ascending = true;
  for (let i = 1; i < n; i++) {
    if ((a[i] as number) < (a[i - 1] as number)) {
      ascending = false;
      break;
    }
  }
  if (!ascending) {
    const wanted = new Set<number>([0, n - 1]);
    for (const p of probabilities) {
      const lo = Math.floor((n - 1) * p);
      wanted.add(lo);
      wanted.add(Math.min(lo + 1, n - 1));
    }
    for (const r of ranks) wanted.add(r - 1);
    const sorted = [...wanted].sort((x, y) => x - y);
    placeRanks(a, sorted, 0, sorted.length - 1, 0, n - 1, 2 * Math.ceil(Math.log2(n + 1)) + 4);
  }
  const quantiles = probabilities.map((p) => quantileSorted(a, p) as number);
  const min = a[0] as number;
  const max = a[n - 1] as number;
  const ranked = ranks.map((r) => {
    const v = a[r - 1] as number;
    return v === 0 ? 0 : v;
  });
  return { min: min === 0 ? 0 : min, max: max === 0 ? 0 : max, quantiles, ranked };
}

/**
 * Places every rank of `ranks[from..to]` (0-based, ascending, all within `left..right`) in
 * `a[left..right]`: each holds the value a sort would put there (multiple selection). One
 * partition of the part around a pivot sends each rank to the side that holds it, and only the
 * sides holding a rank go on, so ranks close together (a quantile and its interval's ranks) share
 * the partitions of their common part. Hoare's two-pointer partition (elements equal to the pivot
 * stop both pointers, so ties split evenly); the pivot is the median of three positions from a
 * fixed pseudo-random sequence (an LCG), so ordered, reversed or rotated input (durations often
 * arrive sorted) cannot line up with it; the result does not depend on it anyway. A part that
 * partitions badly `budget` times is sorted instead (introselect: the worst case stays n log n).
 */
function placeRanks(
  a: Float64Array,
  ranks: readonly number[],
  from: number,
  to: number,
  left: number,
  right: number,
  budget: number,
): void {
  while (from <= to && left < right) {
    if (right - left < 16 || budget-- === 0) {
      a.subarray(left, right + 1).sort();
      return;
    }
    const k = ranks[from] as number;
    if (from === to && (k === left || k === right)) {
      placeEnd(a, k, left, right);
      return;
    }
    let seed = (Math.imul(left, 0x9e3779b1) ^ right) >>> 0;
    const pick = (): number => {
      seed = (Math.imul(seed, 1_664_525) + 1_013_904_223) >>> 0;
      return left + (seed % (right - left + 1));
    };
    const x = a[pick()] as number;
    const y = a[pick()] as number;
    const z = a[pick()] as number;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = left;
    let j = right;
    while (i <= j) {
      while ((a[i] as number) < pivot) i++;
      while ((a[j] as number) > pivot) j--;
      if (i <= j) {
        const t = a[i] as number;
        a[i] = a[j] as number;
        a[j] = t;
        i++;
        j--;
      }
    }
    // Now a[left..j] ≤ pivot ≤ a[i..right], and every a[j+1..i−1] equals the pivot (placed).
    let lower = from;
    while (lower <= to && (ranks[lower] as number) <= j) lower++;
    let upper = lower;
    while (upper <= to && (ranks[upper] as number) < i) upper++;
    // The side with fewer ranks recursively, the other by the loop (bounded stack).
    if (lower - from <= to - upper) {
      placeRanks(a, ranks, from, lower - 1, left, j, budget);
      from = upper;
      left = i;
    } else {
      placeRanks(a, ranks, upper, to, i, right, budget);
      to = lower - 1;
      right = j;
    }
  }
}

/** Places rank `k`, the first or the last of `a[left..right]`, by one scan for that part's minimum or maximum and one swap. */
function placeEnd(a: Float64Array, k: number, left: number, right: number): void {
  let at = k;
  let v = a[k] as number;
  if (k === left) {
    for (let i = left + 1; i <= right; i++) if ((a[i] as number) < v) v = a[(at = i)] as number;
  } else for (let i = left; i < right; i++) if ((a[i] as number) > v) v = a[(at = i)] as number;
  a[at] = a[k] as number;
  a[k] = v;
}
