/**
 * A schedule's opening hours as UTC instants: the intervals business time is measured in, for
 * the SQL forms' schedule table (src/sql).
 *
 * @internal
 * @module
 */
import { MetricRangeError } from "../../_lib/errors.ts";
import type { Schedule } from "../../models/schedule.ts";
import { assertInstant, compileSchedule, openIntervals } from "./_calendar.ts";
import { DAY_MS } from "../../_lib/time.ts";

/** The longest range expanded: 100 years of 365.25 days (about 26,000 intervals a year for a 5-day week). */
const MAX_RANGE_DAYS = 36_525;

/**
 * The open time of `schedule` in `[from, to)` as a flat sorted list `[open0, close0, open1, …]`
 * of disjoint half-open intervals in epoch milliseconds: the very intervals `businessTimeBetween`
 * sums (DST, holidays and overrides resolved by the same calendar code), so the business time
 * between two instants in the range is the total of their intersections with these intervals.
 * Throws `E_INVALID_DATE`, the schedule's codes, and `E_SPAN_LIMIT` beyond 100 years.
 *
 * @internal
 */
export function openingIntervals(fn: string, schedule: Schedule, from: Date, to: Date): number[] {
  const a = assertInstant(fn, "from", from);
  const b = assertInstant(fn, "to", to);
  if (b - a > MAX_RANGE_DAYS * DAY_MS) {
    throw new MetricRangeError(
      "E_SPAN_LIMIT",
      `${fn}: to must be within 100 years (36525 days) of from, got ${String((b - a) / DAY_MS)} days`,
    );
  }
  return openIntervals(compileSchedule(fn, schedule), a, b);
}
