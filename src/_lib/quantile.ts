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
  const result = a + (h - lo) * (b - a);
  return result === 0 ? 0 : result;
}

/**
 * Sorts a copy of `values` into a Float64Array (numeric order) for {@link quantileSorted}.
 *
 * @internal
 */
export function sortedCopy(values: ArrayLike<number>): Float64Array {
  const copy = Float64Array.from(values as ArrayLike<number>);
  copy.sort();
  return copy;
}
