import type { SurveyResponse } from "../survey.ts";
import { checkOptions, parseOne } from "./core.ts";
import type { ParseOptions } from "./options.ts";
import { rowSchemas } from "./rows.ts";

/**
 * Validates one untrusted row as a {@link SurveyResponse}, coercing the forms exports use,
 * and returns the response.
 *
 * @param row - A plain object with `kind`, `score`, `scale: { min, max }`, `answeredAt`
 *   and optional `ticketId`, `customerId`, `agent`, `channel`. Other keys are ignored.
 * @param options - {@link ParseOptions}; `timeZone` (default: none) reads naive local
 *   timestamps.
 * @returns The response (a new object).
 * @throws {@link ModelValidationError} `E_INVALID_SURVEY_RESPONSE` naming the first field,
 *   its reason and value; `issues` lists every problem.
 * @throws `MetricRangeError` (from `cx-metrics`) `E_TIME_ZONE` if `options.timeZone` is not a valid IANA zone.
 * @remarks `kind` is matched case-insensitively; `score`, `scale.min` and `scale.max`
 * are integers and accept decimal strings (`"4"`, `"4.0"`); ids accept finite numbers.
 * Invariants: `scale.min < scale.max`, `scale.min ≤ score ≤ scale.max`, and an `nps`
 * response uses `{ min: 0, max: 10 }`. Timestamps as in {@link parseTicket}.
 * @example
 * ```ts
 * const response = parseSurveyResponse({ kind: "CSAT", score: "4.0", scale: { min: "1", max: "5" }, answeredAt: 1772964000000 });
 * response.score;                    // => 4
 * response.answeredAt.toISOString(); // => "2026-03-08T10:00:00.000Z"
 * ```
 * @see "Top 3 Statistieken om de kwaliteit van de klantenservice te meten" (seed article 003: CSAT, NPS, CES scales)
 * @category Models
 */
export function parseSurveyResponse(row: unknown, options?: ParseOptions): SurveyResponse {
  const timeZone = checkOptions("parseSurveyResponse", options);
  return parseOne(rowSchemas(timeZone).survey, row, "parseSurveyResponse", "E_INVALID_SURVEY_RESPONSE");
}
