/**
 * The kind of survey a {@link SurveyResponse} answers.
 *
 * - `nps`: "How likely are you to recommend us?", 0–10.
 * - `csat`: "How satisfied were you?", binary or a 1–5 (or other) scale.
 * - `ces`: "How easy was it to solve your problem?", e.g. 1–7 or 1–10.
 *
 * @category Models
 */
export type SurveyKind = "nps" | "csat" | "ces";

/**
 * The inclusive range of a numeric survey scale.
 *
 * @category Models
 */
export interface SurveyScale {
  /** The lowest possible score. */
  readonly min: number;
  /** The highest possible score. */
  readonly max: number;
}

/**
 * A customer's answer to a survey (the "Response" of the specification; named
 * `SurveyResponse` so it does not shadow the Fetch API's global `Response`).
 *
 * @category Models
 */
export interface SurveyResponse {
  /** Which survey this answers. */
  readonly kind: SurveyKind;
  /** The score given, on `scale`. Binary CSAT uses 0 (bad) and 1 (good) on `{ min: 0, max: 1 }`. */
  readonly score: number;
  /** The survey's scale. */
  readonly scale: SurveyScale;
  /** When the answer was given. */
  readonly answeredAt: Date;
  /** The ticket the survey was about, if any. */
  readonly ticketId?: string;
  /** The customer who answered. */
  readonly customerId?: string;
  /** The agent the answer is attributed to. */
  readonly agent?: string;
  /** The channel of the conversation surveyed. */
  readonly channel?: string;
}
