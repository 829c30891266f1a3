import type { SurveyResponse } from "../survey.ts";
import { checkOptions, parseMany } from "./core.ts";
import type { ParseOptions, ParseRowsResult } from "./options.ts";
import { rowSchemas } from "./rows.ts";

/**
 * Validates untrusted rows as {@link SurveyResponse}s: the rows that fit become responses,
 * the others are rejected with their issues, so `used + rejected === rows`.
 *
 * @param rows - Plain objects, each read as {@link parseSurveyResponse} reads it.
 * @param options - {@link ParseOptions}; `timeZone` (default: none) reads naive local
 *   timestamps.
 * @returns The responses, the issues (row index, field, value, reason) and the counts;
 *   `ok` is `true` when no row was rejected. No rows give `{ ok: true, value: [], rows: 0, … }`.
 * @throws `MetricRangeError` (from `cx-metrics`) `E_TIME_ZONE` if `options.timeZone` is not a valid IANA zone.
 * @remarks Never throws for bad rows. Duplicate responses are not detected (a customer may
 * answer twice).
 * @example
 * ```ts
 * const at = "2026-03-08T10:00:00Z";
 * const result = safeParseSurveyResponses([
 *   { kind: "nps", score: 9, scale: { min: 0, max: 10 }, answeredAt: at },
 *   { kind: "nps", score: 11, scale: { min: 0, max: 10 }, answeredAt: at },
 * ]);
 * result.used;             // => 1
 * result.issues[0].reason; // => "must be within the scale, from scale.min to scale.max"
 * ```
 * @see "Top 3 Statistieken om de kwaliteit van de klantenservice te meten" (seed article 003: CSAT, NPS, CES scales)
 * @category Models
 */
export function safeParseSurveyResponses(rows: readonly unknown[], options?: ParseOptions): ParseRowsResult<SurveyResponse> {
  const timeZone = checkOptions("safeParseSurveyResponses", options);
  return parseMany(rowSchemas(timeZone).survey, rows);
}
