import { MetricRangeError } from "../../_lib/errors.ts";
import { assertCount } from "../../_lib/guards.ts";

/**
 * Survey response rate: answers received divided by survey requests sent, as a fraction.
 *
 * @param answers - How many surveys were answered.
 * @param requestsSent - How many survey requests were sent (offered).
 * @returns The response rate from 0 to 1, or `undefined` when no requests were sent.
 * @throws {@link MetricRangeError} `E_COUNT_RANGE` if a count is not a non-negative integer;
 * `E_RESPONSES_EXCEED_REQUESTS` if `answers > requestsSent`.
 * @remarks Count both over the same requests: answers to requests sent before the period
 * belong with those requests, or the rate can pass 100 %, which this function refuses.
 * @example
 * ```ts
 * surveyResponseRate(25, 200); // => 0.125
 * surveyResponseRate(0, 0);    // => undefined
 * ```
 * @see "4 مقاييس دعم العملاء التي تدفع النمو" (feedback requests sent and answers received)
 * @category Survey
 */
export function surveyResponseRate(answers: number, requestsSent: number): number | undefined {
  assertCount("surveyResponseRate", "answers", answers);
  assertCount("surveyResponseRate", "requestsSent", requestsSent);
  if (answers > requestsSent) {
    throw new MetricRangeError(
      "E_RESPONSES_EXCEED_REQUESTS",
      `surveyResponseRate: answers must be at most requestsSent (${String(requestsSent)}), got ${String(answers)}`,
    );
  }
  return requestsSent === 0 ? undefined : answers / requestsSent;
}
