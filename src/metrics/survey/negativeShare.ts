import type { SurveyScale } from "../../models/survey.ts";
import { bottomBoxShare } from "./_scale.ts";

/**
 * Options of {@link negativeShare}.
 *
 * @category Survey
 */
export interface NegativeShareOptions {
  /** The survey's scale (integer bounds). Default `{ min: 1, max: 5 }`. */
  readonly scale?: SurveyScale;
  /**
   * The highest score counted as negative: an answer is negative when `score <= threshold`.
   * Default `scale.min + 1` (bottom-2-box: 1 and 2 on 1–5); required on scales with fewer
   * than 5 points.
   */
  readonly threshold?: number;
}

/**
 * Share of negative answers: answers at or below the threshold (bottom-2-box by default)
 * divided by all answers, as a fraction.
 *
 * @param scores - Answers on `options.scale`, one per respondent.
 * @param options - {@link NegativeShareOptions}: the scale (default 1–5) and the negative threshold (default bottom-2-box).
 * @returns The share of negative answers from 0 to 1, or `undefined` when there are no answers.
 * @throws {@link MetricRangeError} `E_SCORE_RANGE` if a score is not an integer on the scale;
 * `E_SCALE` if the scale's bounds are not integers with `min < max`; `E_THRESHOLD` if the
 * threshold is not an integer on the scale, or is left out on a scale with fewer than 5 points.
 * @remarks Negative means the bottom two points of a 5-point scale (1 and 2) unless you set
 * `threshold`; the middle point is neutral, neither satisfied nor negative. With the default
 * boxes, `csat(scores) + negativeShare(scores) ≤ 1`. Some helpdesks (Zendesk on a 1–5 scale)
 * count 3 as "bad"; pass `threshold: 3` to match them. For good/bad answers use
 * {@link negativeShareBinary}; for verbal labels use {@link negativeShareVerbal}.
 * @example
 * ```ts
 * negativeShare([5, 4, 3, 2, 1]);                   // => 0.4
 * negativeShare([5, 4, 3, 2, 1], { threshold: 1 }); // => 0.2
 * negativeShare([]);                                // => undefined
 * ```
 * @see "Métricas para servicio al cliente ¡12 Indispensables!" (keep negative answers below 10 %)
 * @category Survey
 */
export function negativeShare(scores: readonly number[], options: NegativeShareOptions = {}): number | undefined {
  return bottomBoxShare("negativeShare", scores, options);
}
