import { addNpsScores, npsResult, npsState } from "./npsAccumulator.ts";

/**
 * The counts and shares behind a Net Promoter Score.
 *
 * @category Survey
 */
export interface NpsBreakdown {
  /** Number of answers. */
  readonly total: number;
  /** Answers of 9 or 10. */
  readonly promoters: number;
  /** Answers of 7 or 8. */
  readonly passives: number;
  /** Answers from 0 to 6. */
  readonly detractors: number;
  /** `promoters / total`, a fraction from 0 to 1. */
  readonly promoterShare: number;
  /** `passives / total`, a fraction from 0 to 1. */
  readonly passiveShare: number;
  /** `detractors / total`, a fraction from 0 to 1. */
  readonly detractorShare: number;
  /** The Net Promoter Score in points from −100 to 100; always equal to {@link nps} of the same answers. */
  readonly nps: number;
}

/**
 * Counts promoters (9–10), passives (7–8) and detractors (0–6), their shares of all answers,
 * and the Net Promoter Score (promoter share minus detractor share, in points).
 *
 * @param scores - Answers on the 0–10 scale, one per respondent.
 * @returns The breakdown, or `undefined` when there are no answers.
 * @throws {@link MetricRangeError} `E_SCORE_RANGE` if a score is not an integer from 0 to 10.
 * @remarks Shares are unrounded fractions and add up to 1 (up to floating-point rounding);
 * `nps` is computed exactly as {@link nps} computes it, so the two always agree: both are folds
 * of {@link npsAccumulator}.
 * @example
 * ```ts
 * npsBreakdown([10, 9, 8, 7, 6, 0]).nps;           // => 0
 * npsBreakdown([10, 9, 8, 7, 6, 0]).promoterShare; // => 0.3333333333333333
 * npsBreakdown([]);                                // => undefined
 * ```
 * @see {@link https://en.wikipedia.org/wiki/Net_promoter_score}
 * @see "Top 3 Statistieken om de kwaliteit van de klantenservice te meten" (30 promoters, 50 passives, 20 detractors → 10)
 * @category Survey
 */
export function npsBreakdown(scores: readonly number[]): NpsBreakdown | undefined {
  const state = npsState();
  addNpsScores("npsBreakdown", state, scores);
  return npsResult(state);
}
