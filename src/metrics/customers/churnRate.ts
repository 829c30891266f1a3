import { MetricRangeError } from "../../_lib/errors.ts";
import { assertCount } from "../../_lib/guards.ts";

/**
 * Customer churn rate: customers lost during a period divided by customers at the start of the
 * period, as a fraction.
 *
 * @param start - Customers at the start of the period.
 * @param lost - How many of those customers were lost during the period.
 * @returns The rate from 0 to 1, or `undefined` when there were no customers at the start.
 * @throws {@link MetricRangeError} `E_COUNT_RANGE` if a count is not a non-negative integer
 * (negative, fractional, `NaN`, infinite); `E_LOST_EXCEEDS_START` if `lost > start`.
 * @remarks `lost` counts only customers who were there at the start: customers who joined and
 * left inside the period belong to neither count (see {@link periodChurn} for the variant that
 * counts them). When nobody was acquired and `lost = start − end`,
 * `churnRate(start, lost) + retentionRate(start, end, 0) = 1`. Multiply by 100 for a percentage.
 * @example
 * ```ts
 * churnRate(2000, 400); // => 0.2
 * churnRate(0, 0);      // => undefined
 * ```
 * @see "8 valori ale serviciului clienți pe care fiecare companie trebuie să le urmărească în 2022" (churn = lost / customers at start; its example 2,000 / 400 prints 2 %, the formula gives 20 %)
 * @category Customers
 */
export function churnRate(start: number, lost: number): number | undefined {
  assertCount("churnRate", "start", start);
  assertCount("churnRate", "lost", lost);
  if (lost > start) {
    throw new MetricRangeError("E_LOST_EXCEEDS_START", `churnRate: lost must be at most start (${String(start)}), got ${String(lost)}`);
  }
  return start === 0 ? undefined : lost / start;
}
