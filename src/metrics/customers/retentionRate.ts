import { MetricRangeError } from "../../_lib/errors.ts";
import { assertCount } from "../../_lib/guards.ts";

/**
 * Customer retention rate: customers at the end of a period minus the new customers won during
 * it, divided by customers at the start, as a fraction.
 *
 * @param start - Customers at the start of the period.
 * @param end - Customers at the end of the period, new ones included.
 * @param acquired - New customers won during the period who are still customers at the end.
 * @returns The rate from 0 to 1, or `undefined` when there were no customers at the start.
 * @throws {@link MetricRangeError} `E_COUNT_RANGE` if a count is not a non-negative integer;
 * `E_ACQUIRED_EXCEEDS_END` if `acquired > end`; `E_RETAINED_EXCEEDS_START` if
 * `end − acquired > start` (more customers retained than there were).
 * @remarks Three positional counts, as the source formula has them (the house limit is two;
 * the issue fixed this signature). `end − acquired` is the number of start customers retained,
 * so the rate is `1 − churnRate(start, start − (end − acquired))`. `acquired` must leave out new
 * customers who left again within the period, since they are not in `end` either;
 * {@link periodChurn} derives all counts from customer lifetimes.
 * @example
 * ```ts
 * retentionRate(1000, 1200, 300); // => 0.9
 * retentionRate(0, 5, 5);         // => undefined
 * ```
 * @see "8 valori ale serviciului clienți pe care fiecare companie trebuie să le urmărească în 2022" (CRR = (end − new) / start × 100; 1,000, 1,200, 300 → 90 %)
 * @category Customers
 */
export function retentionRate(start: number, end: number, acquired: number): number | undefined {
  const fn = "retentionRate";
  assertCount(fn, "start", start);
  assertCount(fn, "end", end);
  assertCount(fn, "acquired", acquired);
  if (acquired > end) {
    throw new MetricRangeError("E_ACQUIRED_EXCEEDS_END", `${fn}: acquired must be at most end (${String(end)}), got ${String(acquired)}`);
  }
  if (end - acquired > start) {
    throw new MetricRangeError(
      "E_RETAINED_EXCEEDS_START",
      `${fn}: end − acquired must be at most start (${String(start)}), got ${String(end - acquired)}`,
    );
  }
  return start === 0 ? undefined : (end - acquired) / start;
}
