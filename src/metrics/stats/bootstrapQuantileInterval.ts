import { MetricRangeError } from "../../_lib/errors.ts";
import { assertFinite, assertFraction } from "../../_lib/guards.ts";
import { interpolate, quantileSorted, sortedCopy } from "../../_lib/quantile.ts";
import { createRandom } from "../../_lib/random.ts";
import { confidenceLevelOf } from "./confidence.ts";

/**
 * Options of {@link bootstrapQuantileInterval}.
 *
 * @category Stats
 */
export interface BootstrapQuantileIntervalOptions {
  /** The quantile to estimate, a fraction from 0 to 1 (0.5 = median, 0.9 = 90th percentile). Default: 0.5. */
  readonly probability?: number;
  /** Confidence level, strictly between 0 and 1. Default: 0.95. */
  readonly confidenceLevel?: number;
  /** The number of bootstrap resamples, an integer from 1 to 1,000,000. Default: 2000. */
  readonly resamples?: number;
  /** Seed of the pseudo-random generator (mulberry32; an integer, low 32 bits used). Default: 1. */
  readonly seed?: number;
}

/**
 * A quantile with its percentile-bootstrap confidence interval.
 *
 * @category Stats
 */
export interface BootstrapQuantileInterval {
  /** The R-7 quantile of the data, in the unit of the values. */
  readonly estimate: number;
  /** Lower bound: the R-7 quantile (1 − level)/2 of the resampled estimates. */
  readonly lower: number;
  /** Upper bound: the R-7 quantile (1 + level)/2 of the resampled estimates. */
  readonly upper: number;
  /** The quantile estimated. */
  readonly probability: number;
  /** Number of values. */
  readonly n: number;
  /** Number of resamples drawn. */
  readonly resamples: number;
  /** The seed used; the same data, options and seed give the same interval. */
  readonly seed: number;
  /** The confidence level used. */
  readonly confidenceLevel: number;
  /** How the interval was computed. */
  readonly method: "percentile bootstrap of the R-7 quantile";
}

/**
 * A confidence interval for the median or any percentile by the percentile bootstrap: draw
 * `resamples` samples of size n with replacement, take the R-7 quantile of each, and report
 * the (1 − level)/2 and (1 + level)/2 R-7 quantiles of those estimates.
 *
 * @param values - The values, e.g. handle times in milliseconds; all finite.
 * @param options - {@link BootstrapQuantileIntervalOptions}: `probability` (default 0.5),
 * `confidenceLevel` (0.95), `resamples` (2000), `seed` (1).
 * @returns The estimate and interval in the unit of the values, or `undefined` for no values.
 * @throws {@link MetricRangeError} `E_NOT_FINITE` if a value is not a finite number;
 * `E_FRACTION_RANGE` if `probability` is not from 0 to 1; `E_CONFIDENCE_LEVEL` if the
 * confidence level is not strictly between 0 and 1; `E_RESAMPLES` if `resamples` is not an
 * integer from 1 to 1,000,000; `E_SEED` if `seed` is not an integer.
 * @remarks Reproducible: the generator is seeded, never the clock. Results depend on the
 * values only through their sorted order, so input order does not matter. Each resample costs
 * O(n) (counts of drawn ranks, no sorting). The percentile bootstrap of a median is coarse for
 * small n (the estimates take few distinct values); with n = 1 the interval is the value itself.
 * @example
 * ```ts
 * const r = bootstrapQuantileInterval([3, 1, 4, 1, 5, 9, 2, 6], { seed: 42 });
 * r.estimate; // => 3.5
 * bootstrapQuantileInterval([]); // => undefined
 * ```
 * @see Efron, B. & Tibshirani, R. J. (1993). An Introduction to the Bootstrap, ch. 13 (percentile intervals).
 * @see {@link https://en.wikipedia.org/wiki/Bootstrapping_(statistics)}
 * @category Stats
 */
export function bootstrapQuantileInterval(
  values: readonly number[],
  options?: BootstrapQuantileIntervalOptions,
): BootstrapQuantileInterval | undefined {
  const fn = "bootstrapQuantileInterval";
  const probability = options?.probability ?? 0.5;
  assertFraction(fn, "probability", probability);
  const confidenceLevel = confidenceLevelOf(fn, options?.confidenceLevel);
  const resamples = options?.resamples ?? 2000;
  if (!Number.isInteger(resamples) || resamples < 1 || resamples > 1_000_000) {
    throw new MetricRangeError("E_RESAMPLES", `${fn}: resamples must be an integer from 1 to 1000000, got ${String(resamples)}`);
  }
  const seed = options?.seed ?? 1;
  if (!Number.isInteger(seed)) {
    throw new MetricRangeError("E_SEED", `${fn}: seed must be an integer, got ${String(seed)}`);
  }
  for (const value of values) assertFinite(fn, "value", value);
  const n = values.length;
  if (n === 0) return undefined;

  const sorted = sortedCopy(values);
  const estimate = quantileSorted(sorted, probability) as number;
  const h = (n - 1) * probability;
  const rankLo = Math.floor(h);
  const rankHi = Math.min(rankLo + 1, n - 1);
  const fraction = h - rankLo;
  const random = createRandom(seed);
  const counts = new Int32Array(n);
  const estimates = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[Math.floor(random() * n)]! += 1;
    // Walk the ranks of the resample: the element at rank k is sorted[j] for the j whose
    // cumulative count first exceeds k.
    let seen = 0;
    let lo = Number.NaN;
    let hi = Number.NaN;
    for (let j = 0; j < n; j++) {
      seen += counts[j]!;
      if (Number.isNaN(lo) && seen > rankLo) lo = sorted[j]!;
      if (seen > rankHi) {
        hi = sorted[j]!;
        break;
      }
    }
    estimates[r] = interpolate(lo, hi, fraction);
  }
  estimates.sort();
  const alpha = 1 - confidenceLevel;
  const lower = quantileSorted(estimates, alpha / 2) as number;
  const upper = quantileSorted(estimates, 1 - alpha / 2) as number;
  return {
    estimate,
    lower: lower === 0 ? 0 : lower,
    upper: upper === 0 ? 0 : upper,
    probability,
    n,
    resamples,
    seed,
    confidenceLevel,
    method: "percentile bootstrap of the R-7 quantile",
  };
}
