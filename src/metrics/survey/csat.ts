import type { SurveyScale } from "../../models/survey.ts";
import { csatAccumulatorFor } from "./csatAccumulator.ts";

/**
 * Options of {@link csat}.
 *
 * @category Survey
 */
export interface CsatOptions {
  /** The survey's scale (integer bounds). Default `{ min: 1, max: 5 }`. */
  readonly scale?: SurveyScale;
  /**
   * The lowest score counted as satisfied: an answer is satisfied when `score >= threshold`.
   * Default `scale.max − 1` (top-2-box: 4 and 5 on 1–5); required on scales with fewer than
   * 5 points.
   */
  readonly threshold?: number;
}

/**
 * Customer Satisfaction Score from numeric answers: satisfied answers (score at or above the
 * threshold; top-2-box by default) divided by all answers, as a fraction.
 *
 * @param scores - Answers on `options.scale`, one per respondent.
 * @param options - {@link CsatOptions}: the scale (default 1–5) and the satisfied threshold (default top-2-box).
 * @returns The share of satisfied answers from 0 to 1, or `undefined` when there are no answers.
 * @throws {@link MetricRangeError} `E_SCORE_RANGE` if a score is not an integer on the scale;
 * `E_SCALE` if the scale's bounds are not integers with `min < max`; `E_THRESHOLD` if the
 * threshold is not an integer on the scale, or is left out on a scale with fewer than 5 points.
 * @remarks Every answer counts in the denominator; there is nothing to skip. Multiply by 100
 * for the percentage most articles print. For good/bad answers use {@link csatBinary}; for
 * verbal labels ("very satisfied" … "very dissatisfied") use {@link csatVerbal}. The share of
 * unhappy answers is {@link negativeShare}; with the default boxes `csat + negativeShare ≤ 1`,
 * the remainder being neutral answers. A fold of {@link csatAccumulator}.
 * @example
 * ```ts
 * csat([5, 4, 3, 2]);                                       // => 0.5
 * csat([10, 9, 8, 2], { scale: { min: 0, max: 10 } });      // => 0.5
 * csat([3, 4, 5], { threshold: 3 });                         // => 1
 * csat([]);                                                  // => undefined
 * ```
 * @see "8 valori ale serviciului clienți pe care fiecare companie trebuie să le urmărească în 2022" (CSAT = satisfied / all × 100)
 * @see {@link https://en.wikipedia.org/wiki/Customer_satisfaction}
 * @category Survey
 */
export function csat(scores: readonly number[], options: CsatOptions = {}): number | undefined {
  const acc = csatAccumulatorFor("csat", options);
  const state = acc.create();
  acc.addAll(state, scores);
  return acc.result(state)?.score;
}
