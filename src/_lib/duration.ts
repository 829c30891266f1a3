import type { Duration } from "date-fns";
import { MetricRangeError } from "./errors.ts";
import { DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS, WEEK_MS } from "./time.ts";

/**
 * A length of time as milliseconds, or as a date-fns `Duration` of fixed-length units
 * (weeks, days, hours, minutes, seconds). Months and years have no fixed length and are
 * refused. Days are 24 hours here: a duration option is an amount of elapsed time.
 *
 * @category Time
 */
export type DurationInput = number | Duration;

const MS = { weeks: WEEK_MS, days: DAY_MS, hours: HOUR_MS, minutes: MINUTE_MS, seconds: SECOND_MS } as const;

/**
 * Converts a {@link DurationInput} to milliseconds, refusing negative, non-finite and
 * calendar-dependent (months, years) amounts with `E_DURATION`.
 *
 * @internal
 */
export function toMilliseconds(fn: string, name: string, input: DurationInput): number {
  if (typeof input === "number") {
    if (!Number.isFinite(input) || input < 0) {
      throw new MetricRangeError("E_DURATION", `${fn}: ${name} must be a non-negative number of milliseconds, got ${String(input)}`);
    }
    return input;
  }
  if (input === null || typeof input !== "object") {
    throw new MetricRangeError("E_DURATION", `${fn}: ${name} must be milliseconds or a Duration object, got ${String(input)}`);
  }
  if ((input.years ?? 0) !== 0 || (input.months ?? 0) !== 0) {
    throw new MetricRangeError("E_DURATION", `${fn}: ${name} must not use years or months (no fixed length), got ${JSON.stringify(input)}`);
  }
  let ms = 0;
  for (const unit of Object.keys(MS) as (keyof typeof MS)[]) {
    const amount = input[unit] ?? 0;
    if (!Number.isFinite(amount) || amount < 0) {
      throw new MetricRangeError("E_DURATION", `${fn}: ${name}.${unit} must be a non-negative number, got ${String(amount)}`);
    }
    ms += amount * MS[unit];
  }
  if (!Number.isFinite(ms)) {
    throw new MetricRangeError("E_DURATION", `${fn}: ${name} must add up to a finite number of milliseconds, got ${JSON.stringify(input)}`);
  }
  return ms;
}
