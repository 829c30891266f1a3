/**
 * A day of the week, as used in {@link Schedule.weekly}.
 *
 * @category Models
 */
export type Weekday = "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun";

/**
 * A local time range `[start, end]` as `"HH:MM"` strings (24-hour clock). `end` may be
 * `"24:00"`. An `end` earlier than `start` crosses midnight into the next day
 * (`["22:00", "06:00"]`).
 *
 * @category Models
 */
export type TimeRange = readonly [start: string, end: string];

/**
 * A date-specific exception to the weekly hours: a short day, an extra working day, or a
 * closure (`hours: []`). It replaces the weekly hours of that local date.
 *
 * @category Models
 */
export interface ScheduleOverride {
  /** The local date, `"YYYY-MM-DD"`. */
  readonly date: string;
  /** The opening hours of that date; empty when closed. */
  readonly hours: readonly TimeRange[];
}

/**
 * Business hours: when the support team is open, in an IANA time zone.
 *
 * @example
 * ```ts
 * const schedule: Schedule = {
 *   timeZone: "Europe/Bucharest",
 *   weekly: { mon: [["09:00", "17:00"]], tue: [["09:00", "17:00"]] },
 *   holidays: ["2026-12-25"],
 * };
 * ```
 * @category Models
 */
export interface Schedule {
  /** IANA time zone the hours are in, e.g. `"America/Los_Angeles"`. */
  readonly timeZone: string;
  /** Opening hours per weekday; a missing day is closed. */
  readonly weekly: Readonly<Partial<Record<Weekday, readonly TimeRange[]>>>;
  /** Local dates (`"YYYY-MM-DD"`) on which the team is closed all day. */
  readonly holidays?: readonly string[];
  /** Date-specific hours that replace the weekly hours of that date. */
  readonly overrides?: readonly ScheduleOverride[];
}
