import type { SurveyScale } from "../../models/survey.ts";

/**
 * The lowest satisfied score on a valid scale: `scale.max − 1` (top-2-box) on a scale of 5 or
 * more points, `scale.max` (the top point, e.g. 1 of a 0–1 good/bad scale) on a smaller one.
 * The one home of the CSAT "satisfied" rule: `csat` (whose default it is on 5+ point scales),
 * `csatAccumulator` and `surveyResponsesAccumulator` use it.
 *
 * @internal
 */
export function csatThreshold(scale: SurveyScale): number {
  return scale.max - scale.min + 1 >= 5 ? scale.max - 1 : scale.max;
}

/**
 * Whether a score on a valid scale is satisfied: `score >= threshold`, the threshold being
 * {@link csatThreshold} of the scale unless given.
 *
 * @internal
 */
export function csatSatisfied(score: number, scale: SurveyScale, threshold: number = csatThreshold(scale)): boolean {
  return score >= threshold;
}
