import { verbalPoint } from "./_labels.ts";

/**
 * Customer Satisfaction Score from 5-point verbal answers: answers with one of the two best
 * labels (top-2-box) divided by all answers, as a fraction.
 *
 * @param labels - One label per respondent, from one of the three 5-point scales below, in
 * English or in Dutch; case and surrounding whitespace are ignored.
 * @returns The share of satisfied answers from 0 to 1, or `undefined` when there are no answers.
 * @throws {@link MetricRangeError} `E_UNKNOWN_LABEL`, naming the label, if a label is on none of the scales.
 * @remarks The scales, best first (Dutch as printed in the source article):
 * - very satisfied, satisfied, somewhat satisfied, dissatisfied, very dissatisfied
 *   (zeer tevreden, tevreden, enigszins tevreden, ontevreden, zeer ontevreden);
 * - very good, good, adequate, not good, bad (zeer goed, goed, adequaat, niet goed, slecht);
 * - excellent, good, OK, not great, bad (uitstekend, goed, OK, niet groot, slecht).
 *
 * Satisfied = the first two labels of each scale. "good" and "bad" sit at the same point on
 * both scales that use them, so answers from different scales may be mixed.
 * @example
 * ```ts
 * csatVerbal(["Very satisfied", "satisfied", "somewhat satisfied", "dissatisfied"]); // => 0.5
 * csatVerbal(["uitstekend", "goed", "OK", "slecht"]);                               // => 0.5
 * csatVerbal([]);                                                                      // => undefined
 * ```
 * @see "Top 3 Statistieken om de kwaliteit van de klantenservice te meten" (the three verbal scales)
 * @category Survey
 */
export function csatVerbal(labels: readonly string[]): number | undefined {
  let satisfied = 0;
  for (const label of labels) if (verbalPoint("csatVerbal", label) >= 4) satisfied++;
  return labels.length === 0 ? undefined : satisfied / labels.length;
}
