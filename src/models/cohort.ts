/**
 * The length of one period of a cohort's retention series.
 *
 * @category Models
 */
export type CohortPeriod = "day" | "week" | "month" | "quarter" | "year";

/**
 * A group of customers who started in the same period, and how many of them were still
 * active in each following period.
 *
 * @category Models
 */
export interface Cohort {
  /** A label, e.g. `"2026-01"`. */
  readonly label: string;
  /** The start of the cohort's first period. */
  readonly start: Date;
  /** How many customers the cohort started with. */
  readonly size: number;
  /**
   * How many were still active in each following period: `active[0]` is period 1 after
   * the start, `active[1]` period 2, and so on. Each value is at most `size`.
   */
  readonly active: readonly number[];
  /** The period length; `"month"` when absent. */
  readonly period?: CohortPeriod;
}
