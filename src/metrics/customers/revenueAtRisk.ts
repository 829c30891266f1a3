import { MetricRangeError } from "../../_lib/errors.ts";
import { assertCount, assertFinite } from "../../_lib/guards.ts";

/**
 * Revenue at risk: customers lost (or at risk of being lost) multiplied by the value of one
 * customer.
 *
 * @param lostCustomers - How many customers were lost, or are at risk.
 * @param valuePerCustomer - The value of one customer in money (e.g. a lifetime value from
 * {@link customerLifetimeValue}, or an average cost of a lost customer).
 * @returns The amount, in the currency of `valuePerCustomer`.
 * @throws {@link MetricRangeError} `E_COUNT_RANGE` if `lostCustomers` is not a non-negative
 * integer; `E_NOT_FINITE` if `valuePerCustomer` is not finite; `E_VALUE_RANGE` if it is negative;
 * `E_OVERFLOW` if the product is too large for a number (over about 1.8e308).
 * @remarks There is no default value per customer: figures such as the USD 243 "average
 * global cost of a lost customer" quoted in the Russian article are examples, not constants;
 * use your own. Unrounded.
 * @example
 * ```ts
 * revenueAtRisk(10, 243); // => 2430
 * revenueAtRisk(0, 243);  // => 0
 * ```
 * @see Russian article on tying support to revenue (untitled; it opens "На прошлой неделе мы убедились…"; "средняя глобальная стоимость потерянного клиента составляет 243 доллара")
 * @category Customers
 */
export function revenueAtRisk(lostCustomers: number, valuePerCustomer: number): number {
  assertCount("revenueAtRisk", "lostCustomers", lostCustomers);
  assertFinite("revenueAtRisk", "valuePerCustomer", valuePerCustomer);
  if (valuePerCustomer < 0) {
    throw new MetricRangeError("E_VALUE_RANGE", `revenueAtRisk: valuePerCustomer must be at least 0, got ${String(valuePerCustomer)}`);
  }
  const result = lostCustomers * valuePerCustomer;
  if (!Number.isFinite(result)) {
    throw new MetricRangeError(
      "E_OVERFLOW",
      `revenueAtRisk: lostCustomers × valuePerCustomer must be at most ${String(Number.MAX_VALUE)}, got ${String(lostCustomers)} × ${String(valuePerCustomer)}`,
    );
  }
  return result === 0 ? 0 : result;
}
