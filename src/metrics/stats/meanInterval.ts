import { assertFinite } from "../../_lib/guards.ts";
import { assertFiniteResult, standardDeviationOf } from "../../_lib/moments.ts";
import { confidenceLevelOf, twoSidedT } from "./confidence.ts";

/**
 * Options of {@link meanInterval}.
 *
 * @category Stats
 */
export interface MeanIntervalOptions {
  /** Confidence level, strictly between 0 and 1. Default: 0.95. */
  readonly confidenceLevel?: number;
}

/**
 * A mean with its Student t confidence interval.
 *
 * @category Stats
 */
export interface MeanInterval {
  /** The sample mean, in the unit of the values (milliseconds for durations). */
  readonly mean: number;
  /** The sample standard deviation (n − 1 denominator). */
  readonly standardDeviation: number;
  /** The standard error of the mean, standardDeviation / √n. */
  readonly standardError: number;
  /** Lower bound, in the unit of the values. */
  readonly lower: number;
  /** Upper bound, in the unit of the values. */
  readonly upper: number;
  /** Number of values. */
  readonly n: number;
  /** Degrees of freedom, n − 1. */
  readonly degreesOfFreedom: number;
  /** The critical value t_{(1 + level)/2, n − 1} used. */
  readonly criticalValue: number;
  /** The confidence level used. */
  readonly confidenceLevel: number;
  /** How the interval was computed. */
  readonly method: "Student t";
}

/**
 * The mean of durations (or any values) with a Student t interval:
 * mean ± t_{(1 + level)/2, n − 1}·s/√n, s the sample standard deviation.
 *
 * @param values - The values, e.g. handle times in milliseconds; all finite.
 * @param options - {@link MeanIntervalOptions}: `confidenceLevel` (default 0.95).
 * @returns The mean and interval in the unit of the values, or `undefined` for fewer than
 * two values (one value has no spread to measure).
 * @throws {@link MetricRangeError} `E_NOT_FINITE` if a value is not a finite number;
 * `E_CONFIDENCE_LEVEL` if the confidence level is not strictly between 0 and 1; `E_OVERFLOW` if
 * the standard deviation or a bound exceeds the largest double (values near ±1e308 far apart).
 * @remarks The t quantile is computed exactly (regularized incomplete beta function, no
 * large-n normal shortcut). The interval assumes the mean is roughly normal: fine for large n
 * even with skewed durations, doubtful for small samples of heavily skewed data; use
 * {@link bootstrapQuantileInterval} for medians and percentiles. Sums are compensated; the
 * standard deviation uses the two-pass formula.
 * @example
 * ```ts
 * const r = meanInterval([120_000, 180_000, 240_000]);
 * r.mean;  // => 180000
 * r.lower; // => 30951.737294980907
 * r.upper; // => 329048.2627050191
 * meanInterval([5]); // => undefined
 * ```
 * @see {@link https://en.wikipedia.org/wiki/Student%27s_t-distribution#Confidence_intervals}
 * @category Stats
 */
export function meanInterval(values: readonly number[], options?: MeanIntervalOptions): MeanInterval | undefined {
  const fn = "meanInterval";
  const confidenceLevel = confidenceLevelOf(fn, options?.confidenceLevel);
  for (const value of values) assertFinite(fn, "value", value);
  const n = values.length;
  if (n < 2) return undefined;
  const moments = standardDeviationOf(values);
  const mean = moments.mean === 0 ? 0 : moments.mean;
  const standardDeviation = assertFiniteResult(fn, "the standard deviation", moments.standardDeviation);
  const standardError = standardDeviation / Math.sqrt(n);
  const criticalValue = twoSidedT(confidenceLevel, n - 1);
  const half = criticalValue * standardError;
  const lower = assertFiniteResult(fn, "the lower bound", mean - half);
  const upper = assertFiniteResult(fn, "the upper bound", mean + half);
  return {
    mean,
    standardDeviation,
    standardError,
    lower: lower === 0 ? 0 : lower,
    upper: upper === 0 ? 0 : upper,
    n,
    degreesOfFreedom: n - 1,
    criticalValue,
    confidenceLevel,
    method: "Student t",
  };
}
