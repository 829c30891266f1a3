import { assertCount } from "../../_lib/guards.ts";
import type { RateResult } from "./types.ts";

/**
 * The result of {@link repeatPurchaseRate}.
 *
 * @category Customers
 */
export interface RepeatPurchaseRateResult extends RateResult {
  /** Customers left out, by reason: `noPurchases` — 0 purchases in the window. */
  readonly skipped: {
    /** Customers with 0 purchases in the window. */
    readonly noPurchases: number;
  };
}

/**
 * Repeat purchase rate: customers with two or more purchases divided by customers with at least
 * one purchase, as a fraction.
 *
 * @param purchasesPerCustomer - The number of purchases of each customer in the window, one
 * entry per customer.
 * @returns The rate (`undefined` when nobody purchased) with its numerator, denominator and the
 * customers skipped for having no purchase.
 * @throws {@link MetricRangeError} `E_COUNT_RANGE` if a count is not a non-negative integer.
 * @remarks Customers with 0 purchases are not in the denominator (they never had a first
 * purchase to repeat) and are counted in `skipped.noPurchases`. The window is whatever the
 * counts cover; compare rates over windows of equal length. To compare promoters with
 * detractors (the Russian article cites promoters being over five times as likely to buy
 * again), compute the rate per group, or pass 0/1 "bought again" values to
 * {@link compareGroups}.
 * @example
 * ```ts
 * repeatPurchaseRate([1, 2, 3, 0, 1]).rate; // => 0.5
 * repeatPurchaseRate([0, 0]).rate;          // => undefined
 * ```
 * @see Russian article on tying support to revenue (untitled; it opens "На прошлой неделе мы убедились…"; repeat purchases and NPS)
 * @see "Top 3 Statistieken om de kwaliteit van de klantenservice te meten" (repeat customers)
 * @category Customers
 */
export function repeatPurchaseRate(purchasesPerCustomer: readonly number[]): RepeatPurchaseRateResult {
  let buyers = 0;
  let repeat = 0;
  let none = 0;
  for (const count of purchasesPerCustomer) {
    assertCount("repeatPurchaseRate", "purchases", count);
    if (count === 0) none++;
    else {
      buyers++;
      if (count >= 2) repeat++;
    }
  }
  return {
    rate: buyers === 0 ? undefined : repeat / buyers,
    numerator: repeat,
    denominator: buyers,
    skipped: { noPurchases: none },
  };
}
