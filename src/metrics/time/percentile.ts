import { assertFraction } from "../../_lib/guards.ts";
import { quantileSorted, sortedCopy } from "../../_lib/quantile.ts";
import { checkDurations } from "./summarizeDurations.ts";

/**
 * The R-7 percentile of durations: with the values sorted and h = (n − 1)·p, the value at
 * ⌊h⌋ plus the fraction h − ⌊h⌋ of the step to the next value.
 *
 * @param values - Durations in milliseconds.
 * @param p - The probability, from 0 to 1 (0.9 for the 90th percentile).
 * @returns The percentile in milliseconds, or `undefined` when there are no values.
 * @throws {@link MetricRangeError} `E_FRACTION_RANGE` if `p` is not from 0 to 1;
 * `E_NOT_FINITE` if a value is not a finite number; `E_NEGATIVE_DURATION` if a value is negative.
 * @remarks Same definition as R's default `quantile(type = 7)`, numpy's default and Excel's
 * `PERCENTILE.INC`; `p = 0` is the minimum, `p = 1` the maximum, `p = 0.5` the median.
 * @example
 * ```ts
 * percentile([60_000, 120_000, 180_000, 600_000], 0.75); // => 285000
 * percentile([], 0.5);                                  // => undefined
 * ```
 * @see {@link https://en.wikipedia.org/wiki/Quantile#Estimating_quantiles_from_a_sample}
 * @category Time
 */
export function percentile(values: readonly number[] | Float64Array, p: number): number | undefined {
  assertFraction("percentile", "p", p);
  checkDurations("percentile", values);
  return quantileSorted(sortedCopy(values), p);
}
