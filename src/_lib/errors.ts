/**
 * Every stable code of {@link MetricRangeError}, in alphabetical order; docs/guide/errors.md
 * documents each one (a test checks that the two agree). Adding a code is adding one line here
 * and one row there.
 *
 * @category Errors
 */
export const METRIC_ERROR_CODES = [
  "E_ACQUIRED_EXCEEDS_END",
  "E_ACTIVE_EXCEEDS_SIZE",
  "E_AGENTS_LIMIT",
  "E_AGENTS_RANGE",
  "E_ANSWER_TIME",
  "E_ARRIVALS_RANGE",
  "E_ASA_TARGET",
  "E_BUCKET_LIMIT",
  "E_BUCKET_UNIT",
  "E_CHART_DATA",
  "E_COMPARE_NEEDS_PERIOD",
  "E_CONFIDENCE_LEVEL",
  "E_COUNT_RANGE",
  "E_DURATION",
  "E_ERLANG_A_STATES",
  "E_FRACTION_RANGE",
  "E_HANDLE_TIME",
  "E_INTERVAL_LENGTH",
  "E_INVALID_DATE",
  "E_LEADERBOARD_METRIC",
  "E_LIFETIME_INPUT",
  "E_LOST_EXCEEDS_START",
  "E_MAP_ENTRY",
  "E_MAP_FIELD",
  "E_MARGIN_RANGE",
  "E_MIN_SAMPLE",
  "E_MODE",
  "E_NEGATIVE_DURATION",
  "E_NOT_FINITE",
  "E_OCCUPANCY_CAP",
  "E_OFFERED_LOAD",
  "E_OPTION",
  "E_OPTION_VALUE",
  "E_OVERFLOW",
  "E_PATIENCE_RANGE",
  "E_PERIOD",
  "E_PERIOD_ORDER",
  "E_PRESET",
  "E_RESAMPLES",
  "E_RESOLVED_EXCEEDS_RECEIVED",
  "E_RESPONSES_EXCEED_REQUESTS",
  "E_RETAINED_EXCEEDS_START",
  "E_SCALE",
  "E_SCHEDULE_EMPTY",
  "E_SCHEDULE_HORIZON",
  "E_SCHEDULE_INVALID",
  "E_SCORE_RANGE",
  "E_SEED",
  "E_SEGMENT_KEY",
  "E_SERVICE_LEVEL_TARGET",
  "E_SHARES_SUM",
  "E_SHRINKAGE_RANGE",
  "E_SPAN_LIMIT",
  "E_SLA_SCHEDULE",
  "E_SLA_TARGET",
  "E_STATE_FORMAT",
  "E_STATUS_MAP",
  "E_SUCCESSES_EXCEED_TRIALS",
  "E_THRESHOLD",
  "E_TIME_ZONE",
  "E_TOP_N",
  "E_TRAFFIC_LIMIT",
  "E_UNKNOWN_LABEL",
  "E_UNKNOWN_STATUS",
  "E_VALUE_RANGE",
] as const;

/**
 * A stable code of {@link MetricRangeError}: one of {@link METRIC_ERROR_CODES}, such as
 * `"E_SCORE_RANGE"`.
 *
 * @category Errors
 */
export type MetricErrorCode = (typeof METRIC_ERROR_CODES)[number];

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
  readonly code: MetricErrorCode;

  /**
   * @param code - The stable error code, one of {@link METRIC_ERROR_CODES}.
   * @param message - `functionName: what must hold, got value`, without a final period.
   */
  constructor(code: MetricErrorCode, message: string) {
    super(message);
    this.name = "MetricRangeError";
    this.code = code;
  }
}
