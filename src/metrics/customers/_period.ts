import { checkBucketing } from "../../_lib/bucket.ts";
import { MetricRangeError } from "../../_lib/errors.ts";

/** The calendar periods customer cohorts are built on. @category Customers */
export type CustomerPeriod = "month" | "week";

/**
 * Throws `E_TIME_ZONE` unless `timeZone` is a valid IANA zone, then `E_PERIOD` unless
 * `period` is month or week. Periods themselves are buckets of `src/_lib/bucket.ts`.
 *
 * @internal
 */
export function checkCalendar(fn: string, timeZone: string, period: string): void {
  checkBucketing(fn, "month", timeZone);
  if (period !== "month" && period !== "week") {
    throw new MetricRangeError("E_PERIOD", `${fn}: period must be "month" or "week", got ${String(period)}`);
  }
}
