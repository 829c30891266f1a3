import { verbalPoint } from "./_labels.ts";

/**
 * Share of negative answers among 5-point verbal answers: answers with one of the two worst
 * labels (bottom-2-box) divided by all answers, as a fraction.
 *
 * @param labels - One label per respondent, from the scales listed at {@link csatVerbal}, in English or Dutch; case-insensitive.
 * @returns The share of negative answers from 0 to 1, or `undefined` when there are no answers.
 * @throws {@link MetricRangeError} `E_UNKNOWN_LABEL`, naming the label, if a label is on none of the scales.
 * @remarks Negative = "dissatisfied", "very dissatisfied", "not good", "not great", "bad" and
 * their Dutch labels ("ontevreden", "zeer ontevreden", "niet goed", "niet groot", "slecht").
 * The middle labels ("somewhat satisfied", "adequate", "OK") are neutral, so
 * `csatVerbal(labels) + negativeShareVerbal(labels) ≤ 1`.
 * @example
 * ```ts
 * negativeShareVerbal(["excellent", "good", "OK", "not great", "bad"]); // => 0.4
 * negativeShareVerbal([]);                                              // => undefined
 * ```
 * @see "Top 3 Statistieken om de kwaliteit van de klantenservice te meten" (the verbal scales)
 * @see "Métricas para servicio al cliente ¡12 Indispensables!" (keep negative answers below 10 %)
 * @category Survey
 */
export function negativeShareVerbal(labels: readonly string[]): number | undefined {
  let negative = 0;
  for (const label of labels) if (verbalPoint("negativeShareVerbal", label) <= 2) negative++;
  return labels.length === 0 ? undefined : negative / labels.length;
}
