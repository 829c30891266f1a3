import type { SurveyScale } from "../../models/survey.ts";
import { cesMeanOf } from "./cesAccumulator.ts";

/**
 * Options of {@link ces}.
 *
 * @category Survey
 */
export interface CesOptions {
  /** The survey's scale (integer bounds). Default `{ min: 1, max: 7 }`, the CES 2.0 scale. */
  readonly scale?: SurveyScale;
}

/**
 * Customer Effort Score: the mean of the effort answers, on the survey's own scale.
 *
 * @param scores - Answers on `options.scale`, one per respondent.
 * @param options - {@link CesOptions}: the scale (default 1–7).
 * @returns The mean score, from `scale.min` to `scale.max`, or `undefined` when there are no answers.
 * @throws {@link MetricRangeError} `E_SCORE_RANGE` if a score is not an integer on the scale;
 * `E_SCALE` if the scale's bounds are not integers with `min < max`.
 * @remarks The exact integer sum over the count (exact while the sum stays below 2^53), unrounded;
 * the mean of {@link cesAccumulator}'s count and sum, folded without its easy count. The mean
 * is reported in the scale's own direction and never flipped, so it matches the survey tool's number: with the CES 2.0 statement "The
 * company made it easy for me to handle my issue" (1 = strongly disagree … 7 = strongly agree)
 * higher is easier; with an older "How much effort did you personally have to put forth?"
 * question (1 = very low effort) lower is easier. Whether higher is better is a property of the
 * question, not of the mean: {@link cesEasyShare} takes it as `higherIsEasier`.
 * @example
 * ```ts
 * ces([7, 6, 5, 2]);                                   // => 5
 * ces([10, 8, 3], { scale: { min: 1, max: 10 } });     // => 7
 * ces([]);                                             // => undefined
 * ```
 * @see "Top 3 Statistieken om de kwaliteit van de klantenservice te meten" (CES: one "how easy was it" question)
 * @see {@link https://en.wikipedia.org/wiki/Customer_effort_score}
 * @category Survey
 */
export function ces(scores: readonly number[], options: CesOptions = {}): number | undefined {
  return cesMeanOf("ces", scores, options.scale);
}
