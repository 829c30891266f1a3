import type { SurveyScale } from "../../models/survey.ts";

/**
 * The least easy score still counted as easy on a valid scale: the first integer past the
 * middle `(min + max) / 2` on the easy side, `⌊(min + max) / 2⌋ + 1` when higher is easier
 * (5 on 1–7, 4 on 1–5, 6 on 1–10), `⌈(min + max) / 2⌉ − 1` otherwise (3 on 1–7). The one home of
 * the CES "easy" rule: `cesEasyShare`, `cesAccumulator` and `surveyResponsesAccumulator` use it.
 *
 * @internal
 */
export function cesEasyThreshold(scale: SurveyScale, higherIsEasier = true): number {
  const middle = (scale.min + scale.max) / 2;
  return higherIsEasier ? Math.floor(middle) + 1 : Math.ceil(middle) - 1;
}

/**
 * Whether a score on a valid scale is easy: `score >= threshold` when higher is easier,
 * `score <= threshold` otherwise, the threshold being {@link cesEasyThreshold} unless given.
 *
 * @internal
 */
export function cesEasy(
  score: number,
  scale: SurveyScale,
  higherIsEasier = true,
  threshold: number = cesEasyThreshold(scale, higherIsEasier),
): boolean {
  return higherIsEasier ? score >= threshold : score <= threshold;
}
