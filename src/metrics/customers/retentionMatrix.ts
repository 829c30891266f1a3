import { MetricRangeError } from "../../_lib/errors.ts";
import { assertCount, assertDate } from "../../_lib/guards.ts";
import type { Cohort } from "../../models/cohort.ts";
import type { RateResult } from "./types.ts";

/**
 * One cohort's row of a {@link RetentionMatrix}.
 *
 * @category Customers
 */
export interface RetentionRow {
  /** The cohort's label. */
  readonly label: string;
  /** The start of the cohort's first period. */
  readonly start: Date;
  /** The cohort's size. */
  readonly size: number;
  /** Customers active in period k = 1, 2, … (index k − 1), as given. */
  readonly counts: readonly number[];
  /** `counts[i] / size`; `undefined` for a cohort of size 0. */
  readonly fractions: readonly (number | undefined)[];
}

/**
 * One point of the average retention curve of a {@link RetentionMatrix}.
 *
 * @category Customers
 */
export interface RetentionPoint {
  /** Periods since the start, from 1. */
  readonly period: number;
  /** `active / customers`: the size-weighted average retention, `undefined` when `customers` is 0. */
  readonly retention: number | undefined;
  /** Customers active in this period, summed over the cohorts old enough to have it. */
  readonly active: number;
  /** The sizes of those cohorts, summed. */
  readonly customers: number;
  /** How many cohorts are old enough to have this period. */
  readonly cohorts: number;
}

/**
 * Churn from period k − 1 to period k in a {@link RetentionMatrix}: `numerator` = customers
 * active in k − 1 minus customers active in k, `denominator` = customers active in k − 1
 * (period 0 = the cohort size), both summed over the cohorts old enough to have period k.
 *
 * @category Customers
 */
export interface PeriodChurnPoint extends RateResult {
  /** Periods since the start, from 1. */
  readonly period: number;
}

/**
 * The result of {@link retentionMatrix}.
 *
 * @category Customers
 */
export interface RetentionMatrix {
  /** The longest series: the number of periods after the start covered by any cohort. */
  readonly periods: number;
  /** One row per cohort, in input order. */
  readonly rows: readonly RetentionRow[];
  /** The size-weighted average retention curve, periods 1 to `periods`. */
  readonly curve: readonly RetentionPoint[];
  /** Period-over-period churn, periods 1 to `periods`. */
  readonly churn: readonly PeriodChurnPoint[];
}

/**
 * Turns cohorts into a retention matrix: per cohort, active customers in each following period
 * as counts and as fractions of the cohort size; the average curve, active customers summed
 * over cohort sizes summed (only cohorts old enough to have the period); and the churn from each
 * period to the next.
 *
 * @param cohorts - Cohorts, e.g. from {@link buildCohorts}.
 * @returns The matrix, or `undefined` when there are no cohorts.
 * @throws {@link MetricRangeError} `E_COUNT_RANGE` if a size or count is not a non-negative
 * integer; `E_ACTIVE_EXCEEDS_SIZE` if a count exceeds its cohort's size; `E_INVALID_DATE` if a
 * cohort's start is not a valid Date.
 * @remarks The curve weights each cohort by its size, which is the pooled share of customers,
 * not the plain mean of the cohorts' fractions. Churn for period k is
 * (Σ active in k − 1 − Σ active in k) / Σ active in k − 1 over the cohorts that have period k;
 * with cohorts built in `"retained"` mode it is the share of the customers retained through
 * k − 1 who were not retained through k, a fraction from 0 to 1. With `"active"` mode counts can
 * rise (customers come back), so it is a net figure that can be negative. For period 1 it is the
 * seed formula: customers lost / customers at start.
 * @example
 * ```ts
 * const m = retentionMatrix([
 *   { label: "2026-01", start: new Date("2026-01-01T00:00:00Z"), size: 2000, active: [1600] },
 * ]);
 * m?.churn[0]?.rate;       // => 0.2
 * m?.curve[0]?.retention;  // => 0.8
 * retentionMatrix([]);     // => undefined
 * ```
 * @see "8 valori ale serviciului clienți pe care fiecare companie trebuie să le urmărească în 2022" (churn = lost / customers at start)
 * @see {@link https://en.wikipedia.org/wiki/Cohort_analysis}
 * @category Customers
 */
export function retentionMatrix(cohorts: readonly Cohort[]): RetentionMatrix | undefined {
  if (cohorts.length === 0) return undefined;
  const fn = "retentionMatrix";
  let periods = 0;
  for (const cohort of cohorts) {
    assertDate(fn, "start", cohort.start);
    assertCount(fn, "size", cohort.size);
    for (const count of cohort.active) {
      assertCount(fn, "active count", count);
      if (count > cohort.size) {
        throw new MetricRangeError(
          "E_ACTIVE_EXCEEDS_SIZE",
          `${fn}: active count must be at most the cohort size (${String(cohort.size)}) in cohort ${cohort.label}, got ${String(count)}`,
        );
      }
    }
    periods = Math.max(periods, cohort.active.length);
  }

  const rows: RetentionRow[] = cohorts.map((cohort) => ({
    label: cohort.label,
    start: cohort.start,
    size: cohort.size,
    counts: [...cohort.active],
    fractions: cohort.active.map((count) => (cohort.size === 0 ? undefined : count / cohort.size)),
  }));

  const curve: RetentionPoint[] = [];
  const churn: PeriodChurnPoint[] = [];
  for (let k = 1; k <= periods; k++) {
    let active = 0;
    let customers = 0;
    let count = 0;
    let before = 0;
    for (const cohort of cohorts) {
      if (cohort.active.length < k) continue;
      const now = cohort.active[k - 1] as number;
      active += now;
      customers += cohort.size;
      count++;
      before += k === 1 ? cohort.size : (cohort.active[k - 2] as number);
    }
    curve.push({ period: k, retention: customers === 0 ? undefined : active / customers, active, customers, cohorts: count });
    const lost = before - active;
    churn.push({
      period: k,
      rate: before === 0 ? undefined : (lost === 0 ? 0 : lost) / before,
      numerator: lost === 0 ? 0 : lost,
      denominator: before,
    });
  }
  return { periods, rows, curve, churn };
}
