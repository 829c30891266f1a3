import { bucketer, bucketIndex, MAX_BUCKETS } from "../../_lib/bucket.ts";
import { MetricRangeError } from "../../_lib/errors.ts";
import { groupFold, groupResults, type Accumulator } from "../../_lib/group.ts";
import { assertDate } from "../../_lib/guards.ts";
import type { Cohort } from "../../models/cohort.ts";
import { cleanCustomerData, type CleanCustomer } from "./_data.ts";
import { checkCalendar, type CustomerPeriod } from "./_period.ts";
import type { CustomerData, CustomerDataCounts, CustomerIssue } from "./types.ts";

/**
 * What "active in period k" counts in {@link buildCohorts}: `"active"` — at least one activity
 * in period k itself; `"retained"` — at least one activity in period k or any later period up to
 * `asOf` (so the counts never increase from one period to the next).
 *
 * @category Customers
 */
export type CohortMode = "active" | "retained";

/**
 * Options of {@link buildCohorts}.
 *
 * @category Customers
 */
export interface BuildCohortsOptions {
  /** IANA time zone whose calendar sets the period boundaries, e.g. `"Europe/Bucharest"`. Required. */
  readonly timeZone: string;
  /**
   * The end of observation. Cohorts are observed through the period that contains `asOf`
   * (which may be partial); customers starting and activity dated after it are set aside and
   * listed. Required: there is no hidden clock.
   */
  readonly asOf: Date;
  /** `"month"` (calendar months) or `"week"` (ISO weeks, Monday first). Default `"month"`. */
  readonly period?: CustomerPeriod;
  /** {@link CohortMode}. Default `"active"`. */
  readonly mode?: CohortMode;
}

/**
 * The result of {@link buildCohorts}.
 *
 * @category Customers
 */
export interface BuildCohortsResult {
  /** One cohort per period in which at least one used customer started, oldest first. */
  readonly cohorts: readonly Cohort[];
  /** The mode the `active` counts follow. */
  readonly mode: CohortMode;
  /** Records set aside, in input order. */
  readonly issues: readonly CustomerIssue[];
  /** Records in and records used. */
  readonly counts: CustomerDataCounts;
}

/**
 * Groups customers into cohorts by the calendar period of their start, and counts for each
 * following period k how many of a cohort's customers had at least one activity in period k
 * (mode `"active"`) or in period k or later (mode `"retained"`).
 *
 * @param customers - {@link CustomerData}: customers with their activity, nested or flat.
 * @param options - {@link BuildCohortsOptions}: `timeZone` and `asOf` (required), `period`
 * (default `"month"`), `mode` (default `"active"`).
 * @returns The cohorts (an empty list when no customer can be used), the mode, the issues
 * and the counts.
 * @throws {@link MetricRangeError} `E_INVALID_DATE` if a start, an activity date or `asOf` is
 * not a valid Date, or a start lies in a period beginning before the Date range; `E_BUCKET_LIMIT`
 * if more than 1,000,000 periods lie between a start and `asOf`; `E_NOT_FINITE` if an amount is not a finite number; `E_TIME_ZONE` for an
 * unknown time zone; `E_PERIOD` for a period other than month or week; `E_MODE` for a mode
 * other than active or retained.
 * @remarks Period 0 is the period holding the customer's start; `active[k − 1]` counts period
 * k = 1, 2, … up to the period holding `asOf`, so older cohorts have longer series. Activity in
 * the start period itself counts toward nothing. Several activities in one period count the
 * customer once. Boundaries are local midnights in `timeZone` (an activity at
 * 2026-01-31T23:30Z is in February in Europe/Bucharest and in January in UTC). Set aside and
 * listed in `issues`, never used: every occurrence of a duplicated customer id, activity rows
 * with an unknown id, activity before the customer's start, negative amounts, and starts or
 * activity after `asOf`. Results do not depend on the order of the records.
 * @example
 * ```ts
 * const jan = new Date("2026-01-10T12:00:00Z");
 * const feb = new Date("2026-02-10T12:00:00Z");
 * const result = buildCohorts(
 *   [
 *     { customerId: "a", start: jan, activity: [{ at: feb }] },
 *     { customerId: "b", start: jan, activity: [] },
 *   ],
 *   { timeZone: "UTC", asOf: new Date("2026-02-28T00:00:00Z") },
 * );
 * result.cohorts[0]?.label;  // => "2026-01"
 * result.cohorts[0]?.size;   // => 2
 * result.cohorts[0]?.active; // => [1]
 * ```
 * @see "8 valori ale serviciului clienți pe care fiecare companie trebuie să le urmărească în 2022" (retention and churn per period)
 * @see {@link https://en.wikipedia.org/wiki/Cohort_analysis}
 * @category Customers
 */
export function buildCohorts(customers: CustomerData, options: BuildCohortsOptions): BuildCohortsResult {
  const fn = "buildCohorts";
  const period = options.period ?? "month";
  const mode = options.mode ?? "active";
  checkCalendar(fn, options.timeZone, period);
  if (mode !== "active" && mode !== "retained") {
    throw new MetricRangeError("E_MODE", `${fn}: mode must be "active" or "retained", got ${String(mode)}`);
  }
  assertDate(fn, "asOf", options.asOf);
  const { timeZone } = options;
  const asOf = options.asOf.getTime();
  const data = cleanCustomerData(fn, customers, asOf);
  const last = bucketIndex(asOf, period, timeZone);
  const cohort = cohortAccumulator(period, timeZone, mode, last);
  const groups = groupFold(data.customers, (customer) => bucketIndex(customer.start, period, timeZone), cohort);
  const cohorts = [...groupResults(groups, cohort).values()].sort((x, y) => x.start.getTime() - y.start.getTime());
  return { cohorts, mode, issues: data.issues, counts: data.counts };
}

/**
 * Throws `E_INVALID_DATE` when the period holding a customer's start begins before the Date
 * range (a start in April of year −271821 gave an Invalid Date cohort start), and
 * `E_BUCKET_LIMIT` when more than {@link MAX_BUCKETS} periods lie between it and `asOf`.
 */
function checkCohortStart(customer: CleanCustomer, periodStart: number, periods: number, period: CustomerPeriod): void {
  const fn = "buildCohorts";
  const at = new Date(customer.start).toISOString();
  if (!Number.isFinite(new Date(periodStart).getTime())) {
    throw new MetricRangeError(
      "E_INVALID_DATE",
      `${fn}: a customer's start must lie in a ${period} that begins inside the Date range, got ${at}`,
    );
  }
  if (periods > MAX_BUCKETS) {
    throw new MetricRangeError(
      "E_BUCKET_LIMIT",
      `${fn}: at most ${String(MAX_BUCKETS)} ${period} periods must lie between a customer's start and asOf, got ${String(periods)} from ${at}`,
    );
  }
}

/** The running state of one cohort: a customer's start in it, its size, and active[k − 1]. */
interface CohortState {
  at: number;
  size: number;
  readonly active: number[];
}

/** Folds the customers of one start period into its {@link Cohort}, observed up to period `last`. */
function cohortAccumulator(
  period: CustomerPeriod,
  timeZone: string,
  mode: CohortMode,
  last: number,
): Accumulator<CleanCustomer, CohortState, Cohort> {
  const periods = bucketer(period, timeZone);
  return {
    create: () => ({ at: Number.NaN, size: 0, active: [] }),
    add: (acc, customer) => {
      const first = bucketIndex(customer.start, period, timeZone);
      if (acc.size === 0) checkCohortStart(customer, periods.start(customer.start), last - first, period);
      if (acc.size === 0) acc.at = customer.start;
      acc.size++;
      const seen = new Set<number>();
      for (const event of customer.events) {
        const k = bucketIndex(event.at, period, timeZone) - first;
        if (k >= 1) seen.add(k);
      }
      if (mode === "active") {
        for (const k of seen) acc.active[k - 1] = (acc.active[k - 1] ?? 0) + 1;
      } else {
        const latest = Math.max(0, ...seen);
        for (let k = 1; k <= latest; k++) acc.active[k - 1] = (acc.active[k - 1] ?? 0) + 1;
      }
    },
    merge: (a, b) => {
      if (a.size === 0) a.at = b.at;
      a.size += b.size;
      b.active.forEach((n, i) => {
        a.active[i] = (a.active[i] ?? 0) + n;
      });
      return a;
    },
    result: (acc) => {
      const first = bucketIndex(acc.at, period, timeZone);
      const active = Array.from({ length: last - first }, (_, i) => acc.active[i] ?? 0);
      return { label: periods.label(acc.at), start: new Date(periods.start(acc.at)), size: acc.size, active, period };
    },
  };
}
