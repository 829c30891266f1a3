import { confidenceLevelOf, twoSidedZ } from "./confidence.ts";
import { npsCountsOf, npsMoments, type NpsSample } from "./_npsCounts.ts";
import { twoSidedPValue } from "./_pValue.ts";

/**
 * Options of {@link npsDifferenceTest}.
 *
 * @category Stats
 */
export interface NpsDifferenceTestOptions {
  /** Confidence level of the interval for the difference, strictly between 0 and 1. Default: 0.95. */
  readonly confidenceLevel?: number;
}

/**
 * The difference between two Net Promoter Scores, its confidence interval and a two-sided
 * z-test of "no difference".
 *
 * @category Stats
 */
export interface NpsDifferenceTest {
  /** NPS of the first sample minus NPS of the second, in points (−200 to 200). */
  readonly difference: number;
  /** NPS of the first sample, in points. */
  readonly npsA: number;
  /** NPS of the second sample, in points. */
  readonly npsB: number;
  /** Standard error of the difference in points (unpooled): 100·√(varA/nA + varB/nB). */
  readonly standardError: number;
  /** The test statistic difference / standardError (0 when both are 0; ±∞ when only the standard error is 0). */
  readonly z: number;
  /** Two-sided p-value 2·(1 − Φ(|z|)). */
  readonly pValue: number;
  /** Lower bound of the interval for the difference, in points (clamped to −200). */
  readonly lower: number;
  /** Upper bound of the interval for the difference, in points (clamped to 200). */
  readonly upper: number;
  /** Answers in the first sample. */
  readonly nA: number;
  /** Answers in the second sample. */
  readonly nB: number;
  /** The confidence level used for the interval. */
  readonly confidenceLevel: number;
  /** How the test was computed. */
  readonly method: "two-sample z-test with unpooled variances on +1/0/−1 scores";
}

/**
 * Compares the NPS of two independent samples (two periods, two segments): the difference
 * NPS_A − NPS_B, its standard error 100·√(varA/nA + varB/nB) with var = p + d − (p − d)² per
 * sample, z = difference / standard error and the two-sided p-value 2·(1 − Φ(|z|)).
 *
 * @param a - The first sample: raw 0–10 scores or counts `{ promoters, passives, detractors }`.
 * @param b - The second sample, in either form.
 * @param options - {@link NpsDifferenceTestOptions}: `confidenceLevel` (default 0.95).
 * @returns The test, or `undefined` when either sample has no answers.
 * @throws {@link MetricRangeError} `E_SCORE_RANGE` if a score is not an integer from 0 to 10;
 * `E_COUNT_RANGE` if a count is not a non-negative integer; `E_CONFIDENCE_LEVEL` if the
 * confidence level is not strictly between 0 and 1; `E_OVERFLOW` if a group's counts add up past 1.8e308.
 * @remarks The samples must be independent (different respondents). Variances are not
 * pooled, because the null hypothesis "same NPS" does not imply the same promoter and
 * detractor shares. When both variances are 0 (each sample all in one group) the standard
 * error is 0: z is 0 and the p-value 1 if the scores are equal, otherwise z is ±∞ and the
 * p-value 0.
 * @example
 * ```ts
 * const t = npsDifferenceTest(
 *   { promoters: 30, passives: 50, detractors: 20 },
 *   { promoters: 20, passives: 50, detractors: 30 },
 * );
 * t.difference; // => 20
 * t.z;          // => 2.0203050891044216
 * t.pValue;     // => 0.043351751260862215
 * ```
 * @see {@link https://en.wikipedia.org/wiki/Net_promoter_score}
 * @see {@link https://en.wikipedia.org/wiki/Z-test}
 * @category Stats
 */
export function npsDifferenceTest(a: NpsSample, b: NpsSample, options?: NpsDifferenceTestOptions): NpsDifferenceTest | undefined {
  const fn = "npsDifferenceTest";
  const confidenceLevel = confidenceLevelOf(fn, options?.confidenceLevel);
  const ma = npsMoments(npsCountsOf(fn, a, "a"));
  const mb = npsMoments(npsCountsOf(fn, b, "b"));
  if (ma === undefined || mb === undefined) return undefined;
  const rawDifference = ma.nps - mb.nps;
  const difference = rawDifference === 0 ? 0 : rawDifference;
  const standardError = 100 * Math.sqrt(ma.variance / ma.n + mb.variance / mb.n);
  let z: number;
  if (standardError === 0) z = difference === 0 ? 0 : difference > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  else z = difference / standardError;
  const half = twoSidedZ(confidenceLevel) * standardError;
  const lower = Math.max(-200, difference - half);
  const upper = Math.min(200, difference + half);
  return {
    difference,
    npsA: ma.nps,
    npsB: mb.nps,
    standardError,
    z: z === 0 ? 0 : z,
    pValue: twoSidedPValue(z),
    lower: lower === 0 ? 0 : lower,
    upper: upper === 0 ? 0 : upper,
    nA: ma.n,
    nB: mb.n,
    confidenceLevel,
    method: "two-sample z-test with unpooled variances on +1/0/−1 scores",
  };
}
