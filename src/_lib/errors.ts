/**
 * Thrown when a metric receives an argument that cannot be right: a score outside its
 * scale, a negative count, more customers lost than there were, an end before a start,
 * `NaN`. The `code` is stable across versions; the message names the function, the
 * argument and the value, in the form `nps: score must be an integer from 0 to 10, got 11`.
 *
 * Missing data is not an error: a metric with nothing to measure returns `undefined`.
 *
 * @example
 * ```ts
 * try {
 *   nps([11]);
 * } catch (error) {
 *   if (error instanceof MetricRangeError) error.code; // => "E_SCORE_RANGE"
 * }
 * ```
 * @category Errors
 */
export class MetricRangeError extends RangeError {
  /** A stable, machine-readable code such as `E_SCORE_RANGE`; see docs/guide/errors.md. */
  readonly code: `E_${string}`;

  /**
   * @param code - The stable error code, `E_` followed by upper-case words.
   * @param message - `functionName: what must hold, got value`, without a final period.
   */
  constructor(code: `E_${string}`, message: string) {
    super(message);
    this.name = "MetricRangeError";
    this.code = code;
  }
}
