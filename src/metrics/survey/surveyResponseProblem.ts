import type { SurveyResponse } from "../../models/survey.ts";
import { isOnScale, isValidScale } from "./_scale.ts";
import { isNpsScore } from "./npsGroup.ts";

/**
 * Why a {@link SurveyResponse} cannot be counted: `unknownKind` (its `kind` is not `nps`,
 * `csat` or `ces`), `invalidScale` (its scale's bounds are not integers with `min < max`),
 * `scoreOutOfScale` (its score is not an integer on its scale, or, for NPS, not from 0 to 10).
 *
 * @category Survey
 */
export type SurveyResponseProblem = "unknownKind" | "invalidScale" | "scoreOutOfScale";

/**
 * Whether a survey response can be counted, and if not why: its kind must be `nps`, `csat` or
 * `ces`, its scale must have integer bounds with `min < max`, and its score must be an integer
 * on that scale (for NPS also from 0 to 10).
 *
 * @param response - One survey response; only `kind`, `score` and `scale` are read.
 * @returns The first problem found, in the order unknown kind, invalid scale, score off the
 * scale; `undefined` when the response can be counted.
 * @throws Never: every value of the fields is judged, none is refused.
 * @remarks The one home of this rule: {@link surveyResponsesAccumulator} refuses (throws for)
 * exactly the responses with a problem, and the report calls this function first to count them
 * by reason instead. `answeredAt` is not judged here (which dates count is the caller's business).
 * @example
 * ```ts
 * const at = new Date("2024-05-01T10:00:00Z");
 * surveyResponseProblem({ kind: "nps", score: 9, scale: { min: 0, max: 10 }, answeredAt: at });  // => undefined
 * surveyResponseProblem({ kind: "csat", score: 6, scale: { min: 1, max: 5 }, answeredAt: at });  // => "scoreOutOfScale"
 * surveyResponseProblem({ kind: "ces", score: 3, scale: { min: 7, max: 1 }, answeredAt: at });   // => "invalidScale"
 * ```
 * @see {@link https://en.wikipedia.org/wiki/Net_promoter_score} (the 0–10 NPS scale)
 * @category Survey
 */
export function surveyResponseProblem(response: SurveyResponse): SurveyResponseProblem | undefined {
  if (response.kind !== "nps" && response.kind !== "csat" && response.kind !== "ces") return "unknownKind";
  if (!isValidScale(response.scale)) return "invalidScale";
  if (!isOnScale(response.score, response.scale)) return "scoreOutOfScale";
  if (response.kind === "nps" && !isNpsScore(response.score)) return "scoreOutOfScale";
  return undefined;
}
