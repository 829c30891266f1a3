import { addNpsScores, npsResult, npsState } from "./npsAccumulator.ts";

/**
 * Net Promoter Score: the share of promoters (9–10) minus the share of detractors (0–6),
 * in points from −100 to 100. Passives (7–8) count toward the total only.
 *
 * @param scores - Answers on the 0–10 scale, one per respondent.
 * @returns The score, or `undefined` when there are no answers.
 * @throws {@link MetricRangeError} `E_SCORE_RANGE` if a score is not an integer from 0 to 10.
 * @remarks Unrounded. Use {@link npsBreakdown} for the counts and shares. A fold of
 * {@link npsAccumulator}.
 * @example
 * ```ts
 * nps([10, 9, 8, 7, 6, 0]); // => 0
 * nps([]);                  // => undefined
 * ```
 * @see {@link https://en.wikipedia.org/wiki/Net_promoter_score}
 * @category Survey
 */
export function nps(scores: readonly number[]): number | undefined {
  const state = npsState();
  addNpsScores("nps", state, scores);
  return npsResult(state)?.nps;
}
