import { MetricRangeError } from "../../_lib/errors.ts";
import { assertFinite } from "../../_lib/guards.ts";
import type { Schedule } from "../../models/schedule.ts";
import { assertInstant, compileSchedule, LIMIT_MS, openIntervals, type CompiledSchedule } from "./_calendar.ts";
import { DAY_MS } from "../../_lib/time.ts";

/** How far {@link addBusinessTime} searches: 100 years of 365.25 days. */
const HORIZON_DAYS = 36_525;
const FN = "addBusinessTime";

/**
 * Adds business time: the instant at which `ms` milliseconds of open time have elapsed
 * after `start` (before it when `ms` is negative).
 *
 * @param start - The instant to count from.
 * @param ms - Business milliseconds to add; negative goes backward, `0` returns `start`.
 * @param schedule - Opening hours in an IANA time zone, with optional holidays and overrides.
 * @returns A new `Date`: the earliest instant `t ≥ start` with
 *   `businessTimeBetween(start, t) = ms` (for `ms < 0`, the latest `t ≤ start`). Never
 *   `undefined`.
 * @throws {@link MetricRangeError} `E_INVALID_DATE` if `start` is not a valid Date at least
 *   5 days inside the Date range.
 * @throws {@link MetricRangeError} `E_NOT_FINITE` if `ms` is not a finite number.
 * @throws {@link MetricRangeError} `E_SCHEDULE_INVALID` if the schedule is malformed; the
 *   message names the field.
 * @throws {@link MetricRangeError} `E_SCHEDULE_EMPTY` if `ms ≠ 0` and the schedule has no
 *   opening hours at all, or not enough left in the direction of travel (no weekly hours, and
 *   the override hours beyond `start` add up to less than `|ms|`).
 * @throws {@link MetricRangeError} `E_SCHEDULE_HORIZON` if `|ms|` of open time is not reached
 *   within 100 years (36,525 days) of `start`, or before the end of the Date range.
 * @remarks
 * Same calendar rules as {@link businessTimeBetween} (overrides replace a date's hours,
 * holidays close the ranges that start on them, DST gaps move forward, ambiguous times take
 * the first occurrence). Going forward the result lies inside an open interval or at its
 * end (never at the start of the next one after a closed stretch); going backward it lies
 * inside an open interval or at its start. `ms = 0` returns a copy of `start` even when the
 * schedule is closed then (and performs no schedule search, though the schedule is still
 * validated). A fractional `ms` rounds away from `start` to the next whole millisecond, so
 * at least `|ms|` elapses. The search widens from 8 days by a factor of 4, so its cost is
 * proportional to the days actually needed.
 * @example
 * ```ts
 * const schedule = { timeZone: "Europe/Bucharest", weekly: { mon: [["09:00", "17:00"]], tue: [["09:00", "17:00"]] } } as const;
 * // Monday 2026-03-02 16:00 local + 2 h of business time → Tuesday 10:00 local (08:00 UTC)
 * addBusinessTime(new Date("2026-03-02T14:00:00Z"), 7_200_000, schedule).toISOString(); // => "2026-03-03T08:00:00.000Z"
 * addBusinessTime(new Date("2026-03-03T08:00:00Z"), -7_200_000, schedule).toISOString(); // => "2026-03-02T14:00:00.000Z"
 * ```
 * @see {@link https://tc39.es/proposal-temporal/docs/timezone.html#ambiguity-due-to-dst-or-other-time-zone-offset-changes} (the `"compatible"` rule)
 * @category Time
 */
export function addBusinessTime(start: Date, ms: number, schedule: Schedule): Date {
  const from = assertInstant(FN, "start", start);
  assertFinite(FN, "ms", ms);
  const compiled = compileSchedule(FN, schedule);
  if (ms === 0) return new Date(from);
  if (!compiled.hasWeekly && Number.isNaN(compiled.firstOpenSpecial)) {
    throw new MetricRangeError("E_SCHEDULE_EMPTY", `${FN}: schedule must have opening hours, got none`);
  }
  return new Date(ms > 0 ? forward(compiled, from, ms) : backward(compiled, from, -ms));
}

function forward(schedule: CompiledSchedule, from: number, ms: number): number {
  for (let days = 8; ; days = Math.min(days * 4, HORIZON_DAYS)) {
    const to = Math.min(from + days * DAY_MS, LIMIT_MS);
    const list = openIntervals(schedule, from, to);
    let remaining = ms;
    for (let i = 0; i < list.length; i += 2) {
      const a = list[i] as number;
      const length = (list[i + 1] as number) - a;
      if (remaining <= length) return a + Math.ceil(remaining);
      remaining -= length;
    }
    // No weekly hours: once the window covers every range of the last open override, no
    // open time can follow (a range ends within 3 UTC days of its date's midnight).
    if (!schedule.hasWeekly && !(to < (schedule.lastOpenSpecial + 3) * DAY_MS)) throw runsOut("after", from, ms, ms - remaining);
    if (days >= HORIZON_DAYS || to >= LIMIT_MS) throw horizon(ms);
  }
}

function backward(schedule: CompiledSchedule, from: number, ms: number): number {
  for (let days = 8; ; days = Math.min(days * 4, HORIZON_DAYS)) {
    const to = Math.max(from - days * DAY_MS, -LIMIT_MS);
    const list = openIntervals(schedule, to, from);
    let remaining = ms;
    for (let i = list.length - 2; i >= 0; i -= 2) {
      const b = list[i + 1] as number;
      const length = b - (list[i] as number);
      if (remaining <= length) return b - Math.ceil(remaining);
      remaining -= length;
    }
    // Ranges of a date start no earlier than 1 UTC day before its midnight.
    if (!schedule.hasWeekly && !(to > (schedule.firstOpenSpecial - 1) * DAY_MS)) throw runsOut("before", from, ms, ms - remaining);
    if (days >= HORIZON_DAYS || to <= -LIMIT_MS) throw horizon(-ms);
  }
}

function runsOut(where: "after" | "before", from: number, ms: number, available: number): MetricRangeError {
  return new MetricRangeError(
    "E_SCHEDULE_EMPTY",
    `${FN}: schedule must have ${String(ms)} ms of opening hours ${where} start ${new Date(from).toISOString()}, got ${String(available)}`,
  );
}

function horizon(ms: number): MetricRangeError {
  return new MetricRangeError("E_SCHEDULE_HORIZON", `${FN}: ms of business time must elapse within 100 years of start, got ${String(ms)}`);
}
