import { bucketer, bucketIndex } from "../../_lib/bucket.ts";
import { assertDate, noNegativeZero } from "../../_lib/guards.ts";
import { exactAdd, exactSum, exactValue } from "../../_lib/exactSum.ts";
import { cleanCustomerData } from "./_data.ts";
import { checkCalendar, type CustomerPeriod } from "./_period.ts";
import type { CustomerData, CustomerDataCounts, CustomerIssue, RateResult } from "./types.ts";

/**
 * Options of {@link revenueRetention}.
 *
 * @category Customers
 */
export interface RevenueRetentionOptions {
  /** IANA time zone whose calendar sets the period boundaries. Required. */
  readonly timeZone: string;
  /** Any instant inside the base period; the comparison period is the one after it. Required. */
  readonly base: Date;
  /** `"month"` or `"week"` (ISO, Monday first). Default `"month"`. */
  readonly period?: CustomerPeriod;
}

/**
 * The result of {@link revenueRetention}. Money is in the currency of the amounts.
 *
 * @category Customers
 */
export interface RevenueRetentionResult {
  /** Label of the base period, e.g. `"2026-01"`. */
  readonly basePeriod: string;
  /** Label of the comparison period (the next one). */
  readonly nextPeriod: string;
  /** Customers with revenue in the base period. */
  readonly baseCustomers: number;
  /** Base customers with no revenue in the next period. */
  readonly churnedCustomers: number;
  /** Base-period revenue of the base customers. */
  readonly baseRevenue: number;
  /** Base-period revenue of the churned customers. */
  readonly churnedRevenue: number;
  /** Revenue lost by base customers who spent less, but not 0, in the next period. */
  readonly contraction: number;
  /** Revenue gained from base customers who spent more in the next period. */
  readonly expansion: number;
  /** `(churnedRevenue + contraction) / baseRevenue`, from 0 to 1. */
  readonly grossRevenueChurn: RateResult;
  /**
   * Next-period revenue of the base customers / `baseRevenue`
   * (= `(baseRevenue − churnedRevenue − contraction + expansion) / baseRevenue`); may exceed 1.
   */
  readonly netRevenueRetention: RateResult;
  /** Records set aside. */
  readonly issues: readonly CustomerIssue[];
  /** Records in and records used. */
  readonly counts: CustomerDataCounts;
}

/**
 * Revenue churn and net revenue retention between two consecutive calendar periods: of the
 * customers with revenue in the base period, the revenue lost (churned plus contraction) over
 * their base revenue, and their next-period revenue over their base revenue.
 *
 * @param customers - {@link CustomerData} whose activity carries `amount`s.
 * @param options - {@link RevenueRetentionOptions}: `timeZone` and `base` (required), `period`
 * (default `"month"`).
 * @returns The components and the two rates; a rate is `undefined` when no customer had
 * revenue in the base period.
 * @throws {@link MetricRangeError} `E_INVALID_DATE` for an invalid start, activity date or
 * `base`; `E_NOT_FINITE` for a non-finite amount; `E_TIME_ZONE`; `E_PERIOD`.
 * @remarks Revenue of a customer in a period = the sum of its amounts dated in that period
 * (compensated summation). Customers with no revenue in the base period, and so every new
 * customer of the next period, are left out: net revenue retention measures existing revenue
 * only. A customer is churned when its next-period revenue is 0. For one-off purchases
 * (e-commerce) revenue per period swings a lot; for subscriptions, pass the recurring charges.
 * Records are checked as in {@link buildCohorts} (duplicates, activity before the start,
 * negative amounts are set aside and listed).
 * @example
 * ```ts
 * const at = (s: string) => new Date(s);
 * const start = at("2026-01-01T00:00:00Z");
 * const r = revenueRetention(
 *   [
 *     { customerId: "a", start, activity: [{ at: at("2026-01-05T00:00:00Z"), amount: 100 }, { at: at("2026-02-05T00:00:00Z"), amount: 120 }] },
 *     { customerId: "b", start, activity: [{ at: at("2026-01-06T00:00:00Z"), amount: 100 }, { at: at("2026-02-06T00:00:00Z"), amount: 50 }] },
 *     { customerId: "c", start, activity: [{ at: at("2026-01-07T00:00:00Z"), amount: 100 }] },
 *   ],
 *   { timeZone: "UTC", base: start },
 * );
 * r.grossRevenueChurn.rate;   // => 0.5
 * r.netRevenueRetention.rate; // => 0.5666666666666667
 * ```
 * @see {@link https://en.wikipedia.org/wiki/Churn_rate}
 * @see Russian article on tying support to revenue (untitled; it opens "На прошлой неделе мы убедились…"; "Для многих предприятий это будет удержание клиентов")
 * @category Customers
 */
export function revenueRetention(customers: CustomerData, options: RevenueRetentionOptions): RevenueRetentionResult {
  const fn = "revenueRetention";
  const period = options.period ?? "month";
  const { timeZone } = options;
  checkCalendar(fn, timeZone, period);
  assertDate(fn, "base", options.base);
  const data = cleanCustomerData(fn, customers);
  const baseAt = options.base.getTime();
  const b = bucketIndex(baseAt, period, timeZone);

  const base = exactSum();
  const next = exactSum();
  const churned = exactSum();
  const contraction = exactSum();
  const expansion = exactSum();
  let baseCustomers = 0;
  let churnedCustomers = 0;
  for (const customer of data.customers) {
    const r0 = exactSum();
    const r1 = exactSum();
    for (const event of customer.events) {
      if (event.amount === 0) continue;
      const k = bucketIndex(event.at, period, timeZone);
      if (k === b) exactAdd(r0, event.amount);
      else if (k === b + 1) exactAdd(r1, event.amount);
    }
    const before = exactValue(r0);
    const after = exactValue(r1);
    if (!(before > 0)) continue;
    baseCustomers++;
    exactAdd(base, before);
    exactAdd(next, after);
    if (after === 0) {
      churnedCustomers++;
      exactAdd(churned, before);
    } else if (after < before) exactAdd(contraction, before - after);
    else exactAdd(expansion, after - before);
  }
  const baseRevenue = noNegativeZero(exactValue(base));
  const lost = noNegativeZero(exactValue(churned) + exactValue(contraction));
  const periods = bucketer(period, timeZone);
  const rate = (numerator: number): RateResult => ({
    rate: baseCustomers === 0 ? undefined : noNegativeZero(numerator / baseRevenue),
    numerator,
    denominator: baseRevenue,
  });
  return {
    basePeriod: periods.label(baseAt),
    nextPeriod: periods.label(periods.end(baseAt)),
    baseCustomers,
    churnedCustomers,
    baseRevenue,
    churnedRevenue: noNegativeZero(exactValue(churned)),
    contraction: noNegativeZero(exactValue(contraction)),
    expansion: noNegativeZero(exactValue(expansion)),
    grossRevenueChurn: rate(lost),
    netRevenueRetention: rate(noNegativeZero(exactValue(next))),
    issues: data.issues,
    counts: data.counts,
  };
}
