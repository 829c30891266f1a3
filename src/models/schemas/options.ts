import type { RowIssue } from "./errors.ts";

/**
 * Options of the parse helpers of `cx-metrics/models`.
 *
 * @category Models
 */
export interface ParseOptions {
  /**
   * The IANA time zone in which naive local timestamps (`"2026-03-08 10:00:00"`,
   * `"2026-03-08T10:00"`, `"2026-03-08"`) are read. A local time in a DST gap moves forward
   * by the gap; an ambiguous one (DST overlap) takes the first occurrence. Default: none,
   * and a timestamp without `Z` or a UTC offset is an issue.
   */
  readonly timeZone?: string;
}

/**
 * The result of a `safeParse…` batch helper. Every input row is either in `value` or has
 * at least one issue: `used + rejected === rows`.
 *
 * @typeParam T - The model type.
 * @category Models
 */
export interface ParseRowsResult<T> {
  /** `true` when no row was rejected. */
  readonly ok: boolean;
  /** The valid rows, as models, in input order. */
  readonly value: T[];
  /** Every problem found, by row then field. */
  readonly issues: RowIssue[];
  /** How many rows the input had. */
  readonly rows: number;
  /** How many rows are in `value`. */
  readonly used: number;
  /** How many rows were rejected (each has at least one issue). */
  readonly rejected: number;
}
