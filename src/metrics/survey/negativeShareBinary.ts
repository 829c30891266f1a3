import { isGood, type BinaryAnswer } from "./_labels.ts";

/**
 * Share of negative answers among good/bad answers: bad answers divided by all answers, as a
 * fraction.
 *
 * @param answers - One answer per respondent: `true` or `"good"`, `false` or `"bad"` (negative).
 * @returns The share of bad answers from 0 to 1, or `undefined` when there are no answers.
 * @throws {@link MetricRangeError} `E_UNKNOWN_LABEL` if an answer is none of `true`, `false`, `"good"`, `"bad"`.
 * @remarks With binary answers there is no neutral middle, so
 * `csatBinary(answers) + negativeShareBinary(answers) = 1` whenever there are answers.
 * @example
 * ```ts
 * negativeShareBinary(["good", "bad", "good", "good"]); // => 0.25
 * negativeShareBinary([]);                              // => undefined
 * ```
 * @see "Métricas para servicio al cliente ¡12 Indispensables!" (keep negative answers below 10 %)
 * @category Survey
 */
export function negativeShareBinary(answers: readonly BinaryAnswer[]): number | undefined {
  let bad = 0;
  for (const answer of answers) if (!isGood("negativeShareBinary", answer)) bad++;
  return answers.length === 0 ? undefined : bad / answers.length;
}
