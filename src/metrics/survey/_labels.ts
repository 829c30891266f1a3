import { MetricRangeError } from "../../_lib/errors.ts";

/**
 * A binary satisfaction answer: `true` / `"good"` (satisfied) or `false` / `"bad"`
 * (not satisfied), as in Zendesk-style good/bad ratings.
 *
 * @category Survey
 */
export type BinaryAnswer = boolean | "good" | "bad";

/**
 * Whether a binary answer is good; throws `E_UNKNOWN_LABEL` for anything else.
 *
 * @internal
 */
export function isGood(fn: string, answer: BinaryAnswer): boolean {
  if (answer === true || answer === "good") return true;
  if (answer === false || answer === "bad") return false;
  throw new MetricRangeError(
    "E_UNKNOWN_LABEL",
    `${fn}: answer must be true, false, "good" or "bad", got ${typeof answer === "string" ? JSON.stringify(answer) : String(answer)}`,
  );
}

/**
 * The three 5-point verbal scales of "Top 3 Statistieken om de kwaliteit van de
 * klantenservice te meten", in English and in the article's Dutch, each label mapped to its
 * point (5 = best). A label shared by two scales ("good", "bad") has the same point on both.
 *
 * @internal
 */
const POINTS: ReadonlyMap<string, number> = new Map<string, number>([
  // Satisfaction: "Hoe tevreden bent u met uw recente aankoop?"
  ["very satisfied", 5],
  ["satisfied", 4],
  ["somewhat satisfied", 3],
  ["dissatisfied", 2],
  ["very dissatisfied", 1],
  ["zeer tevreden", 5],
  ["tevreden", 4],
  ["enigszins tevreden", 3],
  ["ontevreden", 2],
  ["zeer ontevreden", 1],
  // Experience: "Hoe was je consultatie-ervaring?"
  ["very good", 5],
  ["good", 4],
  ["adequate", 3],
  ["not good", 2],
  ["bad", 1],
  ["zeer goed", 5],
  ["goed", 4],
  ["adequaat", 3],
  ["niet goed", 2],
  ["slecht", 1],
  // Quality: "Hoe zou u de kwaliteit van … waarderen?"
  ["excellent", 5],
  ["ok", 3],
  ["not great", 2],
  ["uitstekend", 5],
  ["niet groot", 2],
]);

/**
 * The point (1–5, 5 = best) of a verbal label, case-insensitive, surrounding and repeated
 * whitespace ignored; throws `E_UNKNOWN_LABEL` naming the label otherwise.
 *
 * @internal
 */
export function verbalPoint(fn: string, label: string): number {
  const point = typeof label === "string" ? POINTS.get(label.trim().replace(/\s+/g, " ").toLowerCase()) : undefined;
  if (point === undefined) {
    throw new MetricRangeError(
      "E_UNKNOWN_LABEL",
      `${fn}: label must be a label of a 5-point verbal CSAT scale, got ${typeof label === "string" ? JSON.stringify(label) : String(label)}`,
    );
  }
  return point;
}
