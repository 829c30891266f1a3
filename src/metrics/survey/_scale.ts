import { MetricRangeError } from "../../_lib/errors.ts";
import type { SurveyScale } from "../../models/survey.ts";
import { csatThreshold } from "./csatSatisfied.ts";

/** The 1–5 scale, the default for CSAT and negative share. @internal */
export const FIVE_POINT: SurveyScale = { min: 1, max: 5 };

/** The 1–7 scale of CES 2.0, the default for CES. @internal */
export const SEVEN_POINT: SurveyScale = { min: 1, max: 7 };

/**
 * Whether `scale` is a scale: an object with integer bounds and `min < max`. The one home of
 * that rule (`checkScale`, `surveyResponseProblem`).
 *
 * @internal
 */
export function isValidScale(scale: SurveyScale): boolean {
  return scale !== null && typeof scale === "object" && Number.isInteger(scale.min) && Number.isInteger(scale.max) && scale.min < scale.max;
}

/**
 * Whether `score` is an answer on a valid `scale`: an integer from `scale.min` to `scale.max`.
 * The one home of that rule (`checkScore`, `surveyResponseProblem`).
 *
 * @internal
 */
export function isOnScale(score: number, scale: SurveyScale): boolean {
  return Number.isInteger(score) && score >= scale.min && score <= scale.max;
}

/**
 * Throws `E_SCALE` unless `scale` has integer bounds with `min < max`.
 *
 * @internal
 */
export function checkScale(fn: string, scale: SurveyScale): void {
  if (!isValidScale(scale)) {
    const shown = scale !== null && typeof scale === "object" ? `{ min: ${String(scale.min)}, max: ${String(scale.max)} }` : String(scale);
    throw new MetricRangeError("E_SCALE", `${fn}: scale must have integer bounds with min < max, got ${shown}`);
  }
}

/**
 * Throws `E_SCORE_RANGE` unless `score` is an integer on `scale`.
 *
 * @internal
 */
export function checkScore(fn: string, score: number, scale: SurveyScale): void {
  if (!isOnScale(score, scale)) {
    throw new MetricRangeError(
      "E_SCORE_RANGE",
      `${fn}: score must be an integer from ${String(scale.min)} to ${String(scale.max)}, got ${String(score)}`,
    );
  }
}

/**
 * Throws `E_THRESHOLD` unless `threshold` is an integer on `scale`.
 *
 * @internal
 */
export function checkThreshold(fn: string, threshold: number, scale: SurveyScale): void {
  if (!Number.isInteger(threshold) || threshold < scale.min || threshold > scale.max) {
    throw new MetricRangeError(
      "E_THRESHOLD",
      `${fn}: threshold must be an integer from ${String(scale.min)} to ${String(scale.max)}, got ${String(threshold)}`,
    );
  }
}

/**
 * The default box for CSAT-style metrics: `scale.max − 1` (top-2-box) or `scale.min + 1`
 * (bottom-2-box). Two-point boxes are only meaningful on scales of at least five points, so
 * on a shorter scale the caller must choose: throws `E_THRESHOLD`.
 *
 * @internal
 */
export function twoBoxThreshold(fn: string, scale: SurveyScale, side: "top" | "bottom"): number {
  if (scale.max - scale.min + 1 < 5) {
    throw new MetricRangeError(
      "E_THRESHOLD",
      `${fn}: threshold must be given for a scale with fewer than 5 points, got scale ${String(scale.min)} to ${String(scale.max)}`,
    );
  }
  return side === "top" ? csatThreshold(scale) : scale.min + 1;
}

/**
 * The share of `scores` in the bottom box (`score <= threshold`) on `scale`, after checking the
 * scale, the threshold (default: the bottom two points) and every score; `undefined` for no
 * scores. The body of `negativeShare` (`csat` is a fold of `csatAccumulator`).
 *
 * @internal
 */
export function bottomBoxShare(
  fn: string,
  scores: readonly number[],
  options: { readonly scale?: SurveyScale; readonly threshold?: number },
): number | undefined {
  const scale = options.scale ?? FIVE_POINT;
  checkScale(fn, scale);
  const threshold = options.threshold ?? twoBoxThreshold(fn, scale, "bottom");
  checkThreshold(fn, threshold, scale);
  let inBox = 0;
  for (const score of scores) {
    checkScore(fn, score, scale);
    if (score <= threshold) inBox++;
  }
  return scores.length === 0 ? undefined : inBox / scores.length;
}
