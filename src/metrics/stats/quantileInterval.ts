import { assertFinite, assertFraction } from "../../_lib/guards.ts";
import { quantileSorted, sortedCopy } from "../../_lib/quantile.ts";
import { ORDER_STATISTICS_METHOD, quantileRanks } from "../../_lib/orderStatistics.ts";
import { confidenceLevelOf } from "./confidence.ts";

/**
 * Options of {@link quantileInterval}.
 *
 * @category Stats
 */
export interface QuantileIntervalOptions {
  /** The quantile, a fraction from 0 to 1 (0.5 = median, 0.9 = 90th percentile). Default: 0.5. */
  readonly probability?: number;
  /** Confidence level, strictly between 0 and 1. Default: 0.95. */
  readonly confidenceLevel?: number;
}

/**
 * A quantile with its distribution-free (order-statistic) confidence interval.
 *
 * @category Stats
 */
export interface QuantileInterval {
  /** The R-7 quantile of the data, in the unit of the values. */
  readonly estimate: number;
  /** Lower bound: the value of rank `lowerRank` (1-based) in ascending order. */
  readonly lower: number;
  /** Upper bound: the value of rank `upperRank`. */
  readonly upper: number;
  /** The rank of the lower bound, from 1 to n. */
  readonly lowerRank: number;
  /** The rank of the upper bound, from 1 to n. */
  readonly upperRank: number;
  /**
   * The exact coverage P(lowerRank ≤ B < upperRank) with B ~ Binomial(n, probability): at least
   * the confidence level, unless n is too small for it (then the widest interval, min to max).
   */
  readonly coverage: number;
  /** The quantile estimated. */
  readonly probability: number;
  /** Number of values. */
  readonly n: number;
  /** The confidence level asked for. */
  readonly confidenceLevel: number;
  /** How the interval was computed. */
  readonly method: "order statistics (binomial)";
}

/**
 * A distribution-free confidence interval for a quantile (the median by default) from the
 * order statistics: [x₍l₎, x₍u₎] with l = qbinom((1 − level)/2, n, p) and
 * u = qbinom((1 + level)/2, n, p) + 1, so that P(x₍l₎ ≤ true quantile ≤ x₍u₎) ≥ level for any
 * continuous distribution.
 *
 * @param values - The values, e.g. first response times in milliseconds; all finite.
 * @param options - {@link QuantileIntervalOptions}: `probability` (default 0.5),
 * `confidenceLevel` (0.95).
 * @returns The estimate and interval in the unit of the values, or `undefined` for no values.
 * @throws {@link MetricRangeError} `E_NOT_FINITE` if a value is not a finite number;
 * `E_FRACTION_RANGE` if `probability` is not from 0 to 1; `E_CONFIDENCE_LEVEL` if the
 * confidence level is not strictly between 0 and 1.
 * @remarks The bounds are data values, so they keep the data's range: the interval of
 * durations never goes below 0, and it is longer on the skewed side. Ranks outside 1…n are
 * clamped to them, and `coverage` then says what was achieved (n = 5 at 95 %: min to max,
 * coverage 0.9375). The interval is conservative: its exact coverage is printed in
 * `coverage`. No interpolation and no randomness; input order does not matter.
 * @example
 * ```ts
 * const r = quantileInterval([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
 * [r?.lower, r?.upper];  // => [2, 9]
 * r?.coverage;           // => 0.978515625
 * ```
 * @see {@link https://en.wikipedia.org/wiki/Order_statistic} (confidence intervals for quantiles)
 * @see "Conover (1999), Practical Nonparametric Statistics, 3rd ed., §3.2 (the quantile test and its interval)"
 * @category Stats
 */
export function quantileInterval(values: readonly number[], options?: QuantileIntervalOptions): QuantileInterval | undefined {
  const fn = "quantileInterval";
  const confidenceLevel = confidenceLevelOf(fn, options?.confidenceLevel);
  const probability = options?.probability ?? 0.5;
  assertFraction(fn, "probability", probability);
  for (const value of values) assertFinite(fn, "value", value);
  const n = values.length;
  if (n === 0) return undefined;
  const sorted = sortedCopy(values);
  const { lowerRank, upperRank, coverage } = quantileRanks(n, probability, confidenceLevel);
  return {
    estimate: quantileSorted(sorted, probability) as number,
    lower: sorted[lowerRank - 1] as number,
    upper: sorted[upperRank - 1] as number,
    lowerRank,
    upperRank,
    coverage,
    probability,
    n,
    confidenceLevel,
    method: ORDER_STATISTICS_METHOD,
  };
}
