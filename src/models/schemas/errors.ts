/**
 * One problem with one field of a record.
 *
 * @category Models
 */
export interface FieldIssue {
  /** The dot path of the field, e.g. `"createdAt"` or `"messages.0.at"`; `""` for the record itself. */
  readonly field: string;
  /** The value found at `field` in the input (`undefined` when it is missing). */
  readonly value: unknown;
  /** What must hold, completing the sentence "`field` …", e.g. `"must be a non-negative integer"`. */
  readonly reason: string;
}

/**
 * One problem with one field of one row of a batch.
 *
 * @category Models
 */
export interface RowIssue extends FieldIssue {
  /** The 0-based index of the row in the input. */
  readonly row: number;
}

/**
 * Every stable code of {@link ModelValidationError}, one per model; docs/guide/errors.md
 * documents each one (a test checks that the two agree). Adding a code is adding one line here
 * and one row there.
 *
 * @category Errors
 */
export const MODEL_VALIDATION_CODES = ["E_INVALID_TICKET", "E_INVALID_SURVEY_RESPONSE", "E_INVALID_COHORT", "E_INVALID_SCHEDULE"] as const;

/**
 * A stable code of {@link ModelValidationError}: one of {@link MODEL_VALIDATION_CODES}.
 *
 * @category Errors
 */
export type ModelValidationCode = (typeof MODEL_VALIDATION_CODES)[number];

/**
 * Thrown by the `parse…` helpers of `cx-metrics/models` when a record does not fit its
 * model. The message names the first field, its reason and the value
 * (`parseTicket: createdAt is required, got undefined`, plus `(and N more issues)` when
 * there are more); `issues` lists them all. The `code` is stable across versions.
 *
 * @example
 * ```ts
 * try {
 *   parseTicket({ id: "1", status: "open" });
 * } catch (error) {
 *   if (error instanceof ModelValidationError) error.code; // => "E_INVALID_TICKET"
 * }
 * ```
 * @category Errors
 */
export class ModelValidationError extends TypeError {
  /** Which model failed: `E_INVALID_TICKET`, `E_INVALID_SURVEY_RESPONSE`, `E_INVALID_COHORT` or `E_INVALID_SCHEDULE`. */
  readonly code: ModelValidationCode;
  /** Every problem found, in field order; never empty. */
  readonly issues: readonly FieldIssue[];

  /**
   * @param code - The stable error code.
   * @param message - `functionName: field reason, got value`, without a final period.
   * @param issues - Every problem found.
   */
  constructor(code: ModelValidationCode, message: string, issues: readonly FieldIssue[]) {
    super(message);
    this.name = "ModelValidationError";
    this.code = code;
    this.issues = issues;
  }
}
