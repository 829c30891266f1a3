import { addHappinessRatings, happinessResult, happinessState, type HappinessRating } from "./happinessScoreAccumulator.ts";

/**
 * Help Scout's happiness score: the share of "great" ratings minus the share of "not good"
 * ratings, in points from −100 to 100. "Okay" ratings count toward the total only.
 *
 * @param ratings - One satisfaction rating per rated reply: `"great"`, `"okay"`, `"not good"`
 *   (or 3, 2, 1).
 * @returns The score, or `undefined` when there are no ratings.
 * @throws {@link MetricRangeError} `E_UNKNOWN_LABEL` if a rating is not a {@link HappinessRating}
 *   (labels are case-sensitive, as in the type; map Help Scout's `not_good` and the webhooks'
 *   `Bad` to `"not good"` first).
 * @remarks Unrounded. The same arithmetic as NPS on a three-answer scale; Help Scout's reports
 * show it next to the shares of each answer, which {@link happinessScoreAccumulator}'s result
 * gives. A fold of {@link happinessScoreAccumulator}.
 * @example
 * ```ts
 * happinessScore(["great", "great", "okay", "not good"]); // => 25
 * happinessScore([3, 1]);                                  // => 0
 * happinessScore([]);                                      // => undefined
 * ```
 * @see {@link https://developer.helpscout.com/help-desk-api/reports/happiness/happiness/ | Help Scout: Happiness Report}
 * @category Survey
 */
export function happinessScore(ratings: readonly HappinessRating[]): number | undefined {
  const state = happinessState();
  addHappinessRatings("happinessScore", state, ratings);
  return happinessResult(state)?.score;
}
