import { MetricRangeError } from "../../_lib/errors.ts";

/** The NPS group of detractors (answers 0–6). @internal */
export const DETRACTOR = 0;
/** The NPS group of passives (answers 7–8). @internal */
export const PASSIVE = 1;
/** The NPS group of promoters (answers 9–10). @internal */
export const PROMOTER = 2;

/**
 * The NPS group of an answer: {@link DETRACTOR}, {@link PASSIVE} or {@link PROMOTER}. Numbers,
 * not names: counting by comparing small integers is several times faster than by strings.
 *
 * @internal
 */
export type NpsGroup = typeof DETRACTOR | typeof PASSIVE | typeof PROMOTER;

/**
 * Whether `score` is an NPS answer: an integer from 0 to 10. The one home of that rule.
 *
 * @internal
 */
export function isNpsScore(score: number): boolean {
  return Number.isInteger(score) && score >= 0 && score <= 10;
}

/**
 * The NPS group of a valid answer (see {@link isNpsScore}): 9–10 promoters, 7–8 passives,
 * 0–6 detractors. The one home of the NPS grouping: `nps`, `npsBreakdown`, `npsAccumulator`,
 * `surveyResponsesAccumulator` and the stats area (`npsInterval`, `npsDifferenceTest`) all use it.
 *
 * @internal
 */
export function npsGroup(score: number): NpsGroup {
  return score >= 9 ? PROMOTER : score >= 7 ? PASSIVE : DETRACTOR;
}

/**
 * The `E_SCORE_RANGE` error of an answer that is not an NPS score, e.g.
 * `nps: score must be an integer from 0 to 10, got 11` (`subject`: `"score must be an integer"`).
 *
 * @internal
 */
export function npsScoreError(fn: string, subject: string, score: unknown): MetricRangeError {
  return new MetricRangeError("E_SCORE_RANGE", `${fn}: ${subject} from 0 to 10, got ${String(score)}`);
}
