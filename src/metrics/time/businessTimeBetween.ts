import { noNegativeZero } from "../../_lib/guards.ts";
import type { Schedule } from "../../models/schedule.ts";
import { assertInstant, compileSchedule, openIntervals } from "./_calendar.ts";
import { DAY_MS } from "./_calendarZone.ts";

/** Long spans are measured in chunks of 1,024 days. */
const CHUNK_MS = 1_024 * DAY_MS;

/**
 * Business time between two instants: the milliseconds of `[start, end)` during which the
 * schedule is open, negative when `end` is before `start`.
 *
 * @param start - The instant the clock starts.
 * @param end - The instant the clock stops; before `start` gives a negative result.
 * @param schedule - Opening hours in an IANA time zone, with optional holidays and overrides.
 * @returns Open milliseconds in `[start, end)`; `0` when they are equal or nothing is open.
 *   Never `undefined`.
 * @throws {@link MetricRangeError} `E_INVALID_DATE` if `start` or `end` is not a valid Date
 *   at least 5 days inside the Date range.
 * @throws {@link MetricRangeError} `E_SCHEDULE_INVALID` if the schedule is malformed (bad
 *   time zone, bad `"HH:MM"`, a range with start = end, a bad or repeated date); the message
 *   names the field.
 * @remarks
 * The open time of a local date is its override's hours if it has one, else nothing if it is
 * a holiday, else the weekly hours of its weekday. A range belongs to the date it starts on:
 * `["22:00", "06:00"]` on Monday is open Monday 22:00 → Tuesday 06:00, a holiday on Monday
 * closes it, a holiday on Tuesday does not. `"24:00"` ends at the next midnight. Ranges of a
 * date are merged as wall-clock ranges and the union over all dates is taken, so overlaps
 * never count twice. Wall times become instants with the `"compatible"` rule: a time in a
 * spring-forward gap moves forward by the gap, an ambiguous time takes its first
 * occurrence. So 01:00–03:00 on a spring-forward day is 1 h, 00:00–24:00 on a fall-back
 * day is 25 h, and a 24/7 schedule gives exactly `end − start`. Antisymmetric and additive:
 * `f(a, b) + f(b, c) = f(a, c)`. The host time zone plays no part. Cost is proportional to
 * the number of local days spanned; the compiled schedule and each day's instants are
 * cached per schedule object, so do not mutate a schedule after using it.
 * @example
 * ```ts
 * const schedule = { timeZone: "Europe/Bucharest", weekly: { mon: [["09:00", "17:00"]] } } as const;
 * // Monday 2026-03-02 08:00 → 12:00 local (UTC+2): open 09:00–12:00
 * businessTimeBetween(new Date("2026-03-02T06:00:00Z"), new Date("2026-03-02T10:00:00Z"), schedule); // => 10800000
 * businessTimeBetween(new Date("2026-03-02T10:00:00Z"), new Date("2026-03-02T06:00:00Z"), schedule); // => -10800000
 * ```
 * @see {@link https://tc39.es/proposal-temporal/docs/timezone.html#ambiguity-due-to-dst-or-other-time-zone-offset-changes} (the `"compatible"` rule)
 * @category Time
 */
export function businessTimeBetween(start: Date, end: Date, schedule: Schedule): number {
  const from = assertInstant("businessTimeBetween", "start", start);
  const to = assertInstant("businessTimeBetween", "end", end);
  const compiled = compileSchedule("businessTimeBetween", schedule);
  const sign = to >= from ? 1 : -1;
  const [lo, hi] = sign > 0 ? [from, to] : [to, from];
  let total = 0;
  // Open time is additive over adjacent spans, so long spans go in chunks of CHUNK_MS to keep
  // memory bounded. Interval ends are whole milliseconds: the integer sum is exact.
  for (let a = lo; a < hi; a += CHUNK_MS) {
    const list = openIntervals(compiled, a, Math.min(a + CHUNK_MS, hi));
    for (let i = 0; i < list.length; i += 2) total += (list[i + 1] as number) - (list[i] as number);
  }
  return noNegativeZero(sign * total);
}
