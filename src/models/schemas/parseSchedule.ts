import type { Schedule } from "../schedule.ts";
import { parseOne } from "./core.ts";
import { scheduleRowSchema } from "./rows.ts";

/**
 * Validates an untrusted value (e.g. a parsed JSON config) as a {@link Schedule} and
 * returns it.
 *
 * @param value - A plain object with `timeZone`, `weekly` and optional `holidays` and
 *   `overrides`.
 * @returns The schedule (a new object).
 * @throws {@link ModelValidationError} `E_INVALID_SCHEDULE` naming the first field, its
 *   reason and value; `issues` lists every problem.
 * @remarks Checks: `timeZone` is an IANA zone the runtime knows (`Intl.DateTimeFormat`);
 * `weekly` has only the keys `mon` … `sun`; each range is `[start, end]` with `start` from
 * `00:00` to `23:59`, `end` from `00:00` to `24:00` and `end ≠ start` (an earlier `end`
 * crosses midnight); holiday and override dates are `"YYYY-MM-DD"` dates that exist;
 * override dates are distinct. `null` or a blank `holidays`/`overrides` counts as absent.
 * Overlapping ranges are not rejected.
 * @example
 * ```ts
 * parseSchedule({ timeZone: "Europe/Bucharest", weekly: { mon: [["09:00", "17:00"]] }, holidays: null }).holidays;
 * // => undefined
 * parseSchedule({ timeZone: "Europe/Bucharest", weekly: { monday: [["09:00", "17:00"]] } });
 * // => throws ModelValidationError: parseSchedule: weekly.monday is not a weekday (mon, tue, wed, thu, fri, sat, sun), got an array of 1
 * ```
 * @see {@link https://www.iana.org/time-zones | IANA Time Zone Database}
 * @category Models
 */
export function parseSchedule(value: unknown): Schedule {
  return parseOne(scheduleRowSchema, value, "parseSchedule", "E_INVALID_SCHEDULE");
}
