import { confidenceLevelOf, twoSidedZ } from "./confidence.ts";
import { npsCountsOf, npsMoments, type NpsSample } from "./_npsCounts.ts";

/**
 * Options of {@link npsInterval}.
 *
 * @category Stats
 */
export interface NpsIntervalOptions {
  /** Confidence level, strictly between 0 and 1. Default: 0.95. */
  readonly confidenceLevel?: number;
}

/**
 * A Net Promoter Score with its standard error and confidence interval.
 *
 * @category Stats
 */
export interface NpsInterval {
  /** The NPS in points from −100 to 100. */
  readonly nps: number;
  /** Standard error of the NPS in points: 100·√(variance / n). */
  readonly standardError: number;
  /** Lower bound in points, clamped to −100. */
  readonly lower: number;
  /** Upper bound in points, clamped to 100. */
  readonly upper: number;
  /** Number of answers. */
  readonly n: number;
  /** The confidence level used. */
  readonly confidenceLevel: number;
  /** How the interval was computed. */
  readonly method: "normal approximation on +1/0/−1 scores (Wald), clamped to [−100, 100]";
}

/**
 * The Net Promoter Score with a normal-approximation confidence interval: each answer is
 * scored +1 (promoter), 0 (passive) or −1 (detractor), whose variance is p + d − (p − d)²;
 * the interval is NPS ± z·100·√(variance / n), clamped to [−100, 100].
 *
 * @param sample - Raw 0–10 scores (one per respondent) or counts `{ promoters, passives, detractors }`.
 * @param options - {@link NpsIntervalOptions}: `confidenceLevel` (default 0.95).
 * @returns The NPS, standard error and interval in points, or `undefined` when there are no answers.
 * @throws {@link MetricRangeError} `E_SCORE_RANGE` if a score is not an integer from 0 to 10;
 * `E_COUNT_RANGE` if a count is not a non-negative integer; `E_CONFIDENCE_LEVEL` if the
 * confidence level is not strictly between 0 and 1; `E_OVERFLOW` if the counts add up past 1.8e308.
 * @remarks The Wald interval is the one NPS vendors and most textbooks use; it is adequate
 * for the usual survey sizes (n ≥ 30 or so) and too narrow for very small ones. When every
 * answer falls in one group the variance is 0 and the interval collapses to the point
 * (nothing in the data measures the spread). The clamp to [−100, 100] only matters when
 * the estimate is near an end of the scale. z is the exact normal quantile Φ⁻¹((1 + level)/2).
 * @example
 * ```ts
 * const r = npsInterval({ promoters: 30, passives: 50, detractors: 20 });
 * r.nps;           // => 10
 * r.standardError; // => 6.999999999999999
 * r.lower;         // => -3.719747891780383
 * npsInterval([]); // => undefined
 * ```
 * @see {@link https://en.wikipedia.org/wiki/Net_promoter_score}
 * @see "Top 3 Statistieken om de kwaliteit van de klantenservice te meten" (the 30/50/20 example)
 * @category Stats
 */
export function npsInterval(sample: NpsSample, options?: NpsIntervalOptions): NpsInterval | undefined {
  const fn = "npsInterval";
  const confidenceLevel = confidenceLevelOf(fn, options?.confidenceLevel);
  const moments = npsMoments(npsCountsOf(fn, sample));
  if (moments === undefined) return undefined;
  const { nps, variance, n } = moments;
  const standardError = 100 * Math.sqrt(variance / n);
  const half = twoSidedZ(confidenceLevel) * standardError;
  const lower = Math.max(-100, nps - half);
  const upper = Math.min(100, nps + half);
  return {
    nps,
    standardError,
    lower: lower === 0 ? 0 : lower,
    upper: upper === 0 ? 0 : upper,
    n,
    confidenceLevel,
    method: "normal approximation on +1/0/−1 scores (Wald), clamped to [−100, 100]",
  };
}
