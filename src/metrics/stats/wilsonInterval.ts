import { confidenceLevelOf, twoSidedZ } from "./confidence.ts";
import { assertProportion } from "./_proportion.ts";

/**
 * Options of {@link wilsonInterval}.
 *
 * @category Stats
 */
export interface WilsonIntervalOptions {
  /** Confidence level, strictly between 0 and 1. Default: 0.95. */
  readonly confidenceLevel?: number;
  /**
   * Apply the continuity correction (Newcombe 1998, method 4; R's `prop.test(correct = TRUE)`).
   * Default: `false`.
   */
  readonly continuityCorrection?: boolean;
}

/**
 * A proportion with its Wilson score confidence interval.
 *
 * @category Stats
 */
export interface WilsonInterval {
  /** The observed proportion successes / trials, a fraction from 0 to 1. */
  readonly estimate: number;
  /** Lower bound, a fraction from 0 to 1. */
  readonly lower: number;
  /** Upper bound, a fraction from 0 to 1. */
  readonly upper: number;
  /** The number of successes. */
  readonly successes: number;
  /** The number of trials. */
  readonly n: number;
  /** The confidence level used. */
  readonly confidenceLevel: number;
  /** How the interval was computed. */
  readonly method: "Wilson score" | "Wilson score with continuity correction";
}

/**
 * The Wilson score interval for a proportion p = x/n: the p₀ with |p − p₀| ≤ z·√(p₀(1 − p₀)/n),
 * i.e. (2np + z² ± z·√(z² + 4np(1 − p))) / (2(n + z²)); with the continuity correction,
 * Newcombe's (2np + z² − 1 − z·√(z² − 2 − 1/n + 4p(n(1 − p) + 1))) / (2(n + z²)) below and
 * (2np + z² + 1 + z·√(z² + 2 − 1/n + 4p(n(1 − p) − 1))) / (2(n + z²)) above.
 *
 * @param successes - The number of successes x (a non-negative integer).
 * @param trials - The number of trials n (a non-negative integer, at least x).
 * @param options - {@link WilsonIntervalOptions}: `confidenceLevel` (default 0.95), `continuityCorrection` (default false).
 * @returns The estimate and interval, or `undefined` when there are no trials.
 * @throws {@link MetricRangeError} `E_COUNT_RANGE` if a count is not a non-negative integer;
 * `E_SUCCESSES_EXCEED_TRIALS` if successes > trials; `E_CONFIDENCE_LEVEL` if the confidence
 * level is not strictly between 0 and 1.
 * @remarks Unlike the Wald interval p ± z·√(p(1 − p)/n), the Wilson interval stays inside
 * [0, 1] and does not collapse at x = 0 or x = n. With the continuity correction the lower
 * bound is 0 when x = 0 and the upper bound 1 when x = n (as in Newcombe 1998 and R). R's
 * `prop.test` shrinks the correction to |x − n/2| when that is below ½ (its null p = 0.5), so
 * for x = n/2 exactly R gives the uncorrected interval; this function always applies the
 * full correction, as Newcombe defines it.
 * @example
 * ```ts
 * wilsonInterval(81, 263).lower; // => 0.25528851987827417
 * wilsonInterval(81, 263).upper; // => 0.3662095769828001
 * wilsonInterval(0, 20).upper;   // => 0.1611251580528195
 * wilsonInterval(0, 0);          // => undefined
 * ```
 * @see Newcombe, R. G. (1998). Two-sided confidence intervals for the single proportion: comparison of seven methods. Statistics in Medicine 17, 857–872.
 * @see {@link https://en.wikipedia.org/wiki/Binomial_proportion_confidence_interval#Wilson_score_interval}
 * @category Stats
 */
export function wilsonInterval(successes: number, trials: number, options?: WilsonIntervalOptions): WilsonInterval | undefined {
  const fn = "wilsonInterval";
  const confidenceLevel = confidenceLevelOf(fn, options?.confidenceLevel);
  assertProportion(fn, successes, trials);
  if (trials === 0) return undefined;
  const n = trials;
  const p = successes / n;
  const q = 1 - p;
  const z = twoSidedZ(confidenceLevel);
  const z2 = z * z;
  // The textbook formulas divided through by 2n, so that no term overflows or underflows for
  // huge n (wilsonInterval(15, 1e308) was NaN):
  // lower/upper = (p + z²/2n ∓ z·√(pq + z²/4n) / √n) / (1 + z²/n).
  const denominator = 1 + z2 / n;
  const rootN = Math.sqrt(n);
  let lower: number;
  let upper: number;
  if (options?.continuityCorrection === true) {
    // (2np + z² ∓ 1 ∓ z·√(z² ∓ 2 − 1/n + 4p(nq ± 1))) / 2(n + z²), divided through by 2n.
    const below = (z2 - 2 - 1 / n) / (4 * n) + p * q + p / n;
    const above = (z2 + 2 - 1 / n) / (4 * n) + p * q - p / n;
    lower = successes === 0 ? 0 : (p + (z2 - 1) / (2 * n) - (z * Math.sqrt(Math.max(0, below))) / rootN) / denominator;
    upper = successes === n ? 1 : (p + (z2 + 1) / (2 * n) + (z * Math.sqrt(Math.max(0, above))) / rootN) / denominator;
  } else {
    const root = (z * Math.sqrt(p * q + z2 / (4 * n))) / rootN;
    lower = (p + z2 / (2 * n) - root) / denominator;
    upper = (p + z2 / (2 * n) + root) / denominator;
  }
  lower = Math.min(Math.max(0, lower), p);
  upper = Math.max(Math.min(1, upper), p);
  return {
    estimate: p,
    lower: lower === 0 ? 0 : lower,
    upper,
    successes,
    n,
    confidenceLevel,
    method: options?.continuityCorrection === true ? "Wilson score with continuity correction" : "Wilson score",
  };
}
