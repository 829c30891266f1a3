import { noNegativeZero } from "../../_lib/guards.ts";
import type { Schedule } from "../../models/schedule.ts";
import { addBusinessTime } from "./addBusinessTime.ts";
import { businessTimeBetween } from "./businessTimeBetween.ts";

/**
 * `end − start` in milliseconds: calendar time, or open time of `schedule` when given.
 *
 * @internal
 */
export function measure(start: Date, end: Date, schedule: Schedule | undefined): number {
  const ms = schedule === undefined ? end.getTime() - start.getTime() : businessTimeBetween(start, end, schedule);
  return noNegativeZero(ms);
}

/**
 * The instant `ms` after `start`: calendar time, or open time of `schedule` when given.
 *
 * @internal
 */
export function advance(start: Date, ms: number, schedule: Schedule | undefined): Date {
  return schedule === undefined ? new Date(start.getTime() + ms) : addBusinessTime(start, ms, schedule);
}
