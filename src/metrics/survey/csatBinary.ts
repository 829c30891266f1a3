import { isGood, type BinaryAnswer } from "./_labels.ts";

/**
 * Customer Satisfaction Score from good/bad answers: good answers divided by all answers, as
 * a fraction.
 *
 * @param answers - One answer per respondent: `true` or `"good"` (satisfied), `false` or `"bad"`.
 * @returns The share of good answers from 0 to 1, or `undefined` when there are no answers.
 * @throws {@link MetricRangeError} `E_UNKNOWN_LABEL` if an answer is none of `true`, `false`, `"good"`, `"bad"` (strings are case-sensitive here, as in the type).
 * @remarks This is Zendesk's satisfaction score (good / (good + bad)). Offered-but-unanswered
 * surveys are not answers: leave them out (see {@link surveyResponseRate} for those).
 * @example
 * ```ts
 * csatBinary(["good", "good", "bad", true]); // => 0.75
 * csatBinary([]);                            // => undefined
 * ```
 * @see {@link https://support.zendesk.com/hc/en-us/articles/203662256}
 * @category Survey
 */
export function csatBinary(answers: readonly BinaryAnswer[]): number | undefined {
  let good = 0;
  for (const answer of answers) if (isGood("csatBinary", answer)) good++;
  return answers.length === 0 ? undefined : good / answers.length;
}
