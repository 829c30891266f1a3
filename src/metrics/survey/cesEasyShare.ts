import type { SurveyScale } from "../../models/survey.ts";
import { cesAccumulatorFor } from "./cesAccumulator.ts";

/**
 * Options of {@link cesEasyShare}.
 *
 * @category Survey
 */
export interface CesEasyShareOptions {
  /** The survey's scale (integer bounds). Default `{ min: 1, max: 7 }`, the CES 2.0 scale. */
  readonly scale?: SurveyScale;
  /**
   * Whether a higher score means less effort. Default `true`, as in CES 2.0 ("The company made
   * it easy for me to handle my issue", 1 = strongly disagree … 7 = strongly agree).
   */
  readonly higherIsEasier?: boolean;
  /**
   * The least easy score still counted as easy: easy means `score >= threshold` when
   * `higherIsEasier`, `score <= threshold` otherwise. Default: the points beyond the middle of
   * the scale on the easy side, the first integer past `(min + max) / 2` — 5 on 1–7 (top-3-box:
   * 5, 6, 7), 4 on 1–5, 6 on 1–10; with `higherIsEasier: false`, 3 on 1–7.
   */
  readonly threshold?: number;
}

/**
 * Share of "easy" effort answers: answers on the easy side of the threshold (by default the
 * agreeing side of the midpoint, top-3-box on 1–7) divided by all answers, as a fraction.
 *
 * @param scores - Answers on `options.scale`, one per respondent.
 * @param options - {@link CesEasyShareOptions}: scale (default 1–7), direction (default higher is easier), threshold (default past the midpoint).
 * @returns The share of easy answers from 0 to 1, or `undefined` when there are no answers.
 * @throws {@link MetricRangeError} `E_SCORE_RANGE` if a score is not an integer on the scale;
 * `E_SCALE` if the scale's bounds are not integers with `min < max`; `E_THRESHOLD` if the
 * threshold is not an integer on the scale; `E_OPTION` if `higherIsEasier` is not a boolean.
 * @remarks The midpoint itself (4 on 1–7) is neutral and is not easy by default. A fold of
 * {@link cesAccumulator}.
 * @example
 * ```ts
 * cesEasyShare([7, 6, 5, 4, 1]);                           // => 0.6
 * cesEasyShare([1, 2, 5, 7], { higherIsEasier: false });   // => 0.5
 * cesEasyShare([7, 6, 5, 4], { threshold: 6 });            // => 0.5
 * cesEasyShare([]);                                        // => undefined
 * ```
 * @see {@link https://en.wikipedia.org/wiki/Customer_effort_score}
 * @category Survey
 */
export function cesEasyShare(scores: readonly number[], options: CesEasyShareOptions = {}): number | undefined {
  const acc = cesAccumulatorFor("cesEasyShare", options);
  const state = acc.create();
  acc.addAll(state, scores);
  return acc.result(state)?.easyShare;
}
